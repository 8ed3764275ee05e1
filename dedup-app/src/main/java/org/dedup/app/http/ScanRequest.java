package org.dedup.app.http;

import org.dedup.domain.search.ScanMethod;

/** The body of {@code POST /v1/scans}, optional: {@code {"method": "rules" | "big_data" | "both"}}, rules if absent. */
record ScanRequest(String method) {
    ScanMethod scanMethod() {
        return method == null ? ScanMethod.RULES : ScanMethod.named(method);
    }
}
