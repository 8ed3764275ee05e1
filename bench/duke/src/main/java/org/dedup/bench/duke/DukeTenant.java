package org.dedup.bench.duke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import no.priv.garshol.duke.Configuration;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.RecordIterator;
import no.priv.garshol.duke.databases.LuceneDatabase;
import org.dedup.bench.data.PairQuality;
import org.dedup.bench.data.PersonTenant;

/**
 * Duke's deduplication mode over a generated tenant with {@code duke/tenant.xml}, its Lucene index on disk in a
 * fresh directory. Records go to Duke in its default batches of 40,000 (index the batch, then match each of its
 * records against everything indexed so far); after each batch the time bound is checked, and a run stopped by it
 * reports what it processed and an extrapolation of the rest at the last batch's rate.
 */
record DukeTenant(PeakMemory memory) {
    static final String CONFIG = "classpath:duke/tenant.xml";

    Outcome deduplicate(PersonTenant tenant, double limitSeconds) {
        Path index = temporaryDirectory();
        try {
            return deduplicate(tenant, limitSeconds, index);
        } finally {
            delete(index);
        }
    }

    private Outcome deduplicate(PersonTenant tenant, double limitSeconds, Path index) {
        long start = System.nanoTime();
        Configuration config = DukeConfig.load(CONFIG);
        TenantDataSource source = (TenantDataSource) config.getDataSources().iterator().next();
        source.setContacts(tenant.contacts());
        LuceneDatabase database = (LuceneDatabase) config.getDatabase(true);
        database.setPath(index.toString());
        Map<String, Integer> indexOfId = new HashMap<>(tenant.contacts().size() * 2);
        for (int i = 0; i < tenant.contacts().size(); i++) {
            indexOfId.put(Integer.toString(i), i);
        }
        PairListener listener = PairListener.pairs(indexOfId);
        Processor processor = new Processor(config, database);
        processor.addMatchListener(listener);
        int done = 0;
        double lastBatchSeconds = 0;
        double seconds = 0;
        RecordIterator records = source.getRecords();
        while (records.hasNext() && seconds < limitSeconds) {
            List<Record> batch = new ArrayList<>(DukeConfig.BATCH);
            while (records.hasNext() && batch.size() < DukeConfig.BATCH) {
                batch.add(records.next());
            }
            double before = seconds;
            processor.deduplicate(batch);
            done += batch.size();
            seconds = (System.nanoTime() - start) / 1e9;
            lastBatchSeconds = seconds - before;
            System.err.printf("duke: %,d records in %.1f s (last batch %.0f records/s)%n", done, seconds,
                    batch.size() / lastBatchSeconds);
        }
        memory.checkpoint();
        processor.close();
        int total = tenant.contacts().size();
        int[] personOf = Arrays.copyOf(tenant.personOf(), done);
        double lastRate = DukeConfig.BATCH / lastBatchSeconds;
        double rest = (total - done) / lastRate;
        String note = done == total ? "complete"
                : String.format("stopped at the %.0f s bound after %,d of %,d records; at the last batch's %.0f "
                        + "records/s the rest would take %.0f s more: EXTRAPOLATED total %.0f s (a lower bound: each "
                        + "batch searches a larger index)", limitSeconds, done, total, lastRate, rest, seconds + rest);
        return new Outcome(done, seconds, done == total ? seconds : seconds + rest, processor.getComparisonCount(),
                PairQuality.score(listener.pairs(), personOf, PairQuality.samePairs(personOf)), note);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("duke-tenant-index");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for Duke's index", e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not delete Duke's index " + directory + ": " + e);
        }
    }
}
