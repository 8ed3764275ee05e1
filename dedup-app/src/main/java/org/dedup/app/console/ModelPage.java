package org.dedup.app.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The model page: the BIG DATA method's model (which one is loaded, its metadata, the metrics of its evaluation on
 * held-out pairs) or why it is unavailable, and the other installed methods with their health. What a matcher says
 * about itself is shown whatever its keys, so a plugin's own model is shown too.
 */
final class ModelPage {
    static final String BIG_DATA = "big_data";
    private static final List<String> ORDER = List.of("evaluation", "thresholds", "training", "blocking",
            "attributes", "notes", "libraries");
    private static final Map<String, String> TITLES = Map.of("thresholds", "Thresholds",
            "training", "Training data", "evaluation", "Evaluation report (held-out pairs, at the merge threshold)",
            "blocking", "Blocking", "notes", "Notes from training", "libraries", "Libraries",
            "attributes", "Attributes compared");

    private ModelPage() {
    }

    static Html render(JsonNode answer, String csrfToken) {
        List<JsonNode> matchers = StreamSupport.stream(answer.path("matchers").spliterator(), false).toList();
        Html bigData = matchers.stream().filter(m -> m.path("method").asText().equals(BIG_DATA)).findFirst()
                .map(ModelPage::model).orElse(Html.of(
                        "<p id=\"model-status\">No model is loaded: the BIG DATA method is not installed.</p>"));
        Html others = Html.join(matchers.stream().filter(m -> !m.path("method").asText().equals(BIG_DATA))
                .map(m -> Html.of("<tr><td>%s</td><td>%s</td><td>%s</td></tr>", m.path("method").asText(),
                        m.path("status").asText(), m.path("reason").asText(""))));
        Html plugins = Html.join(matchers.stream().filter(m -> !m.path("method").asText().equals(BIG_DATA)
                && !m.path("description").isEmpty()).map(m -> Html.of("<h3>%s</h3>%s",
                m.path("method").asText(), tree(m.path("description")))));
        return Layout.page("Model", csrfToken, Html.of("""
                <section aria-labelledby="big-data-title"><h2 id="big-data-title">BIG DATA model</h2>%s</section>
                <section aria-labelledby="methods-title"><h2 id="methods-title">Other installed methods</h2>
                <table id="methods"><thead><tr><th scope="col">Method</th><th scope="col">Status</th>
                <th scope="col">Reason</th></tr></thead><tbody>%s</tbody></table>%s</section>
                <p>The full evaluation report on labelled data of your own (precision-recall curve, worst errors,
                calibration) is written by <code>dedup evaluate</code>.</p>""", bigData, others, plugins));
    }

    private static Html model(JsonNode matcher) {
        if (matcher.path("status").asText().equals("unavailable")) {
            return Html.of("<p id=\"model-status\" class=\"error\" role=\"alert\">BIG DATA is unavailable: %s</p>",
                    matcher.path("reason").asText());
        }
        JsonNode about = matcher.path("description");
        List<String> keys = new ArrayList<>(ORDER);
        about.properties().forEach(e -> {
            if (!keys.contains(e.getKey())) {
                keys.add(e.getKey());
            }
        });
        Html sections = Html.join(keys.stream().filter(k -> about.path(k).isContainerNode()).map(k -> Html.of(
                "<section id=\"model-%s\"><h3>%s</h3>%s</section>", k, TITLES.getOrDefault(k, k),
                tree(about.path(k)))));
        return Html.of("""
                <p id="model-status">Loaded: the <strong>%s</strong> model (%s), created %s, file format %s.</p>
                <div class="cards">%s</div>""", about.path("schema").asText("?"),
                about.path("algorithm").asText("?").replace('_', ' '),
                When.readable(about.path("createdAt").asText("?")), about.path("formatVersion").asText("?"), sections);
    }

    /** A JSON tree: an object as a list of facts, an array of values as one line, numbers with four decimals at most. */
    private static Html tree(JsonNode node) {
        if (node.isObject()) {
            return Html.of("<dl class=\"facts\">%s</dl>", Html.join(StreamSupport.stream(
                    node.properties().spliterator(), false).map(e -> Html.of("<dt>%s</dt><dd>%s</dd>", e.getKey(),
                    tree(e.getValue())))));
        }
        if (node.isArray()) {
            List<JsonNode> items = StreamSupport.stream(node.spliterator(), false).toList();
            if (items.isEmpty()) {
                return Html.of("none");
            }
            if (items.stream().allMatch(v -> v.isValueNode() && v.asText().length() <= 40)) {
                return new Html(items.stream().map(v -> tree(v).markup()).collect(Collectors.joining(", ")));
            }
            return Html.of("<ul>%s</ul>", Html.join(items.stream().map(v -> Html.of("<li>%s</li>", tree(v)))));
        }
        if (node.isFloatingPointNumber()) {
            return Html.of("%s", String.format(Locale.ROOT, "%.4f", node.asDouble()).replaceAll("0+$", "")
                    .replaceAll("\\.$", ".0"));
        }
        return Html.of("%s", node.asText());
    }
}
