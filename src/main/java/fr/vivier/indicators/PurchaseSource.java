package fr.vivier.indicators;

import fr.vivier.purchases.PurchaseFigures;
import fr.vivier.purchases.PurchaseFigures.Measure;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The indicators computed from purchase records, through the purchases' aggregate read: what each counts (numerator),
 * out of what (denominator, null for a plain count), and its « non renseigné » part. Holder-based indicators divide by
 * the records whose holders are known: unknown holders are shown apart, on neither side.
 */
@Singleton
class PurchaseSource implements FigureSource {
    static final String INSERTION_HOURS = "INSERTION_HOURS";

    private record Definition(Measure numerator, @Nullable Measure denominator, @Nullable Measure unknown) { }

    private static final Map<String, Definition> DEFINITIONS = Map.ofEntries(
        Map.entry("SME_CONTRACTS", new Definition(Measure.SME, Measure.SME_KNOWN, Measure.SME_UNKNOWN)),
        Map.entry("SME_UNDER_40K", new Definition(Measure.UNDER_40K_SME, Measure.UNDER_40K_SME_KNOWN, Measure.UNDER_40K_SME_UNKNOWN)),
        Map.entry("SME_SPEND", new Definition(Measure.SME, Measure.SME_KNOWN, Measure.SME_UNKNOWN)),
        Map.entry("LOCAL_SPEND", new Definition(Measure.LOCAL, Measure.LOCAL_KNOWN, Measure.LOCAL_UNKNOWN)),
        Map.entry("ESS_SPEND", new Definition(Measure.ESS, Measure.ESS_KNOWN, Measure.ESS_UNKNOWN)),
        Map.entry("SIAE_STPA_SPEND", new Definition(Measure.SIAE_STPA, Measure.SIAE_STPA_KNOWN, Measure.SIAE_STPA_UNKNOWN)),
        Map.entry("RESERVED_CONTRACTS", new Definition(Measure.RESERVED, null, null)),
        Map.entry("ADVANCE_UNDER_50K", new Definition(Measure.LUMP_SUM_UNDER_50K_ADVANCE, Measure.LUMP_SUM_UNDER_50K,
            Measure.PRICE_FORM_UNKNOWN_UNDER_50K)),
        Map.entry("VARIANTS", new Definition(Measure.LUMP_SUM_VARIANTS, Measure.LUMP_SUM, Measure.PRICE_FORM_UNKNOWN)),
        Map.entry("SOCIAL_CONSIDERATION", new Definition(Measure.SOCIAL, Measure.ALL, null)),
        Map.entry("ENV_CONSIDERATION", new Definition(Measure.ENVIRONMENTAL, Measure.ALL, null)),
        Map.entry("ENV_ENERGY", new Definition(Measure.ENERGY, Measure.ALL, null)),
        Map.entry("ENV_MOBILITY", new Definition(Measure.MOBILITY, Measure.ALL, null)),
        Map.entry("CIRCULAR_CONTRACTS", new Definition(Measure.CIRCULAR, Measure.ALL, null)),
        Map.entry("LABEL_REFERENCE", new Definition(Measure.LABEL_REQUIRED, Measure.ALL, null)),
        Map.entry("REPARABILITY_CRITERION", new Definition(Measure.SUPPLIES_REPARABILITY, Measure.SUPPLIES, Measure.CATEGORY_UNKNOWN)),
        Map.entry("LIFECYCLE_COST", new Definition(Measure.LIFECYCLE_COST, null, null)),
        Map.entry("EQUALITY_CRITERIA", new Definition(Measure.EQUALITY_CRITERION, null, null)),
        Map.entry("MUTUALISED", new Definition(Measure.GROUP_PURCHASE, null, null)),
        Map.entry("CITIZEN_PARTICIPATION", new Definition(Measure.CITIZEN_PARTICIPATION, null, null)),
        Map.entry("INNOVATIVE", new Definition(Measure.INNOVATIVE, Measure.ALL, null)));

    private final PurchaseFigures purchases;

    PurchaseSource(PurchaseFigures purchases) {
        this.purchases = purchases;
    }

    @Override
    public Set<String> codes() {
        Set<String> codes = new java.util.HashSet<>(DEFINITIONS.keySet());
        codes.add(INSERTION_HOURS);
        return codes;
    }

    @Override
    public Map<String, YearFigures> figures(int year, Scope scope) {
        List<PurchaseFigures.Quarter> found = purchases.byQuarter(year, scope.direction());
        Map<String, YearFigures> figures = new HashMap<>();
        DEFINITIONS.forEach((code, definition) -> {
            List<Figure> quarters = new ArrayList<>();
            for (int q = 1; q <= 4; q++) {
                quarters.add(figure(definition, quarter(found, q)));
            }
            figures.put(code, YearFigures.summed(year, quarters));
        });
        List<Figure> hours = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            PurchaseFigures.Quarter quarter = quarter(found, q);
            hours.add(Figure.count(Tally.of(quarter == null ? 0 : quarter.insertionHoursAchieved())));
        }
        figures.put(INSERTION_HOURS, YearFigures.summed(year, hours));
        return figures;
    }

    @Override
    public boolean listsRecords(String code) {
        return true;
    }

    @Override
    public List<DrillRecord> records(String code, int year, Integer quarter, DrillRecord.Part part, Scope scope) {
        List<DrillRecord> all = new ArrayList<>();
        records(code, year, quarter, part, scope, 0, null, all::add);
        return all;
    }

    @Override
    public long recordCount(String code, int year, Integer quarter, DrillRecord.Part part, Scope scope) {
        Measure measure = listed(code, part);
        return measure == null ? 0 : purchases.recordCount(year, quarter, scope.direction(), measure);
    }

    @Override
    public void records(String code, int year, Integer quarter, DrillRecord.Part part, Scope scope, long offset, Long limit,
                        Consumer<DrillRecord> each) {
        Measure measure = listed(code, part);
        if (measure != null) {
            purchases.forEachRecord(year, quarter, scope.direction(), measure, offset, limit, record -> each.accept(drill(record)));
        }
    }

    /** The measure whose records are this part of the figure; null when the part has none (a plain count's reference). */
    private static @Nullable Measure listed(String code, DrillRecord.Part part) {
        Definition definition = code.equals(INSERTION_HOURS) ? new Definition(Measure.WITH_INSERTION_HOURS, null, null)
            : DEFINITIONS.get(code);
        return switch (part) {
            case NUMERATOR -> definition.numerator();
            case DENOMINATOR -> definition.denominator();
            case UNKNOWN -> definition.unknown();
        };
    }

    private static DrillRecord drill(PurchaseFigures.Record record) {
        return new DrillRecord(record.reference(), record.object(), record.direction(), record.notifiedOn(), record.amount(),
            record.procedureLabel(), record.staffUrl());
    }

    private static @Nullable PurchaseFigures.Quarter quarter(List<PurchaseFigures.Quarter> found, int q) {
        return found.stream().filter(quarter -> quarter.quarter() == q).findFirst().orElse(null);
    }

    private static Figure figure(Definition definition, @Nullable PurchaseFigures.Quarter quarter) {
        Tally numerator = tally(quarter, definition.numerator());
        if (definition.denominator() == null) {
            return new Figure(numerator, null, Tally.ZERO, null);
        }
        return Figure.share(numerator, tally(quarter, definition.denominator()),
            definition.unknown() == null ? Tally.ZERO : tally(quarter, definition.unknown()));
    }

    private static Tally tally(@Nullable PurchaseFigures.Quarter quarter, Measure measure) {
        if (quarter == null) {
            return Tally.ZERO;
        }
        PurchaseFigures.Share share = quarter.share(measure);
        return new Tally(share.count(), share.amount());
    }
}
