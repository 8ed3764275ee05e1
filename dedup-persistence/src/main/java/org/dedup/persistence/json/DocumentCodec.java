package org.dedup.persistence.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.dedup.domain.control.Decision;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.settings.AfterMerge;

/**
 * Turns domain records into the JSON documents the tables store and back. Only record components are written
 * (derived accessors such as {@code Lead.primaryContact()} are not), and sealed types carry a "type" name.
 */
public final class DocumentCodec {
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.AUTO_DETECT_GETTERS)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .addMixIn(CustomFieldValue.class, CustomFieldValueMixIn.class)
            .addMixIn(RecordRef.class, RecordRefMixIn.class)
            .addMixIn(Decision.class, DecisionMixIn.class)
            .addMixIn(AfterMerge.class, AfterMergeMixIn.class)
            .build();

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new DedupException("could not serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new DedupException("stored " + type.getSimpleName() + " document cannot be read: "
                    + e.getOriginalMessage(), e);
        }
    }

    public <T> T read(String json, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new DedupException("stored document cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** A document of a generic type, such as {@code PartyMergeEntry<Contact>}. */
    public <T> T read(String json, Class<?> type, Class<?> parameter) {
        try {
            return mapper.readValue(json, mapper.getTypeFactory().constructParametricType(type, parameter));
        } catch (JsonProcessingException e) {
            throw new DedupException("stored " + type.getSimpleName() + " document cannot be read: "
                    + e.getOriginalMessage(), e);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = CustomFieldValue.Text.class, name = "text"),
            @JsonSubTypes.Type(value = CustomFieldValue.Numeric.class, name = "number")})
    private interface CustomFieldValueMixIn {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = LeadId.class, name = "lead"),
            @JsonSubTypes.Type(value = ContactId.class, name = "contact"),
            @JsonSubTypes.Type(value = CompanyId.class, name = "company")})
    private interface RecordRefMixIn {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Decision.Created.class, name = "created"),
            @JsonSubTypes.Type(value = Decision.Merged.class, name = "merged"),
            @JsonSubTypes.Type(value = Decision.SkippedTooManyMatches.class, name = "skipped"),
            @JsonSubTypes.Type(value = Decision.PendingReview.class, name = "pending_review"),
            @JsonSubTypes.Type(value = Decision.Updated.class, name = "updated")})
    private interface DecisionMixIn {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = AfterMerge.NoTask.class, name = "no_task"),
            @JsonSubTypes.Type(value = AfterMerge.CreateTask.class, name = "create_task")})
    private interface AfterMergeMixIn {
    }
}
