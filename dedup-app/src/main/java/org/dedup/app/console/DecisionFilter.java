package org.dedup.app.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The decision log's filters as the page's query string holds them; blank ones are left out of the API's query. */
record DecisionFilter(String outcome, String lead, String from, String to) {

    /** The filters of a query string, encoded as a GET form encodes them. */
    static DecisionFilter of(String rawQuery) {
        Form query = Form.parse(rawQuery == null ? "" : rawQuery);
        return new DecisionFilter(query.value("outcome").strip(), query.value("lead").strip(),
                query.value("from").strip(), query.value("to").strip());
    }

    /** {@code /v1/decisions} with these filters. */
    String apiPath() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", "100");
        query.put("outcome", outcome);
        query.put("lead", lead);
        query.put("from", from);
        query.put("to", to);
        return "/v1/decisions?" + query.entrySet().stream().filter(e -> !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
