package org.dedup.ml.evaluate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.dedup.domain.model.DedupException;

/**
 * Writes an evaluation as {@code <name>.json} (for machines: every figure) and {@code <name>.html} (for people:
 * the summary, the confusion matrix, the precision-recall curve as an inline SVG and the per-threshold table; it
 * opens in any browser, with nothing to download).
 */
public final class EvaluationReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int PLOT = 360;

    private EvaluationReport() {
    }

    /** Writes both files into {@code directory} and returns their paths, JSON first. */
    public static List<Path> write(EvaluationResult result, Path directory) {
        String name = result.dataset().replaceAll("[^A-Za-z0-9_-]", "_");
        Path json = directory.resolve(name + ".json");
        Path html = directory.resolve(name + ".html");
        try {
            Files.createDirectories(directory);
            JSON.writeValue(json.toFile(), summary(result));
            Files.writeString(html, html(result), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DedupException("cannot write the evaluation report into " + directory + ": " + e.getMessage(), e);
        }
        return List.of(json, html);
    }

    /** Every figure of the evaluation as a JSON-ready tree. */
    public static Map<String, Object> summary(EvaluationResult result) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("dataset", result.dataset());
        tree.put("model", Map.of("algorithm", result.model().algorithm(), "thresholds", result.model().thresholds(),
                "training", result.model().training(), "heldOut", result.model().heldOut(),
                "libraries", result.model().libraries()));
        BlockingReport blocking = result.blocking();
        tree.put("blocking", Map.of("candidatePairs", blocking.candidatePairs(), "possiblePairs",
                blocking.possiblePairs(), "truePairs", blocking.truePairs(), "trueCandidatePairs",
                blocking.trueCandidatePairs(), "pairsCompleteness", blocking.pairsCompleteness(), "reductionRatio",
                blocking.reductionRatio()));
        tree.put("atThreshold", row(result.atThreshold()));
        tree.put("thresholds", result.thresholdTable().stream().map(EvaluationReport::row).toList());
        tree.put("precisionRecallCurve", result.precisionRecallCurve().stream().map(c -> Map.of(
                "threshold", round(c.threshold()), "precision", c.precision(), "recall", c.recall())).toList());
        return tree;
    }

    private static Map<String, Object> row(Confusion c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("threshold", round(c.threshold()));
        row.put("precision", c.precision());
        row.put("recall", c.recall());
        row.put("f1", c.f1());
        row.put("truePositives", c.truePositives());
        row.put("falsePositives", c.falsePositives());
        row.put("falseNegatives", c.falseNegatives());
        row.put("trueNegatives", c.trueNegatives());
        return row;
    }

    private static String html(EvaluationResult result) {
        Confusion at = result.atThreshold();
        BlockingReport blocking = result.blocking();
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>dedup evaluation: ")
                .append(escape(result.dataset())).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;"
                        + "text-align:right}th{background:#eee}</style></head><body>");
        page.append("<h1>Evaluation of the BIG DATA model on ").append(escape(result.dataset())).append("</h1>");
        page.append(String.format(Locale.ROOT, "<p>%s model trained on %s; merge threshold %.2f.</p>",
                result.model().algorithm(), escape(String.join(", ", result.model().training().sources())),
                result.threshold()));
        page.append(String.format(Locale.ROOT, "<h2>At the merge threshold</h2><table><tr><th>precision</th>"
                + "<th>recall</th><th>F1</th></tr><tr><td>%.4f</td><td>%.4f</td><td>%.4f</td></tr></table>",
                at.precision(), at.recall(), at.f1()));
        page.append(String.format(Locale.ROOT, "<h2>Confusion matrix</h2><table><tr><th></th><th>predicted duplicate"
                + "</th><th>predicted distinct</th></tr><tr><th>duplicate</th><td>%d</td><td>%d</td></tr><tr><th>"
                + "distinct</th><td>%d</td><td>%d</td></tr></table><p>Missed duplicates include the %d true pairs "
                + "blocking never proposed; distinct pairs count the candidates only.</p>", at.truePositives(),
                at.falseNegatives(), at.falsePositives(), at.trueNegatives(),
                blocking.truePairs() - blocking.trueCandidatePairs()));
        page.append(String.format(Locale.ROOT, "<h2>Blocking</h2><table><tr><th>candidate pairs</th><th>possible "
                + "pairs</th><th>pairs completeness</th><th>reduction ratio</th></tr><tr><td>%d</td><td>%d</td>"
                + "<td>%.4f</td><td>%.6f</td></tr></table>", blocking.candidatePairs(), blocking.possiblePairs(),
                blocking.pairsCompleteness(), blocking.reductionRatio()));
        page.append("<h2>Precision-recall curve</h2>").append(curve(result.precisionRecallCurve()));
        page.append("<h2>Per threshold</h2><table><tr><th>threshold</th><th>precision</th><th>recall</th><th>F1</th>"
                + "<th>TP</th><th>FP</th><th>FN</th><th>TN</th></tr>");
        for (Confusion c : result.thresholdTable()) {
            page.append(String.format(Locale.ROOT, "<tr><td>%.2f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td>"
                    + "<td>%d</td><td>%d</td><td>%d</td><td>%d</td></tr>", c.threshold(), c.precision(), c.recall(),
                    c.f1(), c.truePositives(), c.falsePositives(), c.falseNegatives(), c.trueNegatives()));
        }
        return page.append("</table></body></html>\n").toString();
    }

    /** Recall on x, precision on y, both 0..1. */
    private static String curve(List<Confusion> points) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"-40 -10 %d %d\"><rect x=\"0\" y=\"0\" width=\"%d\" "
                + "height=\"%d\" fill=\"none\" stroke=\"#999\"/><polyline fill=\"none\" stroke=\"#0a5\" "
                + "stroke-width=\"2\" points=\"", PLOT + 60, PLOT + 50, PLOT + 60, PLOT + 50, PLOT, PLOT));
        for (Confusion c : points) {
            svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", c.recall() * PLOT, (1 - c.precision()) * PLOT));
        }
        return svg.append(String.format(Locale.ROOT, "\"/><text x=\"%d\" y=\"%d\" text-anchor=\"middle\">recall"
                + "</text><text x=\"-30\" y=\"%d\" transform=\"rotate(-90 -30 %d)\" text-anchor=\"middle\">precision"
                + "</text></svg>", PLOT / 2, PLOT + 30, PLOT / 2, PLOT / 2)).toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static double round(double threshold) {
        return Math.round(threshold * 100) / 100.0;
    }
}
