package fr.vivier.web;

import java.util.regex.Pattern;

/** What may be written to logs and journals: secrets from links and e-mail addresses are masked. */
public final class LogMasks {
    /** A path segment that looks like the secret of an emailed link (43 base64url characters; slugs are lower case). */
    private static final Pattern SECRET_SEGMENT = Pattern.compile("(?<=/)(?=[A-Za-z0-9_-]*[A-Z])[A-Za-z0-9_-]{32,}(?=/|$)");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

    private LogMasks() {
    }

    /** The request path without the query string and with link secrets replaced by « *** ». */
    public static String path(String path) {
        if (path == null) {
            return "";
        }
        int query = path.indexOf('?');
        String withoutQuery = query < 0 ? path : path.substring(0, query);
        return SECRET_SEGMENT.matcher(withoutQuery).replaceAll("***");
    }

    /** Text (e.g. an SMTP error) with each e-mail address reduced to its domain: « ***@example.org ». */
    public static String emails(String text) {
        return text == null ? null : EMAIL.matcher(text).replaceAll("***@$1");
    }
}
