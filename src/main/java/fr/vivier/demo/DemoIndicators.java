package fr.vivier.demo;

import fr.vivier.indicators.IndicatorCatalogue;
import fr.vivier.indicators.IndicatorFigures;
import fr.vivier.indicators.IndicatorSetting;
import fr.vivier.indicators.IndicatorSettings;
import fr.vivier.indicators.SettingForm;
import fr.vivier.web.FrenchFormat;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo data: the authority follows and publishes the indicators of its profile ({@link DemoProfile},
 * `VIVIER_DEMO_PROFILE`) with this year's targets taken from the seeds, so that the public page and the dashboard show
 * figures against targets on a fresh clone. Saved through the staff form's rules. What someone already chose is left as
 * it is: an indicator's « suivi / publié » once set, and a target already set for this year.
 */
@Singleton
class DemoIndicators {
    private static final Logger LOG = LoggerFactory.getLogger(DemoIndicators.class);

    private final IndicatorSettings settings;
    private final IndicatorCatalogue catalogue;
    private final IndicatorFigures figures;
    private final Clock clock;
    private final DemoProfile profile;

    DemoIndicators(IndicatorSettings settings, IndicatorCatalogue catalogue, IndicatorFigures figures, Clock clock,
                   @Value("${vivier.demo-profile:default}") String profile) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.figures = figures;
        this.clock = clock;
        this.profile = DemoProfile.named(profile);
    }

    /** Sets this year's target of each indicator of the profile that has none; returns the French errors of those refused. */
    Map<String, Map<String, String>> load() {
        Map<String, IndicatorSetting> alreadySet = settings.all();
        int year = FrenchFormat.today(clock).getYear();
        Map<String, Map<String, String>> refused = new LinkedHashMap<>();
        int saved = 0;
        for (DemoProfile.Choice choice : profile.choices()) {
            if (settings.targets(choice.code()).stream().anyMatch(target -> target.year() == year)) {
                continue;
            }
            IndicatorSetting chosen = alreadySet.get(choice.code());
            SettingForm form = chosen == null
                ? new SettingForm("on", "on", String.valueOf(year - 1), String.valueOf(year), choice.target(), choice.kind(), choice.measure())
                : new SettingForm(chosen.followed() ? "on" : null, chosen.published() ? "on" : null,
                    chosen.baselineYear() == null ? "" : String.valueOf(chosen.baselineYear()), String.valueOf(year), choice.target(),
                    choice.kind(), choice.measure());
            Map<String, String> errors = settings.save(catalogue.find(choice.code()).orElseThrow(), form, figures.computed(choice.code()),
                "démonstration");
            if (errors.isEmpty()) {
                saved++;
            } else {
                refused.put(choice.code(), errors);
                LOG.warn("demo indicator {} not set: {}", choice.code(), errors);
            }
        }
        if (saved > 0) {
            LOG.info("demo data ({} profile): {} indicators with {} targets", profile.name().toLowerCase(java.util.Locale.ROOT), saved, year);
        }
        return refused;
    }

    DemoProfile profile() {
        return profile;
    }
}
