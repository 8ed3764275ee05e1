package org.dedup.app.http;

import java.util.List;
import java.util.UUID;

import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.merge.SurvivorshipPolicy;
import org.dedup.domain.review.RecordMerges;

/** The answer of POST /v1/merges/preview: the record a merge would leave and, per field, where its value comes from. */
record MergePreviewView(String kind, UUID survivor, Object record, List<FieldView> fields) {

    /** One field of the resulting record: its value, the record it comes from and the rule that chose it. */
    record FieldView(String field, String value, Reference source, String rule) {
        static FieldView of(FieldProvenance provenance) {
            return new FieldView(provenance.field(), provenance.value(), Reference.of(provenance.source()),
                    SurvivorshipPolicy.nameOf(provenance.rule()));
        }
    }

    static MergePreviewView of(RecordMerges.Preview preview) {
        return new MergePreviewView(MergeRequest.name(preview.kind()), preview.survivor().value(), preview.result(),
                preview.fields().stream().map(FieldView::of).toList());
    }
}
