package fr.vivier.indicators;

import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 32 indicators of shared/INDICATORS.md, read once from {@code indicators/catalogue.csv} (fields separated by
 * « | », because the French definitions use semicolons). The file is the one place where an indicator is defined.
 */
@Singleton
public class IndicatorCatalogue {
    static final String RESOURCE = "indicators/catalogue.csv";

    private final Map<String, Indicator> byCode;

    IndicatorCatalogue() {
        this.byCode = load();
    }

    public List<Indicator> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Indicator> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    private static Map<String, Indicator> load() {
        InputStream stream = IndicatorCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("Catalogue des indicateurs introuvable : " + RESOURCE);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter('|').setHeader().setSkipHeaderRecord(true).setQuote(null).get();
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                Indicator indicator = new Indicator(row.get("code"), Indicator.Theme.valueOf(row.get("theme")),
                    Indicator.Shape.valueOf(row.get("shape")), row.get("name"), row.get("numerator"), row.get("denominator"),
                    row.get("filters"), row.get("period"), row.get("sources"), row.get("seeds"));
                if (indicators.put(indicator.code(), indicator) != null) {
                    throw new IllegalStateException("Indicateur en double dans le catalogue : " + indicator.code());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return indicators;
    }
}
