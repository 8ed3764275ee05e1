package org.dedup.domain.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.standardize.RecordProfile;

/**
 * A tenant's records written once to a file, numbered in the order they were read, and read back by number: a
 * search holds 8 bytes a record (its offset), never the record.
 */
final class SpilledRecords<T> implements AutoCloseable {
    /** Profiles alone, compactly, for a search by rules. */
    static final Codec<RecordProfile> PROFILES = new Codec<>() {
        @Override
        public void write(RecordProfile record, DataOutputStream out) throws IOException {
            ProfileCodec.write(record, out);
        }

        @Override
        public RecordProfile read(DataInputStream in) throws IOException {
            return ProfileCodec.read(in);
        }
    };
    /** Whole records, Java-serialized, for a model that reads more than the profile. */
    static final Codec<ScannedRecord> SCANNED = new Codec<>() {
        @Override
        public void write(ScannedRecord record, DataOutputStream out) throws IOException {
            ObjectOutputStream objects = new ObjectOutputStream(out);
            objects.writeObject(record);
            objects.flush();
        }

        @Override
        public ScannedRecord read(DataInputStream in) throws IOException {
            try {
                return (ScannedRecord) new ObjectInputStream(in).readObject();
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
        }
    };
    private final Codec<T> codec;
    private final Path file;
    private final OutputStream out;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    private final DataOutputStream encoder = new DataOutputStream(bytes);
    private long[] offsets = new long[1_024];
    private int count;
    private FileChannel channel;

    /** How a record is written and read back. */
    interface Codec<T> {
        void write(T record, DataOutputStream out) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    SpilledRecords(Path file, Codec<T> codec) {
        this.file = file;
        this.codec = codec;
        try {
            this.out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new SpillFailedException("create", e);
        }
    }

    /** Writes the next record and returns its number. */
    int append(T record) {
        try {
            bytes.reset();
            codec.write(record, encoder);
            encoder.flush();
            if (count + 1 == offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[count + 1] = offsets[count] + bytes.size();
            bytes.writeTo(out);
        } catch (IOException e) {
            throw new SpillFailedException("write", e);
        }
        return count++;
    }

    int count() {
        return count;
    }

    /** The record numbered {@code number}; the file is finished on the first read. */
    T read(int number) {
        try {
            if (channel == null) {
                out.close();
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
            byte[] record = new byte[Math.toIntExact(offsets[number + 1] - offsets[number])];
            ByteBuffer buffer = ByteBuffer.wrap(record);
            long position = offsets[number];
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position + buffer.position());
                if (read < 0) {
                    throw new IOException("record " + number + " is cut short");
                }
            }
            return codec.read(new DataInputStream(new ByteArrayInputStream(record)));
        } catch (IOException e) {
            throw new SpillFailedException("read", e);
        }
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            } else {
                out.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new SpillFailedException("delete", e);
        }
    }
}
