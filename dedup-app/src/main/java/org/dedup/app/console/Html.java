package org.dedup.app.console;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A piece of HTML whose values were escaped when it was made: {@link #of} escapes every argument that is not itself
 * {@code Html}, so a value from a record (a lead named {@code <script>}) can only ever be text.
 */
record Html(String markup) {
    static final Html EMPTY = new Html("");

    /** {@code template} with {@code %s} replaced by the arguments, each escaped unless it is {@code Html}. */
    static Html of(String template, Object... arguments) {
        Object[] safe = Arrays.stream(arguments).map(a -> a instanceof Html html ? html.markup() : escape(a))
                .toArray();
        return new Html(template.formatted(safe));
    }

    static Html join(Stream<Html> parts) {
        return new Html(parts.map(Html::markup).collect(Collectors.joining("\n")));
    }

    /** Text made safe for an element's content and for a quoted attribute value. */
    static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
