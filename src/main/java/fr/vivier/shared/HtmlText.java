package fr.vivier.shared;

/** Text for HTML written outside the templates (the search page's facet links and excerpts), escaped like th:text does. */
public final class HtmlText {
    private HtmlText() {
    }

    /**
     * The text with {@code & < > " '} escaped, so it is safe in an element or a quoted attribute. Written here rather
     * than with Thymeleaf's escaper (unbescape): its per-character walk, which handles every level of escaping, took a
     * tenth of the search page's time for these five characters.
     */
    public static String escape(String text) {
        StringBuilder escaped = null;
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                if (escaped == null) {
                    escaped = new StringBuilder(text.length() + 16);
                }
                escaped.append(text, copied, i).append(entity);
                copied = i + 1;
            }
        }
        return escaped == null ? text : escaped.append(text, copied, text.length()).toString();
    }
}
