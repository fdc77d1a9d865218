package fr.vivier.web;

import io.micronaut.core.annotation.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a visitor goes back to after registering or opening its emailed link (« retour »): only a page of the public
 * programming of this portal, so that a crafted link can never send anyone to another site (no scheme, no host, no
 * {@code //}, no {@code ..}, no query).
 */
public final class ReturnPath {
    public static final String PARAMETER = "retour";
    private static final Pattern ALLOWED = Pattern.compile("/programmation(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,59}){0,4}");

    private ReturnPath() {
    }

    /** The path when it is a local page under /programmation, empty for anything else. */
    public static Optional<String> of(@Nullable String typed) {
        if (typed == null || typed.length() > 200 || !ALLOWED.matcher(typed).matches() || typed.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(typed);
    }

    /** {@code ?retour=…} to append to a local address, or nothing when the path is not allowed. */
    public static String query(@Nullable String typed) {
        return of(typed).map(path -> "?" + PARAMETER + "=" + URLEncoder.encode(path, StandardCharsets.UTF_8)).orElse("");
    }
}
