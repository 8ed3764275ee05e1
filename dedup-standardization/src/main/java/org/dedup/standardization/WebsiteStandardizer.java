package org.dedup.standardization;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creatio's website standardization: scheme, {@code www.}, path and the generic suffix (.com, .org, ...) are
 * removed; country domains and every other part of the host are kept ({@code https://www.acme.co.uk/about} becomes
 * {@code acme.co.uk}, {@code http://acme.com} becomes {@code acme}).
 */
final class WebsiteStandardizer {
    private static final Set<String> GENERIC_SUFFIXES = Set.of(
            "com", "org", "net", "info", "biz", "edu", "gov", "mil", "int", "name", "pro", "io", "co", "app", "dev",
            "online", "site", "shop", "store", "tech", "xyz");

    private static final Pattern SCHEME = Pattern.compile("^(https?:/*|[a-z][a-z0-9+.-]*:/+|/+)");

    private final TextStandardizer text;

    WebsiteStandardizer(TextStandardizer text) {
        this.text = text;
    }

    String standardize(String raw) {
        if (raw == null) {
            return "";
        }
        String host = hostOf(raw.strip().toLowerCase(Locale.ROOT));
        String[] labels = host.split("\\.");
        int end = labels.length;
        while (end > 0 && labels[end - 1].isEmpty()) {
            end--;
        }
        int start = 0;
        while (start < end && (labels[start].isEmpty() || labels[start].equals("www"))) {
            start++;
        }
        if (end - start > 1 && GENERIC_SUFFIXES.contains(labels[end - 1])) {
            end--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = start; i < end; i++) {
            String label = text.standardize(labels[i]);
            if (!label.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(label);
            }
        }
        return out.toString();
    }

    /**
     * Backslashes are read as slashes and any number of them ends the scheme, as people write
     * {@code http:\\www.acme.com} or {@code http:/acme.com} for {@code http://www.acme.com}.
     */
    private static String hostOf(String url) {
        String rest = SCHEME.matcher(url.replace('\\', '/')).replaceFirst("");
        int at = rest.indexOf('@');
        int slash = rest.indexOf('/');
        if (at >= 0 && (slash < 0 || at < slash)) {
            rest = rest.substring(at + 1);
        }
        int cut = rest.length();
        for (char stop : new char[] {'/', '?', '#', ':'}) {
            int index = rest.indexOf(stop);
            if (index >= 0 && index < cut) {
                cut = index;
            }
        }
        return rest.substring(0, cut);
    }
}
