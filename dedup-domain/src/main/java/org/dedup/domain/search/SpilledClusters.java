package org.dedup.domain.search;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.dedup.domain.model.RecordRef;

/**
 * Clusters written to a file as they are found, then read back in the order of their smallest member, the order in
 * which {@link StableIds} gives ids: memory holds each cluster's smallest member and place, not the cluster.
 */
final class SpilledClusters implements AutoCloseable {
    private final Path file;
    private final OutputStream out;
    private final List<Place> places = new ArrayList<>();
    private long end;

    private record Place(RecordRef first, long offset, int length) {
    }

    SpilledClusters(Path file) {
        this.file = file;
        try {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new SpillFailedException("create", e);
        }
    }

    void add(Cluster cluster) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1_024);
            try (ObjectOutputStream encoder = new ObjectOutputStream(bytes)) {
                encoder.writeObject(cluster);
            }
            places.add(new Place(cluster.members().getFirst(), end, bytes.size()));
            bytes.writeTo(out);
            end += bytes.size();
        } catch (IOException e) {
            throw new SpillFailedException("write", e);
        }
    }

    int size() {
        return places.size();
    }

    /** Each cluster, in the order of its smallest member. */
    void forEachInOrder(Consumer<Cluster> action) {
        places.sort(Comparator.comparing(Place::first));
        try {
            out.close();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                for (Place place : places) {
                    ByteBuffer buffer = ByteBuffer.allocate(place.length());
                    while (buffer.hasRemaining()) {
                        if (channel.read(buffer, place.offset() + buffer.position()) < 0) {
                            throw new IOException("a cluster is cut short");
                        }
                    }
                    try (ObjectInputStream decoder = new ObjectInputStream(new ByteArrayInputStream(buffer.array()))) {
                        action.accept((Cluster) decoder.readObject());
                    }
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new SpillFailedException("read", e instanceof IOException io ? io : new IOException(e));
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new SpillFailedException("delete", e);
        }
    }
}
