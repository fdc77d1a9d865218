package fr.vivier.reference;

import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The codes of the CPV 2008 main vocabulary (Regulation (EC) No 213/2008), from {@code reference/cpv.csv}: 9 454 codes
 * of eight digits, kept in memory (a few hundred kilobytes) since they never change between releases.
 */
@Singleton
public class CpvCodes {
    private final Set<String> codes;

    CpvCodes() {
        this.codes = read();
    }

    /** Whether a code exists; the check digit after a dash (« 77310000-6 ») is not part of the code. */
    public boolean exists(String code) {
        int dash = code.indexOf('-');
        return codes.contains(dash < 0 ? code : code.substring(0, dash));
    }

    private static Set<String> read() {
        Set<String> codes = new HashSet<>();
        try (InputStream in = Objects.requireNonNull(CpvCodes.class.getResourceAsStream("/reference/cpv.csv"), "reference/cpv.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    codes.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(codes);
    }
}
