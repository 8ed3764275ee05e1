package org.dedup.bench.duke;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordFiles;
import org.dedup.ml.training.DefaultModelRecipe;

/**
 * One Febrl data set of the repository's copy ({@code dedup-ml-matcher/data/febrl}, the one our matcher trains
 * on): its records' ids in file order and the person each belongs to, read from the id ({@code rec-<N>-org} or
 * {@code rec-<N>-dup-<k>}: person N).
 *
 * @param path     the CSV file
 * @param ids      the records' {@code rec_id}, in file order
 * @param personOf the person of each record, by index in {@code ids}
 */
public record FebrlFile(Path path, List<String> ids, int[] personOf) {
    /** Overrides where the Febrl files are looked for. */
    public static final String DIRECTORY_PROPERTY = "febrl.dir";

    public FebrlFile {
        ids = List.copyOf(ids);
        personOf = personOf.clone();
    }

    /** Reads the ids of {@code name} ({@code dataset3.csv}, ...) in {@link #directory()}. */
    public static FebrlFile read(String name) {
        return read(directory().resolve(name));
    }

    /** Reads the ids of a Febrl-format file, and their persons, as the matcher's own reader does. */
    public static FebrlFile read(Path path) {
        LabelledRecords records = RecordFiles.readFebrl(path);
        List<String> ids = records.records().stream().map(PersonRecord::id).toList();
        return new FebrlFile(path, ids, ids.stream().mapToInt(id -> Integer.parseInt(records.clusterOf().get(id)))
                .toArray());
    }

    /**
     * The Febrl directory: the system property {@value #DIRECTORY_PROPERTY}, else
     * {@code dedup-ml-matcher/data/febrl} in the working directory or the nearest directory above it that has one
     * (the repository root for run.sh, the module's directory for its tests).
     */
    public static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DefaultModelRecipe.FEBRL_DIRECTORY);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + DefaultModelRecipe.FEBRL_DIRECTORY + " in or above "
                + Path.of("").toAbsolutePath() + "; set -D" + DIRECTORY_PROPERTY);
    }

    /** Index of each id, numbered from {@code offset}. */
    public Map<String, Integer> indexes(int offset) {
        Map<String, Integer> indexes = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            indexes.put(ids.get(i), offset + i);
        }
        return indexes;
    }

    @Override
    public int[] personOf() {
        return personOf.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FebrlFile that && path.equals(that.path) && ids.equals(that.ids);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + ids.hashCode();
    }

    @Override
    public String toString() {
        return path.getFileName() + " (" + ids.size() + " records)";
    }
}
