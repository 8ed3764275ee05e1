package org.dedup.ml.evaluate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.dedup.domain.model.DedupException;
import org.dedup.ml.blocking.BlockingAnalysis;
import org.dedup.ml.model.ModelMetadata;
import org.dedup.ml.record.PersonRecord;

/**
 * Writes an evaluation as {@code <name>.json} (for machines: every figure) and {@code <name>.html} (for people: the
 * summary, the precision-recall curve with its axes zoomed to where the curve is, the per-threshold table, blocking
 * per rule, the worst false positives and negatives with their explanations, feature importance and a calibration
 * plot; inline SVG, it opens in any browser with nothing to download).
 */
public final class EvaluationReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int PLOT = 360;
    private static final int WORST = 50;
    private static final int IMPORTANT = 15;

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
        ModelMetadata model = result.metadata();
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("dataset", result.dataset());
        tree.put("model", Map.of("schema", model.recordSchema().name(), "algorithm", model.algorithm(),
                "thresholds", model.thresholds(), "training", model.training(), "heldOut", model.heldOut(),
                "blocking", model.blocking().rules(), "notes", model.notes(), "libraries", model.libraries()));
        BlockingReport blocking = result.blocking();
        Map<String, Object> blockingTree = new LinkedHashMap<>();
        blockingTree.put("candidatePairs", blocking.candidatePairs());
        blockingTree.put("possiblePairs", blocking.possiblePairs());
        blockingTree.put("truePairs", blocking.truePairs());
        blockingTree.put("trueCandidatePairs", blocking.trueCandidatePairs());
        blockingTree.put("pairsCompleteness", blocking.pairsCompleteness());
        blockingTree.put("reductionRatio", blocking.reductionRatio());
        blockingTree.put("candidatesPerRecord", blocking.candidatesPerRecord());
        blockingTree.put("perRule", blocking.perRule());
        tree.put("blocking", blockingTree);
        tree.put("atThreshold", row(result.atThreshold()));
        tree.put("thresholds", result.thresholdTable().stream().map(EvaluationReport::row).toList());
        tree.put("precisionRecallCurve", result.precisionRecallCurve().stream().map(c -> Map.of(
                "threshold", round(c.threshold()), "precision", c.precision(), "recall", c.recall())).toList());
        tree.put("calibration", result.calibration());
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
        ModelMetadata model = result.metadata();
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>dedup evaluation: ")
                .append(escape(result.dataset())).append("</title><style>body{font-family:sans-serif;margin:2em;"
                        + "max-width:1200px}table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid "
                        + "#999;padding:3px 6px;text-align:right;font-size:13px}th{background:#eee}td.l{text-align:"
                        + "left}.row{display:flex;gap:2em;flex-wrap:wrap}</style></head><body>");
        page.append("<h1>BIG DATA model on ").append(escape(result.dataset())).append("</h1>");
        page.append(String.format(Locale.ROOT, "<p>%s model, schema <b>%s</b>, trained on %s; merge at %.2f, review "
                        + "at %.2f.</p>", model.algorithm(), escape(model.recordSchema().name()),
                escape(String.join(", ", model.training().sources())), result.threshold(),
                model.thresholds().review()));
        model.notes().forEach(note -> page.append("<p>Training noted: ").append(escape(note)).append("</p>"));
        page.append(String.format(Locale.ROOT, "<h2 id=\"summary\">At the merge threshold</h2><table><tr>"
                        + "<th>precision</th><th>recall</th><th>F1</th><th>TP</th><th>FP</th><th>FN</th><th>TN</th></tr>"
                        + "<tr><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td></tr>"
                        + "</table><p>Missed duplicates include the %d true pairs blocking never proposed.</p>",
                at.precision(), at.recall(), at.f1(), at.truePositives(), at.falsePositives(), at.falseNegatives(),
                at.trueNegatives(), blocking.truePairs() - blocking.trueCandidatePairs()));
        page.append("<div class=\"row\"><div><h2>Precision-recall curve</h2>")
                .append(curve(result.precisionRecallCurve())).append("</div><div><h2>Calibration</h2>")
                .append(calibration(result.calibration())).append("</div><div><h2>Feature importance</h2>")
                .append(importance(result.featureImportance())).append("</div></div>");
        blocking(page, blocking);
        page.append("<h2>Per threshold</h2><table><tr><th>threshold</th><th>precision</th><th>recall</th><th>F1</th>"
                + "<th>TP</th><th>FP</th><th>FN</th><th>TN</th></tr>");
        for (Confusion c : result.thresholdTable()) {
            page.append(String.format(Locale.ROOT, "<tr><td>%.2f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td>"
                    + "<td>%d</td><td>%d</td><td>%d</td><td>%d</td></tr>", c.threshold(), c.precision(), c.recall(),
                    c.f1(), c.truePositives(), c.falsePositives(), c.falseNegatives(), c.trueNegatives()));
        }
        page.append("</table>");
        mistakes(page, "The " + WORST + " worst false positives", result.worstFalsePositives(WORST));
        mistakes(page, "The " + WORST + " worst false negatives", result.worstFalseNegatives(WORST));
        return page.append("</body></html>\n").toString();
    }

    private static void blocking(StringBuilder page, BlockingReport blocking) {
        page.append(String.format(Locale.ROOT, "<h2>Blocking</h2><table><tr><th>candidate pairs</th><th>per record"
                + "</th><th>pairs completeness</th><th>reduction ratio</th></tr><tr><td>%d</td><td>%.2f</td>"
                + "<td>%.4f</td><td>%.6f</td></tr></table>", blocking.candidatePairs(), blocking.candidatesPerRecord(),
                blocking.pairsCompleteness(), blocking.reductionRatio()));
        if (blocking.perRule().isEmpty()) {
            return;
        }
        page.append("<table><tr><th>rule</th><th>candidate pairs</th><th>true pairs found</th><th>pairs "
                + "completeness</th><th>largest blocks</th><th>blocks too large to expand</th></tr>");
        for (BlockingAnalysis.RuleReport rule : blocking.perRule()) {
            page.append(String.format(Locale.ROOT, "<tr><td class=\"l\">%s</td><td>%d</td><td>%d</td><td>%.4f</td>"
                    + "<td class=\"l\">%s</td><td>%d</td></tr>", escape(rule.rule()), rule.candidatePairs(),
                    rule.trueCandidatePairs(), rule.pairsCompleteness(), escape(rule.largestBlocks().stream()
                            .map(b -> b.key() + " (" + b.records() + ")").collect(Collectors.joining(", "))),
                    rule.skippedBlocks()));
        }
        page.append("</table>");
    }

    private static void mistakes(StringBuilder page, String title, List<EvaluationResult.Mistake> mistakes) {
        page.append("<h2>").append(escape(title)).append("</h2><table><tr><th>probability</th><th>first</th>"
                + "<th>second</th><th>why</th><th>largest contributions</th></tr>");
        for (EvaluationResult.Mistake m : mistakes) {
            page.append(String.format(Locale.ROOT, "<tr><td>%.3f</td><td class=\"l\">%s</td><td class=\"l\">%s</td>"
                    + "<td class=\"l\">%s</td><td class=\"l\">%s</td></tr>", m.probability(),
                    escape(describe(m.pair().first())), escape(describe(m.pair().second())), escape(m.reason()),
                    escape(m.top().stream().map(c -> String.format(Locale.ROOT, "%s=%.2f (%+.2f)", c.feature(),
                            c.value(), c.contribution())).collect(Collectors.joining("; ")))));
        }
        page.append("</table>");
    }

    private static String describe(PersonRecord record) {
        StringBuilder text = new StringBuilder(record.id()).append(": ");
        record.values().forEach((attribute, value) -> text.append(value).append(" | "));
        record.emails().forEach(e -> text.append(e).append(" | "));
        record.phones().forEach(p -> text.append(p).append(" | "));
        return text.toString();
    }

    /** Recall on x, precision on y, each axis zoomed to the range the curve covers (in steps of 0.05). */
    private static String curve(List<Confusion> points) {
        double minRecall = floor(points.stream().mapToDouble(Confusion::recall).min().orElse(0));
        double minPrecision = floor(points.stream().mapToDouble(Confusion::precision).min().orElse(0));
        StringBuilder svg = axes(minRecall, minPrecision, "recall", "precision");
        svg.append("<polyline fill=\"none\" stroke=\"#0a5\" stroke-width=\"2\" points=\"");
        for (Confusion c : points) {
            svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(c.recall(), minRecall),
                    y(c.precision(), minPrecision)));
        }
        return svg.append("\"/></svg>").toString();
    }

    private static String calibration(List<EvaluationResult.CalibrationBin> bins) {
        StringBuilder svg = axes(0, 0, "predicted probability", "share of duplicates");
        svg.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"0\" stroke=\"#bbb\" "
                + "stroke-dasharray=\"4\"/>", PLOT, PLOT));
        for (EvaluationResult.CalibrationBin bin : bins) {
            if (bin.pairs() > 0) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#36c\">"
                        + "<title>%d pairs</title></circle>", x(bin.meanProbability(), 0), y(bin.matchShare(), 0),
                        Math.min(12, 3 + Math.log10(bin.pairs()) * 2), bin.pairs()));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String importance(Map<String, Double> importance) {
        double max = importance.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        StringBuilder table = new StringBuilder("<table><tr><th>feature</th><th>mean |contribution|</th></tr>");
        importance.entrySet().stream().limit(IMPORTANT).forEach(e -> table.append(String.format(Locale.ROOT,
                "<tr><td class=\"l\">%s</td><td class=\"l\"><svg width=\"160\" height=\"10\"><rect width=\"%.0f\" "
                        + "height=\"10\" fill=\"#36c\"/></svg> %.3f</td></tr>", escape(e.getKey()),
                max == 0 ? 0 : 160 * e.getValue() / max, e.getValue())));
        return table.append("</table>").toString();
    }

    private static StringBuilder axes(double minX, double minY, String xLabel, String yLabel) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"-50 -10 %d %d\"><rect x=\"0\" y=\"0\" width=\"%d\" "
                + "height=\"%d\" fill=\"none\" stroke=\"#999\"/>", PLOT + 70, PLOT + 55, PLOT + 70, PLOT + 55, PLOT,
                PLOT));
        for (int tick = 0; tick <= 4; tick++) {
            double fx = minX + (1 - minX) * tick / 4;
            double fy = minY + (1 - minY) * tick / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">"
                    + "%.3f</text><text x=\"-4\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%.3f</text>",
                    x(fx, minX), PLOT + 14, fx, y(fy, minY) + 4, fy));
        }
        return svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                + "<text x=\"-40\" y=\"%d\" transform=\"rotate(-90 -40 %d)\" text-anchor=\"middle\">%s</text>",
                PLOT / 2, PLOT + 32, xLabel, PLOT / 2, PLOT / 2, yLabel));
    }

    private static double x(double value, double min) {
        return (value - min) / (1 - min) * PLOT;
    }

    private static double y(double value, double min) {
        return (1 - (value - min) / (1 - min)) * PLOT;
    }

    /** The value rounded down to a multiple of 0.05, at most 0.95 so an axis never collapses. */
    private static double floor(double value) {
        return Math.min(0.95, Math.floor(value * 20) / 20);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static double round(double threshold) {
        return Math.round(threshold * 100) / 100.0;
    }
}
