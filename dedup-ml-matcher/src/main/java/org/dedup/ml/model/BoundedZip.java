package org.dedup.ml.model;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.dedup.domain.model.Require;

/**
 * Unzips a model file into memory within {@link ModelLimits.Archive}. Entries are counted as they come, and their
 * bytes and compression ratio are checked as they inflate: the sizes an archive declares are not trusted, and a zip
 * bomb is refused after a few MiB of work rather than after it has filled the heap.
 */
final class BoundedZip {
    /** An entry's compression ratio is checked once it has inflated this far; small JSON entries compress well. */
    private static final int RATIO_GRACE_BYTES = 1024 * 1024;
    private final String source;
    private final ModelLimits.Archive limits;
    private long total;

    private BoundedZip(String source, ModelLimits.Archive limits) {
        this.source = source;
        this.limits = limits;
    }

    /** The entries of the archive by name, each unzipped. */
    static Map<String, byte[]> entries(InputStream in, String source, ModelLimits.Archive limits) throws IOException {
        return new BoundedZip(source, limits).read(new CountingStream(in));
    }

    /** The entries of the archive file by name, its size checked before anything is unzipped. */
    static Map<String, byte[]> entries(Path file, ModelLimits.Archive limits) throws IOException {
        BoundedZip zip = new BoundedZip(file.toString(), limits);
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            throw zip.refused("the file is " + size + " bytes, more than " + limits.maxFileBytes()
                    + " (the file-size limit)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return zip.read(new CountingStream(in));
        }
    }

    private Map<String, byte[]> read(CountingStream in) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entries.size() == limits.maxEntries()) {
                    throw refused("the archive holds more than " + limits.maxEntries()
                            + " entries (the entry-count limit)");
                }
                String name = Require.abbreviate(entry.getName());
                if (entries.put(entry.getName(), entry(zip, name, in)) != null) {
                    throw refused("the archive holds the entry " + name + " twice");
                }
            }
        } catch (EOFException e) {
            throw new ModelFileException(source, "the file is truncated: it ends inside an entry", e);
        } catch (ZipException e) {
            throw new ModelFileException(source, "this is not a model file: not a readable ZIP archive ("
                    + e.getMessage() + ")", e);
        }
        if (entries.isEmpty()) {
            throw refused("this is not a model file: the archive holds no entries");
        }
        return entries;
    }

    private byte[] entry(ZipInputStream zip, String name, CountingStream compressed) throws IOException {
        long compressedAtStart = compressed.count;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
            if (Thread.currentThread().isInterrupted()) {
                throw refused("unzipping was stopped");
            }
            bytes.write(buffer, 0, n);
            total += n;
            check(name, bytes.size(), compressed.count - compressedAtStart);
        }
        return bytes.toByteArray();
    }

    private void check(String name, long size, long compressedSize) {
        if (size > limits.maxEntryBytes()) {
            throw refused("entry " + name + " unzips to more than " + limits.maxEntryBytes()
                    + " bytes (the entry-size limit)");
        }
        if (total > limits.maxTotalBytes()) {
            throw refused("the archive unzips to more than " + limits.maxTotalBytes()
                    + " bytes in all (the total-size limit)");
        }
        if (size > RATIO_GRACE_BYTES && size > limits.maxCompressionRatio() * Math.max(1, compressedSize)) {
            throw refused("entry " + name + " unzips to more than " + limits.maxCompressionRatio()
                    + " times its compressed size (the compression-ratio limit)");
        }
    }

    private ModelFileException refused(String problem) {
        return new ModelFileException(source, problem);
    }

    /** The bytes read from the archive itself, before inflation. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(0, n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
