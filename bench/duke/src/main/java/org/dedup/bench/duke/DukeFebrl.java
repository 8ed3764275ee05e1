package org.dedup.bench.duke;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import no.priv.garshol.duke.Configuration;
import no.priv.garshol.duke.DataSource;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.datasources.CSVDataSource;
import no.priv.garshol.duke.datasources.Column;
import org.dedup.bench.data.PairQuality;

/**
 * Duke on the Febrl data with {@code duke/febrl.xml}: deduplication of one file (Duke's deduplication mode) and
 * linkage of two (Duke's record linkage mode, keeping the single best match of each record, as Febrl4 links
 * each record to exactly one). The threshold is the configuration's unless one is given.
 */
record DukeFebrl(PeakMemory memory) {
    static final String CONFIG = "classpath:duke/febrl.xml";

    /** Deduplicates {@code file}. */
    Outcome deduplicate(FebrlFile file, OptionalDouble threshold) {
        long start = System.nanoTime();
        Configuration config = load(threshold);
        PairListener listener = PairListener.pairs(file.indexes(0));
        Processor processor = new Processor(config, config.getDatabase(true));
        processor.addMatchListener(listener);
        processor.deduplicate(List.of(source(config, file.path())), DukeConfig.BATCH);
        double seconds = (System.nanoTime() - start) / 1e9;
        memory.checkpoint();
        processor.close();
        int[] personOf = file.personOf();
        return new Outcome(file.ids().size(), seconds, processor.getComparisonCount(),
                PairQuality.score(listener.pairs(), personOf, PairQuality.samePairs(personOf)),
                note(config));
    }

    /** Links each record of {@code second} to its best match in {@code first}. */
    Outcome link(FebrlFile first, FebrlFile second, OptionalDouble threshold) {
        long start = System.nanoTime();
        Configuration config = load(threshold);
        Map<String, Integer> indexes = new HashMap<>(first.indexes(0));
        indexes.putAll(second.indexes(first.ids().size()));
        PairListener listener = PairListener.pairs(indexes);
        Processor processor = new Processor(config, config.getDatabase(true));
        processor.addMatchListener(listener);
        processor.link(List.of(source(config, first.path())), List.of(source(config, second.path())), false,
                DukeConfig.BATCH);
        double seconds = (System.nanoTime() - start) / 1e9;
        memory.checkpoint();
        processor.close();
        int[] personOf = concat(first.personOf(), second.personOf());
        return new Outcome(first.ids().size() + second.ids().size(), seconds, processor.getComparisonCount(),
                PairQuality.score(listener.pairs(), personOf, crossPairs(first.personOf(), second.personOf())),
                note(config));
    }

    /**
     * The threshold with the best pair F1 over the training files (deduplicated one by one with every match
     * above 0.5 reported): Duke's documented way is to tune a configuration against known matches, and this
     * tunes only the threshold, on the training data of the usual Febrl protocol, never on the test files.
     */
    static double calibrate(List<FebrlFile> training) {
        List<double[]> scored = new ArrayList<>();
        long truth = 0;
        for (FebrlFile file : training) {
            Configuration config = load(OptionalDouble.of(0.5));
            PairListener listener = PairListener.withConfidences(file.indexes(0));
            Processor processor = new Processor(config, config.getDatabase(true));
            processor.addMatchListener(listener);
            processor.deduplicate(List.of(source(config, file.path())), DukeConfig.BATCH);
            processor.close();
            int[] personOf = file.personOf();
            listener.confidences().forEach((pair, confidence) -> scored.add(new double[] {confidence,
                    personOf[(int) (pair >>> 32)] == personOf[(int) (long) pair] ? 1 : 0}));
            truth += PairQuality.samePairs(personOf);
        }
        scored.sort((x, y) -> Double.compare(y[0], x[0]));
        double best = 0.5;
        double bestF1 = -1;
        long right = 0;
        for (int i = 0; i < scored.size(); i++) {
            right += (long) scored.get(i)[1];
            boolean lastOfTies = i + 1 == scored.size() || scored.get(i + 1)[0] < scored.get(i)[0];
            double f1 = new PairQuality(i + 1, truth, right).f1();
            if (lastOfTies && f1 > bestF1) {
                bestF1 = f1;
                best = i + 1 == scored.size() ? 0.5 : (scored.get(i)[0] + scored.get(i + 1)[0]) / 2;
            }
        }
        return best;
    }

    static Configuration load(OptionalDouble threshold) {
        Configuration config = DukeConfig.load(CONFIG);
        threshold.ifPresent(config::setThreshold);
        return config;
    }

    /** A CSV source with the configuration's columns, reading {@code file}. */
    private static DataSource source(Configuration config, Path file) {
        CSVDataSource template = (CSVDataSource) config.getDataSources().iterator().next();
        CSVDataSource source = new CSVDataSource();
        source.setSeparator(template.getSeparator());
        source.setHeaderLine(template.getHeaderLine());
        source.setSkipLines(template.getSkipLines());
        Collection<Column> columns = template.getColumns();
        columns.forEach(source::addColumn);
        source.setInputFile(file.toString());
        source.setEncoding("UTF-8");
        return source;
    }

    private static String note(Configuration config) {
        return "threshold " + config.getThreshold();
    }

    private static int[] concat(int[] first, int[] second) {
        int[] all = new int[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** Pairs of one record of each file that are the same person. */
    private static long crossPairs(int[] first, int[] second) {
        Map<Integer, Integer> inFirst = new HashMap<>();
        for (int person : first) {
            inFirst.merge(person, 1, Integer::sum);
        }
        long pairs = 0;
        for (int person : second) {
            pairs += inFirst.getOrDefault(person, 0);
        }
        return pairs;
    }
}
