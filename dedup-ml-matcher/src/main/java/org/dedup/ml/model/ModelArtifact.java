package org.dedup.ml.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.dedup.domain.model.Require;
import org.dedup.ml.blocking.BlockingKeys;
import org.dedup.ml.features.FeatureSchema;
import org.dedup.ml.features.PairFeatures;
import org.dedup.ml.features.ValueFrequencies;

/**
 * A BIG DATA model in one file: a ZIP holding {@code metadata.json} (readable with any unzip), the
 * {@code frequencies.json} table of the term-frequency features and {@code classifier.bin}, the Java-serialized
 * Smile classifier, and optionally {@code correction.json}, the {@link ScoreCorrection} labelled pairs taught the
 * classifier (plain numbers, validated). Loading unzips within {@link ModelLimits}, checks the format and the feature schema before
 * anything is deserialized, deserializes through an allow-list filter with limits, and runs within a time budget.
 */
public record ModelArtifact(ModelMetadata metadata, ValueFrequencies frequencies, CalibratedClassifier classifier,
                            ScoreCorrection correction) {
    /** The resource of the people model shipped with this module. */
    public static final String BUNDLED = "/org/dedup/ml/default-model.zip";
    /** The resource of the company model shipped with this module. */
    public static final String BUNDLED_COMPANIES = "/org/dedup/ml/companies-model.zip";
    private static final String METADATA = "metadata.json";
    private static final String FREQUENCIES = "frequencies.json";
    private static final String CLASSIFIER = "classifier.bin";
    private static final String CORRECTION = "correction.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ModelArtifact {
        if (correction == null) {
            throw new IllegalArgumentException("a model's correction must be given (ScoreCorrection.none() for none)");
        }
        if (correction.corrects() && correction.featureCount() != metadata.featureSchema().size()) {
            throw new IllegalArgumentException("a model's correction must read its " + metadata.featureSchema().size()
                    + " features, reads " + correction.featureCount());
        }
    }

    /** A model as trained, with no correction. */
    public ModelArtifact(ModelMetadata metadata, ValueFrequencies frequencies, CalibratedClassifier classifier) {
        this(metadata, frequencies, classifier, ScoreCorrection.none());
    }

    /** The same model with its probabilities corrected by {@code newCorrection} (in place of any it had). */
    public ModelArtifact withCorrection(ScoreCorrection newCorrection) {
        return new ModelArtifact(metadata, frequencies, classifier, newCorrection);
    }

    /** The same model with one more note in its metadata. */
    public ModelArtifact withNote(String note) {
        List<String> notes = new ArrayList<>(metadata.notes());
        notes.add(note);
        ModelMetadata m = metadata;
        return new ModelArtifact(new ModelMetadata(m.formatVersion(), m.recordSchema(), m.featureSchema(),
                m.blocking(), m.algorithm(), m.thresholds(), m.training(), m.heldOut(), notes, m.libraries(),
                m.createdAt()), frequencies, classifier, correction);
    }

    public void save(Path file) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            if (directory != null) {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new ModelFileException(file.toString(), "cannot create the model file's directory: "
                    + withoutPath(e), e);
        }
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            write(zip, METADATA, JSON.writeValueAsBytes(metadata));
            write(zip, FREQUENCIES, JSON.writeValueAsBytes(frequencies));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
                objects.writeObject(classifier);
            }
            write(zip, CLASSIFIER, bytes.toByteArray());
            if (correction.corrects()) {
                write(zip, CORRECTION, JSON.writeValueAsBytes(correction));
            }
        } catch (IOException e) {
            throw new ModelFileException(file.toString(), "cannot write the model file: " + withoutPath(e), e);
        }
    }

    /** The model in {@code file}, read within the {@link ModelLimits#DEFAULT default limits}. */
    public static ModelArtifact load(Path file) {
        return load(file, ModelLimits.DEFAULT);
    }

    /**
     * The model in {@code file}, read within {@code limits}.
     *
     * @throws ModelFileException when the file cannot be read, is not a model, or breaks a limit, naming the limit
     */
    public static ModelArtifact load(Path file, ModelLimits limits) {
        String source = file.toString();
        return LoadBudget.within(limits.timeBudget(), source, () -> {
            try {
                return read(BoundedZip.entries(file, limits.archive()), source, limits.graph());
            } catch (IOException e) {
                throw new ModelFileException(source, "cannot read the model file: " + withoutPath(e), e);
            }
        });
    }

    /** The people model shipped in this module. */
    public static ModelArtifact bundled() {
        return bundled(ModelLimits.DEFAULT);
    }

    /** The people model shipped in this module, read within {@code limits}. */
    public static ModelArtifact bundled(ModelLimits limits) {
        return bundled(BUNDLED, limits);
    }

    /** The company model shipped in this module. */
    public static ModelArtifact bundledCompanies() {
        return bundledCompanies(ModelLimits.DEFAULT);
    }

    /** The company model shipped in this module, read within {@code limits}. */
    public static ModelArtifact bundledCompanies(ModelLimits limits) {
        return bundled(BUNDLED_COMPANIES, limits);
    }

    private static ModelArtifact bundled(String resource, ModelLimits limits) {
        String source = "the shipped model " + resource;
        return LoadBudget.within(limits.timeBudget(), source, () -> {
            try (InputStream in = ModelArtifact.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ModelFileException(source, "it is missing from the class path");
                }
                return read(BoundedZip.entries(in, source, limits.archive()), source, limits.graph());
            }
        });
    }

    private static ModelArtifact read(Map<String, byte[]> entries, String name, ModelLimits.Graph limits) {
        ModelMetadata metadata = json(entries, METADATA, ModelMetadata.class, name);
        if (metadata.formatVersion() != ModelMetadata.FORMAT_VERSION) {
            throw new ModelFileException(name, "the model has format " + metadata.formatVersion()
                    + "; this build reads format " + ModelMetadata.FORMAT_VERSION);
        }
        ValueFrequencies frequencies = json(entries, FREQUENCIES, ValueFrequencies.class, name);
        checkCompatible(metadata, frequencies, name);
        if (!(SafeDeserialization.read(required(entries, CLASSIFIER, name), name, CLASSIFIER, limits)
                instanceof CalibratedClassifier classifier)) {
            throw new ModelFileException(name, CLASSIFIER + " does not hold a classifier");
        }
        if (classifier.classifier().algorithm() != metadata.algorithm()) {
            throw new ModelFileException(name, "the metadata says the algorithm is " + metadata.algorithm()
                    + " but the classifier is " + classifier.classifier().algorithm());
        }
        return new ModelArtifact(metadata, frequencies, classifier, correction(entries, metadata, name));
    }

    /** The stored correction, if any: bounded in size, numbers only, one weight per feature of the model. */
    private static ScoreCorrection correction(Map<String, byte[]> entries, ModelMetadata metadata, String name) {
        byte[] bytes = entries.get(CORRECTION);
        if (bytes == null) {
            return ScoreCorrection.none();
        }
        if (bytes.length > ScoreCorrection.MAX_ENTRY_BYTES) {
            throw new ModelFileException(name, CORRECTION + " is " + bytes.length + " bytes, more than "
                    + ScoreCorrection.MAX_ENTRY_BYTES + " (the correction size limit)");
        }
        ScoreCorrection correction = json(entries, CORRECTION, ScoreCorrection.class, name);
        if (correction.featureCount() != metadata.featureSchema().size()) {
            throw new ModelFileException(name, CORRECTION + " weighs " + correction.featureCount()
                    + " features; the model has " + metadata.featureSchema().size());
        }
        return correction;
    }

    private static void checkCompatible(ModelMetadata metadata, ValueFrequencies frequencies, String name) {
        if (metadata.recordSchema() == null) {
            throw new ModelFileException(name, "the model declares no record schema: retrain the model (dedup train)");
        }
        FeatureSchema derived = new PairFeatures(metadata.recordSchema(), frequencies).schema();
        if (!metadata.featureSchema().equals(derived)) {
            throw new ModelFileException(name, "the model was trained on feature schema version "
                    + metadata.featureSchema().version() + " with " + metadata.featureSchema().size()
                    + " features; its record schema '" + metadata.recordSchema().name() + "' gives version "
                    + derived.version() + " with " + derived.size() + " features in this build: retrain the model "
                    + "(dedup train)");
        }
        try {
            BlockingKeys.of(metadata.recordSchema(), metadata.blocking().rules(), Set.of());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(name, e.getMessage(), e);
        }
    }

    /** The entry read as JSON; an error names the place, never the values there (names a model counted). */
    private static <T> T json(Map<String, byte[]> entries, String entry, Class<T> type, String name) {
        byte[] bytes = required(entries, entry, name);
        try {
            return JSON.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ModelFileException(name, entry + " is not valid" + (at == null ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr()), e);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(name, entry + " is not valid", e);
        }
    }

    private static byte[] required(Map<String, byte[]> entries, String entry, String name) {
        byte[] bytes = entries.get(entry);
        if (bytes == null) {
            throw new ModelFileException(name, "this is not a model file: it has no " + entry);
        }
        return bytes;
    }

    /** Why a file could not be read, without its path (which the exceptions of the file system repeat). */
    private static String withoutPath(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "it does not exist";
            case AccessDeniedException denied -> "access is denied";
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> Require.abbreviate(String.valueOf(e.getMessage()));
        };
    }

    private static void write(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
