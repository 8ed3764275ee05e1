package org.dedup.domain.search;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The blocks of a tenant's records, sorted on disk (an external merge sort): entries (source, block key, record
 * number) are gathered in memory up to {@code runSize}, sorted and written as a run; the runs are then merged and
 * read back block by block. Memory holds one run's entries while writing, and one block while reading.
 */
final class BlockRuns implements AutoCloseable {
    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::source)
            .thenComparing(Entry::key).thenComparingInt(Entry::record);
    private static final int BUFFER = 1 << 16;
    private final Path directory;
    private final Entry[] buffer;
    private final List<Path> runs = new ArrayList<>();
    private int size;

    /** One record in one block: what blocks it (a rule's index, say), the block's key and the record's number. */
    record Entry(int source, String key, int record) {
    }

    /** A block: its source and key, how many records it holds, and their numbers in increasing order, unless too many. */
    record Block(int source, String key, int size, int[] members) {
        boolean expanded() {
            return members.length == size;
        }
    }

    BlockRuns(Path directory, int runSize) {
        if (runSize < 1) {
            throw new IllegalArgumentException("run size must be at least 1, was " + runSize);
        }
        this.directory = directory;
        this.buffer = new Entry[runSize];
    }

    void add(int source, String key, int record) {
        buffer[size++] = new Entry(source, key, record);
        if (size == buffer.length) {
            spill();
        }
    }

    /** How many sorted runs were written. */
    int runs() {
        return runs.size();
    }

    /**
     * Each block in the order of its source and key; a block of more than {@code maxBlock} records comes with its
     * size and no members, so it is never held.
     */
    void forEachBlock(int maxBlock, Consumer<Block> action) {
        if (size > 0) {
            spill();
        }
        PriorityQueue<RunReader> readers = new PriorityQueue<>(Comparator.comparing(RunReader::current, ORDER));
        try {
            for (Path run : runs) {
                RunReader reader = new RunReader(run);
                if (reader.advance()) {
                    readers.add(reader);
                } else {
                    reader.close();
                }
            }
            int[] members = new int[Math.max(2, Math.min(maxBlock, 1_024))];
            while (!readers.isEmpty()) {
                Entry first = readers.peek().current();
                int count = 0;
                while (!readers.isEmpty() && readers.peek().current().source() == first.source()
                        && readers.peek().current().key().equals(first.key())) {
                    RunReader reader = readers.poll();
                    if (count < maxBlock) {
                        if (count == members.length) {
                            members = Arrays.copyOf(members, Math.min(members.length * 2, maxBlock));
                        }
                        members[count] = reader.current().record();
                    }
                    count++;
                    if (reader.advance()) {
                        readers.add(reader);
                    } else {
                        reader.close();
                    }
                }
                action.accept(new Block(first.source(), first.key(), count,
                        count <= maxBlock ? Arrays.copyOf(members, count) : new int[0]));
            }
        } catch (IOException e) {
            throw new SpillFailedException("read", e);
        } finally {
            readers.forEach(RunReader::close);
        }
    }

    private void spill() {
        Arrays.sort(buffer, 0, size, ORDER);
        Path run = directory.resolve("run-" + runs.size());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run),
                BUFFER))) {
            for (int i = 0; i < size; i++) {
                out.writeInt(buffer[i].source());
                out.writeUTF(buffer[i].key());
                out.writeInt(buffer[i].record());
                buffer[i] = null;
            }
        } catch (IOException e) {
            throw new SpillFailedException("write", e);
        }
        runs.add(run);
        size = 0;
    }

    @Override
    public void close() {
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException e) {
                throw new SpillFailedException("delete", e);
            }
        }
    }

    /** A run read one entry at a time. */
    private static final class RunReader {
        private final DataInputStream in;
        private Entry current;

        RunReader(Path run) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), BUFFER));
        }

        Entry current() {
            return current;
        }

        boolean advance() throws IOException {
            int source;
            try {
                source = in.readInt();
            } catch (EOFException end) {
                current = null;
                return false;
            }
            current = new Entry(source, in.readUTF(), in.readInt());
            return true;
        }

        void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new SpillFailedException("close", e);
            }
        }
    }
}
