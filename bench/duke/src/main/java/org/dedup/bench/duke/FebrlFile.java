package org.dedup.bench.duke;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Febrl data set on the classpath ({@code febrl/dataset3.csv}, ...): its records' ids in file order and the
 * person each belongs to, read from the id ({@code rec-<N>-org} or {@code rec-<N>-dup-<k>}: person N).
 *
 * @param resource the classpath resource
 * @param ids      the records' {@code rec_id}, in file order
 * @param personOf the person of each record, by index in {@code ids}
 */
public record FebrlFile(String resource, List<String> ids, int[] personOf) {
    public FebrlFile {
        ids = List.copyOf(ids);
        personOf = personOf.clone();
    }

    /** Reads the ids of {@code resource}. */
    public static FebrlFile read(String resource) {
        List<String> ids = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(open(resource))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    ids.add(line.substring(0, line.indexOf(',')).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return new FebrlFile(resource, ids, ids.stream().mapToInt(FebrlFile::person).toArray());
    }

    /** The text of a classpath resource. */
    public static Reader open(String resource) {
        InputStream in = FebrlFile.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no classpath resource " + resource);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
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
        return other instanceof FebrlFile that && resource.equals(that.resource) && ids.equals(that.ids);
    }

    @Override
    public int hashCode() {
        return resource.hashCode() * 31 + ids.hashCode();
    }

    @Override
    public String toString() {
        return resource + " (" + ids.size() + " records)";
    }

    private static int person(String id) {
        String[] parts = id.split("-");
        if (parts.length < 3 || !parts[0].equals("rec")) {
            throw new IllegalArgumentException("not a Febrl rec_id: " + id);
        }
        return Integer.parseInt(parts[1]);
    }
}
