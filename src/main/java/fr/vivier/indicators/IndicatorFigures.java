package fr.vivier.indicators;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Computes the catalogue's figures live from the sources, with the settings and targets the authority chose. */
@Singleton
public class IndicatorFigures {
    private final List<FigureSource> sources;
    private final IndicatorCatalogue catalogue;
    private final IndicatorSettings settings;

    IndicatorFigures(List<FigureSource> sources, IndicatorCatalogue catalogue, IndicatorSettings settings) {
        this.sources = sources;
        this.catalogue = catalogue;
        this.settings = settings;
    }

    /** The codes the portal computes today (the others are in the catalogue, not computed yet). */
    public Set<String> computedCodes() {
        Set<String> codes = new TreeSet<>();
        sources.forEach(source -> codes.addAll(source.codes()));
        return codes;
    }

    public boolean computed(String code) {
        return source(code).isPresent();
    }

    /** One view per indicator given, in their order, for the year and the one before (each source asked twice). */
    public List<IndicatorView> views(List<Indicator> indicators, int year, Scope scope) {
        Map<String, YearFigures> current = new HashMap<>();
        Map<String, YearFigures> previous = new HashMap<>();
        Set<String> wanted = new TreeSet<>(indicators.stream().map(Indicator::code).toList());
        for (FigureSource source : sources) {
            if (source.codes().stream().anyMatch(wanted::contains)) {
                current.putAll(source.figures(year, scope));
                previous.putAll(source.figures(year - 1, scope));
            }
        }
        Map<String, IndicatorSetting> chosen = settings.all();
        Map<String, Target> targets = new HashMap<>();
        settings.targets(null).stream().filter(target -> target.year() == year).forEach(target -> targets.put(target.code(), target));
        List<IndicatorView> views = new ArrayList<>();
        for (Indicator indicator : indicators) {
            Optional<FigureSource> source = source(indicator.code());
            views.add(new IndicatorView(indicator, chosen.getOrDefault(indicator.code(), IndicatorSetting.none(indicator.code())),
                source.isPresent(), source.map(s -> s.byDirection(indicator.code())).orElse(false),
                source.map(s -> s.listsRecords(indicator.code())).orElse(false), year, scope,
                current.get(indicator.code()), previous.get(indicator.code()), targets.get(indicator.code())));
        }
        return views;
    }

    public IndicatorView view(Indicator indicator, int year, Scope scope) {
        return views(List.of(indicator), year, scope).get(0);
    }

    /** The catalogue's indicators the authority follows, in catalogue order. */
    public List<Indicator> followed() {
        Map<String, IndicatorSetting> chosen = settings.all();
        return catalogue.all().stream().filter(i -> chosen.containsKey(i.code()) && chosen.get(i.code()).followed()).toList();
    }

    /** The indicators the public sees: published and computed. */
    public List<Indicator> published() {
        Map<String, IndicatorSetting> chosen = settings.all();
        return catalogue.all().stream()
            .filter(i -> chosen.containsKey(i.code()) && chosen.get(i.code()).published() && computed(i.code())).toList();
    }

    public List<Indicator> computedIndicators() {
        return catalogue.all().stream().filter(i -> computed(i.code())).toList();
    }

    public List<DrillRecord> records(String code, int year, @Nullable Integer quarter, DrillRecord.Part part, Scope scope) {
        return source(code).map(source -> source.records(code, year, quarter, part, scope)).orElse(List.of());
    }

    /** One page of the drill-down (pages counted from 0), with how many records there are in all. */
    public DrillRecord.Page page(String code, int year, @Nullable Integer quarter, DrillRecord.Part part, Scope scope, int page) {
        Optional<FigureSource> source = source(code);
        if (source.isEmpty()) {
            return new DrillRecord.Page(List.of(), 0, 0);
        }
        long total = source.get().recordCount(code, year, quarter, part, scope);
        int last = (int) Math.max(0, (total - 1) / DrillRecord.Page.SIZE);
        int shown = Math.min(Math.max(page, 0), last);
        List<DrillRecord> rows = new ArrayList<>();
        source.get().records(code, year, quarter, part, scope, (long) shown * DrillRecord.Page.SIZE, (long) DrillRecord.Page.SIZE, rows::add);
        return new DrillRecord.Page(rows, total, shown);
    }

    /** Every record behind a figure, one at a time (the exports: streamed from the source, never held in memory). */
    public void forEachRecord(String code, int year, @Nullable Integer quarter, DrillRecord.Part part, Scope scope,
                              java.util.function.Consumer<DrillRecord> each) {
        source(code).ifPresent(source -> source.records(code, year, quarter, part, scope, 0, null, each));
    }

    private Optional<FigureSource> source(String code) {
        return sources.stream().filter(source -> source.codes().contains(code)).findFirst();
    }
}
