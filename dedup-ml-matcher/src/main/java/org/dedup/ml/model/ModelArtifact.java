package org.dedup.ml.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.dedup.ml.blocking.BlockingKeys;
import org.dedup.ml.features.FeatureSchema;
import org.dedup.ml.features.PairFeatures;
import org.dedup.ml.features.ValueFrequencies;

/**
 * A BIG DATA model in one file: a ZIP holding {@code metadata.json} (readable with any unzip), the
 * {@code frequencies.json} table of the term-frequency features and {@code classifier.bin}, the Java-serialized
 * Smile classifier. Loading checks the format and the feature schema before anything is deserialized, and
 * deserializes through an allow-list filter.
 */
public record ModelArtifact(ModelMetadata metadata, ValueFrequencies frequencies, CalibratedClassifier classifier) {
    /** The resource of the people model shipped with this module. */
    public static final String BUNDLED = "/org/dedup/ml/default-model.zip";
    /** The resource of the company model shipped with this module. */
    public static final String BUNDLED_COMPANIES = "/org/dedup/ml/companies-model.zip";
    private static final String METADATA = "metadata.json";
    private static final String FREQUENCIES = "frequencies.json";
    private static final String CLASSIFIER = "classifier.bin";
    private static final int MAX_ENTRY_BYTES = 256 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The same model with one more note in its metadata. */
    public ModelArtifact withNote(String note) {
        List<String> notes = new ArrayList<>(metadata.notes());
        notes.add(note);
        ModelMetadata m = metadata;
        return new ModelArtifact(new ModelMetadata(m.formatVersion(), m.recordSchema(), m.featureSchema(),
                m.blocking(), m.algorithm(), m.thresholds(), m.training(), m.heldOut(), notes, m.libraries(),
                m.createdAt()), frequencies, classifier);
    }

    public void save(Path file) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            if (directory != null) {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new ModelFileException("cannot create the directory of model file " + file + ": " + e, e);
        }
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            write(zip, METADATA, JSON.writeValueAsBytes(metadata));
            write(zip, FREQUENCIES, JSON.writeValueAsBytes(frequencies));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
                objects.writeObject(classifier);
            }
            write(zip, CLASSIFIER, bytes.toByteArray());
        } catch (IOException e) {
            throw new ModelFileException("cannot write model file " + file + ": " + e, e);
        }
    }

    public static ModelArtifact load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new ModelFileException("cannot read model file " + file + ": " + e, e);
        }
    }

    /** The people model shipped in this module. */
    public static ModelArtifact bundled() {
        return bundled(BUNDLED);
    }

    /** The company model shipped in this module. */
    public static ModelArtifact bundledCompanies() {
        return bundled(BUNDLED_COMPANIES);
    }

    private static ModelArtifact bundled(String resource) {
        try (InputStream in = ModelArtifact.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelFileException("the shipped model " + resource + " is missing from the class path");
            }
            return read(in, "the shipped model " + resource);
        } catch (IOException e) {
            throw new ModelFileException("cannot read the default model: " + e.getMessage(), e);
        }
    }

    public static ModelArtifact read(InputStream in, String name) throws IOException {
        Map<String, byte[]> entries = entries(in, name);
        ModelMetadata metadata = json(entries, METADATA, ModelMetadata.class, name);
        if (metadata.formatVersion() != ModelMetadata.FORMAT_VERSION) {
            throw new ModelFileException(name + " has model format " + metadata.formatVersion() + "; this build reads "
                    + "format " + ModelMetadata.FORMAT_VERSION);
        }
        ValueFrequencies frequencies = json(entries, FREQUENCIES, ValueFrequencies.class, name);
        checkCompatible(metadata, frequencies, name);
        CalibratedClassifier classifier = classifier(required(entries, CLASSIFIER, name), name);
        if (classifier.classifier().algorithm() != metadata.algorithm()) {
            throw new ModelFileException(name + " says its algorithm is " + metadata.algorithm() + " but holds a "
                    + classifier.classifier().algorithm() + " classifier");
        }
        return new ModelArtifact(metadata, frequencies, classifier);
    }

    private static void checkCompatible(ModelMetadata metadata, ValueFrequencies frequencies, String name) {
        if (metadata.recordSchema() == null) {
            throw new ModelFileException(name + " declares no record schema: retrain the model (dedup train)");
        }
        FeatureSchema derived = new PairFeatures(metadata.recordSchema(), frequencies).schema();
        if (!metadata.featureSchema().equals(derived)) {
            throw new ModelFileException(name + " was trained on feature schema version "
                    + metadata.featureSchema().version() + " with " + metadata.featureSchema().size()
                    + " features; its record schema '" + metadata.recordSchema().name() + "' gives version "
                    + derived.version() + " with " + derived.size() + " features in this build: retrain the model "
                    + "(dedup train)");
        }
        try {
            BlockingKeys.of(metadata.recordSchema(), metadata.blocking().rules(), Set.of());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(name + ": " + e.getMessage(), e);
        }
    }

    private static CalibratedClassifier classifier(byte[] bytes, String name) throws IOException {
        SafeDeserialization allowList = new SafeDeserialization();
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            objects.setObjectInputFilter(allowList.filter());
            if (objects.readObject() instanceof CalibratedClassifier classifier) {
                return classifier;
            }
            throw new ModelFileException(name + ": " + CLASSIFIER + " does not hold a classifier");
        } catch (InvalidClassException e) {
            throw new ModelFileException(name + ": " + CLASSIFIER + " holds what is not allowed in a model: "
                    + allowList.rejectedClass(), e);
        } catch (ClassNotFoundException | ClassCastException | IOException e) {
            throw new ModelFileException(name + ": " + CLASSIFIER + " is not a readable classifier: " + e, e);
        }
    }

    private static <T> T json(Map<String, byte[]> entries, String entry, Class<T> type, String name) {
        try {
            return JSON.readValue(required(entries, entry, name), type);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(name + ": " + entry + " is not valid: " + e.getMessage(), e);
        }
    }

    private static Map<String, byte[]> entries(InputStream in, String name) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] bytes = zip.readNBytes(MAX_ENTRY_BYTES + 1);
                if (bytes.length > MAX_ENTRY_BYTES) {
                    throw new ModelFileException(name + ": entry " + entry.getName() + " is larger than "
                            + MAX_ENTRY_BYTES + " bytes");
                }
                entries.put(entry.getName(), bytes);
            }
        } catch (java.util.zip.ZipException e) {
            throw new ModelFileException(name + " is not a model file (not a ZIP archive): " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new ModelFileException(name + " is not a model file: it holds no entries");
        }
        return entries;
    }

    private static byte[] required(Map<String, byte[]> entries, String entry, String name) {
        byte[] bytes = entries.get(entry);
        if (bytes == null) {
            throw new ModelFileException(name + " is not a model file: it has no " + entry);
        }
        return bytes;
    }

    private static void write(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
