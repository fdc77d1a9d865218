package fr.vivier.demo;

import fr.vivier.indicators.IndicatorCatalogue;
import fr.vivier.indicators.IndicatorFigures;
import fr.vivier.indicators.IndicatorSettings;
import fr.vivier.indicators.SettingForm;
import fr.vivier.web.FrenchFormat;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo data: the authority follows and publishes the access-to-procurement indicators with this year's targets taken
 * from the seeds (Aix 2022: 48 % local, 600 000 € with ESS; Clichy: 10 sourcings, 3 reserved contracts, 30 % of volume with
 * a social consideration, a workshop a semester; Est Ensemble: every contract with an environmental consideration), so
 * that the public page and the dashboard show figures against targets on a fresh clone. Saved through the staff form's
 * rules; an indicator someone has already set is left as it is.
 */
@Singleton
class DemoIndicators {
    private static final Logger LOG = LoggerFactory.getLogger(DemoIndicators.class);

    /** Code, target, target kind, measure. */
    private record Choice(String code, String target, String kind, String measure) { }

    private static final List<Choice> CHOICES = List.of(
        new Choice("SME_CONTRACTS", "50", "PERCENT", "CONTRACTS"),
        new Choice("SME_UNDER_40K", "60", "PERCENT", "CONTRACTS"),
        new Choice("LOCAL_SPEND", "48", "PERCENT", "AMOUNT_HT"),
        new Choice("ESS_SPEND", "600 000", "AMOUNT", "AMOUNT_HT"),
        new Choice("RESERVED_CONTRACTS", "3", "COUNT", "CONTRACTS"),
        new Choice("SOCIAL_CONSIDERATION", "30", "PERCENT", "AMOUNT_HT"),
        new Choice("ENV_CONSIDERATION", "100", "PERCENT", "CONTRACTS"),
        new Choice("SOURCINGS", "10", "COUNT", "CONTRACTS"),
        new Choice("WORKSHOPS", "2", "COUNT", "CONTRACTS"),
        new Choice("RECONTACT", "100", "PERCENT", "CONTRACTS"),
        new Choice("PROGRAMMED_VS_LAUNCHED", "80", "PERCENT", "CONTRACTS"));

    private final IndicatorSettings settings;
    private final IndicatorCatalogue catalogue;
    private final IndicatorFigures figures;
    private final Clock clock;

    DemoIndicators(IndicatorSettings settings, IndicatorCatalogue catalogue, IndicatorFigures figures, Clock clock) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.figures = figures;
        this.clock = clock;
    }

    /** Sets each indicator of the list that no one has set yet; returns the French errors of those the rules refused. */
    Map<String, Map<String, String>> load() {
        Map<String, ?> alreadySet = settings.all();
        int year = FrenchFormat.today(clock).getYear();
        Map<String, Map<String, String>> refused = new LinkedHashMap<>();
        int published = 0;
        for (Choice choice : CHOICES) {
            if (alreadySet.containsKey(choice.code())) {
                continue;
            }
            Map<String, String> errors = settings.save(catalogue.find(choice.code()).orElseThrow(), new SettingForm("on", "on",
                String.valueOf(year - 1), String.valueOf(year), choice.target(), choice.kind(), choice.measure()),
                figures.computed(choice.code()), "démonstration");
            if (errors.isEmpty()) {
                published++;
            } else {
                refused.put(choice.code(), errors);
                LOG.warn("demo indicator {} not set: {}", choice.code(), errors);
            }
        }
        if (published > 0) {
            LOG.info("demo data: {} indicators followed and published with {} targets", published, year);
        }
        return refused;
    }

    static List<String> codes() {
        return CHOICES.stream().map(Choice::code).toList();
    }
}
