package org.dedup.ml.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Model files an attacker could write, built byte for byte: each is a real attack, not a file that merely looks odd.
 * The classifier attacks sit next to the shipped model's own metadata and frequencies, so loading gets as far as
 * deserialization, where they strike.
 */
public final class CraftedModels {
    private CraftedModels() {
    }

    /**
     * The classic deserialization bomb (SerialDOS): {@code levels} levels of two HashSets each, every set of a level
     * holding both sets of the level below. Hashing the root visits 2^levels sets; read without limits it never
     * finishes. Built top down, as the sets are empty when they are added, so building it is quick.
     */
    public static byte[] deserializationBomb(int levels) {
        return serialized(bombLevels(levels).getFirst());
    }

    /**
     * The same bomb written bottom up in a list, so that every set refers back to sets already written: the stream
     * never nests deeper than three objects, and a depth limit alone does not stop it.
     */
    public static byte[] shallowDeserializationBomb(int levels) {
        return serialized(new ArrayList<>(bombLevels(levels).reversed()));
    }

    /**
     * The bomb made of what a model may hold, lists and a hash map: {@code levels} lists, each holding the next one
     * twice, written bottom up (never nested deeper than three objects), then a map keyed by the first list, whose
     * hash code visits 2^levels lists.
     */
    public static byte[] shallowListBomb(int levels) {
        List<List<Object>> lists = new ArrayList<>();
        for (int i = 0; i <= levels; i++) {
            lists.add(new ArrayList<>());
        }
        Map<Object, Integer> map = new HashMap<>();
        // keyed while the first list is empty, so building the map is quick; the lists are filled afterwards
        map.put(lists.getFirst(), 0);
        for (int i = 0; i < levels; i++) {
            lists.get(i).add(lists.get(i + 1));
            lists.get(i).add(lists.get(i + 1));
        }
        List<Object> stream = new ArrayList<>(lists.reversed());
        stream.add(map);
        return serialized(stream);
    }

    private static List<Set<Object>> bombLevels(int levels) {
        List<Set<Object>> sets = new ArrayList<>();
        Set<Object> root = new HashSet<>();
        sets.add(root);
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < levels; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            sets.add(t1);
            sets.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return sets;
    }

    /** Lists nested {@code depth} deep, which exhausts the reading thread's stack long before any hash is taken. */
    public static byte[] nestedLists(int depth) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            list = new ArrayList<>(Collections.singletonList(list));
        }
        List<Object> nested = list;
        AtomicReference<byte[]> bytes = new AtomicReference<>();
        // writing it recurses as deep as reading it does: on a thread with room for that
        Thread writer = new Thread(null, () -> bytes.set(serialized(nested)), "nested-lists", 1L << 30);
        writer.start();
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return bytes.get();
    }

    /** A stream of one double array that claims {@code length} elements while holding three. */
    public static byte[] arrayClaiming(int length) {
        byte[] bytes = serialized(new double[3]);
        // the length is the int just before the three doubles that end the stream
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).putInt(bytes.length - 3 * Double.BYTES - Integer.BYTES,
                length);
        return bytes;
    }

    /**
     * A map whose keys are lists, each holding one shared list of {@code setSize} numbers and its own number: within
     * every limit on the graph, but each of the {@code keys} keys is hashed by visiting the whole set, so reading
     * {@code slowToHash(100_000, 50_000)} takes minutes.
     */
    public static byte[] slowToHash(int keys, int setSize) {
        List<Integer> shared = new ArrayList<>();
        Map<List<Object>, Integer> map = new HashMap<>();
        for (int i = 0; i < keys; i++) {
            map.put(new ArrayList<>(List.of(shared, i)), i);
        }
        // filled after the keys were hashed, so building the map is quick
        for (int i = 0; i < setSize; i++) {
            shared.add(i);
        }
        return serialized(map);
    }

    /** A model file of the shipped model's metadata and frequencies and the given {@code classifier.bin}. */
    public static Path withClassifier(Path file, byte[] classifier) {
        Map<String, byte[]> entries = new LinkedHashMap<>(shippedEntries());
        entries.put("classifier.bin", classifier);
        return zip(file, entries);
    }

    /** The entries of the shipped people model, by name. */
    public static Map<String, byte[]> shippedEntries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = ModelArtifact.class.getResourceAsStream(ModelArtifact.BUNDLED);
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** A ZIP file of the given entries, deflated. */
    public static Path zip(Path file, Map<String, byte[]> entries) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * A zip bomb: one entry {@code classifier.bin} whose {@code compressedBytes} of deflate data inflate to 1,032
     * times as many zeros (a 1.7 MB file to 1.75 GB). The deflate block is written by hand, as zlib itself would
     * take half a minute to compress that many zeros: one dynamic-Huffman block whose codes give the literal 0 and
     * the match (length 258, distance 1) each two bits, so every byte of the body is 0 and stands for 1,032 zeros.
     */
    public static Path zipBomb(Path file, int compressedBytes) {
        return rawZip(file, List.of(new RawEntry("classifier.bin", DEFLATED, DeflatedZeros.of(compressedBytes),
                DeflatedZeros.inflatedSize(compressedBytes))));
    }

    /** A ZIP file of stored entries, written as given: unlike {@link ZipOutputStream}, it lets a name repeat. */
    public static Path storedZip(Path file, List<Map.Entry<String, byte[]>> entries) {
        return rawZip(file, entries.stream().map(e -> new RawEntry(e.getKey(), STORED, e.getValue(),
                e.getValue().length)).toList());
    }

    private static final short STORED = 0;
    private static final short DEFLATED = 8;

    /** An entry's name, compression method, bytes as stored, and its size once inflated. */
    private record RawEntry(String name, short method, byte[] data, long size) {
        byte[] nameBytes() {
            return name.getBytes(StandardCharsets.UTF_8);
        }

        /** The CRC-32 of the inflated bytes, for stored ones; a bomb is refused before its CRC is checked. */
        int crc() {
            CRC32 crc = new CRC32();
            crc.update(data);
            return method == STORED ? (int) crc.getValue() : 0;
        }
    }

    private static Path rawZip(Path file, List<RawEntry> entries) {
        int capacity = 22 + entries.stream().mapToInt(e -> 30 + 46 + 2 * e.nameBytes().length + e.data().length).sum();
        ByteBuffer zip = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> offsets = new ArrayList<>();
        for (RawEntry entry : entries) {
            offsets.add(zip.position());
            zip.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort(entry.method()).putInt(0)
                    .putInt(entry.crc()).putInt(entry.data().length).putInt((int) entry.size())
                    .putShort((short) entry.nameBytes().length).putShort((short) 0).put(entry.nameBytes())
                    .put(entry.data());
        }
        int centralDirectory = zip.position();
        for (int i = 0; i < entries.size(); i++) {
            RawEntry entry = entries.get(i);
            zip.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0)
                    .putShort(entry.method()).putInt(0).putInt(entry.crc()).putInt(entry.data().length)
                    .putInt((int) entry.size()).putShort((short) entry.nameBytes().length).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offsets.get(i))
                    .put(entry.nameBytes());
        }
        int centralSize = zip.position() - centralDirectory;
        zip.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt(centralSize).putInt(centralDirectory).putShort((short) 0);
        try {
            return Files.write(file, Arrays.copyOf(zip.array(), zip.position()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] serialized(Object object) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A raw deflate stream of zeros at deflate's greatest ratio, written bit by bit (RFC 1951). */
    private static final class DeflatedZeros {
        private static final int HEADER_AND_END_BITS = 109;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        static long inflatedSize(int compressedBytes) {
            return 1 + 258L * matches(compressedBytes);
        }

        private static long matches(int compressedBytes) {
            return (8L * compressedBytes - HEADER_AND_END_BITS - 7) / 2;
        }

        static byte[] of(int compressedBytes) {
            DeflatedZeros bits = new DeflatedZeros();
            bits.value(1, 1);                 // the final block
            bits.value(2, 2);                 // with dynamic Huffman codes
            bits.value(286 - 257, 5);         // literal/length codes 0..285
            bits.value(0, 5);                 // one distance code
            bits.value(18 - 4, 4);            // code-length codes in the order below, up to the one of length 1
            int[] order = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1};
            int[] lengths = new int[19];
            lengths[18] = 1;                  // code-length codes: 18 (a run of zeros) "0", 1 "10", 2 "11"
            lengths[1] = 2;
            lengths[2] = 2;
            for (int symbol : order) {
                bits.value(lengths[symbol], 3);
            }
            bits.code(0b11, 2);               // literal 0: length 2
            bits.zeroRun(138);                // literals 1..255: unused
            bits.zeroRun(117);
            bits.code(0b11, 2);               // 256, the end of the block: length 2
            bits.zeroRun(28);                 // lengths 257..284: unused
            bits.code(0b10, 2);               // 285, a match of 258: length 1
            bits.code(0b10, 2);               // distance code 0, distance 1: length 1
            // so: 285 "0", distance 1 "0", literal 0 "10", end "11"
            bits.code(0b10, 2);               // one literal zero, then matches repeating it
            bits.zeros(2 * matches(compressedBytes));
            bits.code(0b11, 2);
            return bits.bytes();
        }

        private void zeroRun(int count) {
            code(0, 1);
            value(count - 11, 7);
        }

        private void bit(int bit) {
            current |= (bit & 1) << used;
            if (++used == 8) {
                out.write(current);
                current = 0;
                used = 0;
            }
        }

        /** Header fields and extra bits: least significant bit first. */
        private void value(int value, int count) {
            for (int i = 0; i < count; i++) {
                bit(value >>> i);
            }
        }

        /** Huffman codes: most significant bit first. */
        private void code(int code, int count) {
            for (int i = count - 1; i >= 0; i--) {
                bit(code >>> i);
            }
        }

        private void zeros(long count) {
            long left = count;
            while (left > 0 && used != 0) {
                bit(0);
                left--;
            }
            out.writeBytes(new byte[(int) (left / 8)]);
            for (long i = 0; i < left % 8; i++) {
                bit(0);
            }
        }

        private byte[] bytes() {
            if (used > 0) {
                out.write(current);
            }
            return out.toByteArray();
        }
    }
}
