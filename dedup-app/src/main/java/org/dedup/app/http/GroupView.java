package org.dedup.app.http;

import java.util.List;
import java.util.UUID;

import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.GroupLink;

/** A duplicate group as JSON, with its direct links: each pair's rule or method, score and explanation. */
record GroupView(UUID id, List<Reference> members, List<String> rules, List<LinkView> links) {

    record LinkView(Reference first, Reference second, String method, double score, List<LineView> explanation) {
        static LinkView of(GroupLink link) {
            return new LinkView(Reference.of(link.pair().first()), Reference.of(link.pair().second()), link.method(),
                    link.score(), link.explanation().stream().map(LineView::of).toList());
        }
    }

    /** One line of a link's explanation: a field, the first and the second record's value, how alike they are. */
    record LineView(String field, String first, String second, String comparison, double similarity) {
        static LineView of(FieldMatch line) {
            return new LineView(line.field(), line.incomingValue(), line.candidateValue(), line.comparison(),
                    line.similarity());
        }
    }

    static GroupView of(DuplicateGroup group) {
        return new GroupView(group.id(), group.members().stream().map(Reference::of).toList(), group.rules(),
                group.links().stream().map(LinkView::of).toList());
    }
}
