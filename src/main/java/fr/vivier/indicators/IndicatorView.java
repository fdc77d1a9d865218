package fr.vivier.indicators;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An indicator as the pages show it: its figures for the year and the year before, the target, and every text and
 * chart the dashboard, the public page and the report need (numbers always beside the charts).
 *
 * @param current  null when the indicator is not computed yet
 * @param previous null when the indicator is not computed yet
 */
public record IndicatorView(Indicator indicator, IndicatorSetting setting, boolean computed, boolean byDirection, boolean drillable,
                            int year, Scope scope,
                            @Nullable YearFigures current, @Nullable YearFigures previous, @Nullable Target target) {
    private static final String[] QUARTERS = {"1er trimestre", "2e trimestre", "3e trimestre", "4e trimestre"};

    /** How the main number reads: a share in number, a share in € HT, a count or an amount. */
    public enum Unit { PERCENT_OF_COUNT, PERCENT_OF_AMOUNT, COUNT, AMOUNT }

    public String code() {
        return indicator.code();
    }

    /** The same indicator as known at the end of a quarter (the quarterly report): later quarters left out, both years alike. */
    public IndicatorView throughQuarter(int quarter) {
        if (quarter == 4 || current == null) {
            return this;
        }
        return new IndicatorView(indicator, setting, computed, byDirection, drillable, year, scope, cut(current, quarter),
            previous == null ? null : cut(previous, quarter), target);
    }

    private static YearFigures cut(YearFigures figures, int quarter) {
        List<Figure> quarters = new ArrayList<>(figures.quarters().subList(0, quarter));
        Figure empty = figures.quarters().get(0).denominator() == null ? Figure.count(Tally.ZERO)
            : Figure.share(Tally.ZERO, Tally.ZERO, Tally.ZERO);
        while (quarters.size() < 4) {
            quarters.add(empty);
        }
        return new YearFigures(figures.year(), quarters, figures.throughQuarter(quarter));
    }

    public Unit unit() {
        if (target != null) {
            return switch (target.kind()) {
                case PERCENT -> target.measure() == Target.Measure.AMOUNT_HT ? Unit.PERCENT_OF_AMOUNT : Unit.PERCENT_OF_COUNT;
                case COUNT -> Unit.COUNT;
                case AMOUNT -> Unit.AMOUNT;
            };
        }
        return switch (indicator.shape()) {
            case RATIO, RATE -> Unit.PERCENT_OF_COUNT;
            case COUNT -> Unit.COUNT;
            case AMOUNT -> Unit.AMOUNT;
        };
    }

    public Optional<BigDecimal> value(@Nullable Figure figure) {
        if (figure == null) {
            return Optional.empty();
        }
        return switch (unit()) {
            case PERCENT_OF_COUNT -> figure.percentOfCount();
            case PERCENT_OF_AMOUNT -> figure.percentOfAmount();
            case COUNT -> Optional.of(BigDecimal.valueOf(figure.numerator().count()));
            case AMOUNT -> Optional.of(figure.numerator().amount());
        };
    }

    public String text(@Nullable Figure figure) {
        return value(figure).map(this::format).orElse("—");
    }

    String format(BigDecimal value) {
        return switch (unit()) {
            case PERCENT_OF_COUNT, PERCENT_OF_AMOUNT -> Target.number(value) + "\u00a0%";
            case COUNT -> Target.number(value);
            case AMOUNT -> amount(value);
        };
    }

    public @Nullable Figure total() {
        return current == null ? null : current.total();
    }

    public String headline() {
        return text(total());
    }

    /** What the headline is: « des marchés, en nombre », « en € HT »… */
    public String unitLabel() {
        return switch (unit()) {
            case PERCENT_OF_COUNT -> "des " + indicator.recordNoun() + ", en nombre";
            case PERCENT_OF_AMOUNT -> "du montant, en € HT";
            case COUNT -> indicator.recordNoun();
            case AMOUNT -> "montant HT";
        };
    }

    /** Numerator and denominator in words, in number and in € HT when the indicator has amounts. */
    public List<String> details() {
        Figure figure = total();
        if (figure == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        String noun = indicator.recordNoun();
        String capitalised = Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
        if (figure.denominator() != null) {
            lines.add(capitalised + " : " + figure.numerator().count() + " sur " + figure.denominator().count()
                + figure.percentOfCount().map(p -> " (" + Target.number(p) + "\u00a0%)").orElse(""));
            if (indicator.hasAmounts()) {
                lines.add("Montant : " + amount(figure.numerator().amount()) + " sur " + amount(figure.denominator().amount())
                    + figure.percentOfAmount().map(p -> " (" + Target.number(p) + "\u00a0%)").orElse(""));
            }
        } else if (indicator.hasAmounts()) {
            lines.add(capitalised + " : " + figure.numerator().count() + ", pour " + amount(figure.numerator().amount()));
        }
        if (figure.medianDelay() != null) {
            lines.add("Délai médian de réponse : " + delay(figure.medianDelay()));
        } else if (indicator.code().equals(RecontactSource.RECONTACT)) {
            lines.add("Délai médian de réponse : aucune demande répondue");
        }
        return lines;
    }

    /** The records that could not be classed, shown apart; null when there are none. */
    public @Nullable String unknownText() {
        Figure figure = total();
        if (figure == null || figure.unknown().count() == 0) {
            return null;
        }
        return figure.unknown().count() + " " + indicator.recordNoun()
            + (indicator.hasAmounts() ? " (" + amount(figure.unknown().amount()) + ")" : "") + ", comptés à part";
    }

    public boolean hasUnknown() {
        return unknownText() != null;
    }

    /** « 2025 : 35 % (+7,1 points) », or empty when there is nothing to compare. */
    public String comparison() {
        if (previous == null) {
            return "";
        }
        Optional<BigDecimal> before = value(previous.total());
        Optional<BigDecimal> now = value(total());
        if (before.isEmpty()) {
            return (year - 1) + " : pas de donnée";
        }
        String text = (year - 1) + " : " + format(before.get());
        if (now.isPresent()) {
            BigDecimal change = now.get().subtract(before.get());
            String sign = change.signum() > 0 ? "+" : change.signum() < 0 ? "−" : "±";
            String amount = unit() == Unit.PERCENT_OF_COUNT || unit() == Unit.PERCENT_OF_AMOUNT
                ? Target.number(change.abs()) + (change.abs().compareTo(BigDecimal.ONE) > 0 ? " points" : " point")
                : format(change.abs());
            text += " (" + sign + amount + ")";
        }
        return text;
    }

    /** Progress towards the year's target; empty without a target or without a figure. */
    public Optional<Progress> progress() {
        if (target == null) {
            return Optional.empty();
        }
        return value(total()).map(value -> Progress.of(value, target.value()));
    }

    /** How far the figure is from its target: 0 to 100 for the bar, with words. */
    public record Progress(BigDecimal percentOfTarget, boolean reached) {
        static Progress of(BigDecimal value, BigDecimal target) {
            if (target.signum() == 0) {
                return new Progress(BigDecimal.valueOf(100), true);
            }
            BigDecimal percent = value.multiply(BigDecimal.valueOf(100)).divide(target, 0, RoundingMode.DOWN);
            return new Progress(percent, value.compareTo(target) >= 0);
        }

        public String cssClass() {
            return reached ? "progression__plein progression__plein--atteint" : "progression__plein";
        }

        public int barWidth() {
            return Math.min(100, percentOfTarget.intValue());
        }

        public String french() {
            return reached ? "Cible atteinte (" + Target.number(percentOfTarget) + "\u00a0% de la cible)"
                : Target.number(percentOfTarget) + "\u00a0% de la cible";
        }
    }

    /** One row of the table beside the trend chart. */
    public record QuarterRow(int quarter, String label, String currentText, String previousText, @Nullable String drillUrl) { }

    public List<QuarterRow> quarterRows() {
        List<QuarterRow> rows = new ArrayList<>();
        if (current == null) {
            return rows;
        }
        for (int q = 1; q <= 4; q++) {
            rows.add(new QuarterRow(q, QUARTERS[q - 1], text(current.quarters().get(q - 1)),
                previous == null ? "—" : text(previous.quarters().get(q - 1)), drillable ? drillUrl(DrillRecord.Part.NUMERATOR, q) : null));
        }
        return rows;
    }

    /** The width (0 to 100) of a quarter's bar in the printed report, on the same scale as the chart. */
    public List<Integer> quarterBarWidths() {
        Chart chart = trendChart();
        return chart.bars().stream().filter(bar -> bar.cssClass().equals("graphique__barre"))
            .map(bar -> bar.height() * 100 / (Chart.BOTTOM - Chart.TOP)).toList();
    }

    /** The bars of the quarterly trend: the year and the year before, side by side, on a shared scale. */
    public Chart trendChart() {
        List<Optional<BigDecimal>> now = new ArrayList<>();
        List<Optional<BigDecimal>> before = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            now.add(current == null ? Optional.empty() : value(current.quarters().get(q)));
            before.add(previous == null ? Optional.empty() : value(previous.quarters().get(q)));
        }
        BigDecimal max = BigDecimal.ONE;
        for (Optional<BigDecimal> value : concat(now, before)) {
            if (value.isPresent() && value.get().compareTo(max) > 0) {
                max = value.get();
            }
        }
        if (unit() == Unit.PERCENT_OF_COUNT || unit() == Unit.PERCENT_OF_AMOUNT) {
            max = BigDecimal.valueOf(100);
        }
        List<Chart.Bar> bars = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            int groupX = Chart.LEFT + q * Chart.GROUP_WIDTH;
            bars.add(Chart.bar(groupX + 6, before.get(q), max, "graphique__barre--precedente", (year - 1) + ", T" + (q + 1)));
            bars.add(Chart.bar(groupX + 6 + Chart.BAR_WIDTH + 2, now.get(q), max, "graphique__barre", year + ", T" + (q + 1)));
        }
        String title = indicator.name() + " — par trimestre, " + year + " et " + (year - 1);
        StringBuilder desc = new StringBuilder("Diagramme en barres, " + unitLabel() + ". ");
        for (int q = 0; q < 4; q++) {
            desc.append(QUARTERS[q]).append(" : ").append(now.get(q).map(this::format).orElse("pas de donnée")).append(" en ")
                .append(year).append(", ").append(before.get(q).map(this::format).orElse("pas de donnée")).append(" en ")
                .append(year - 1).append(". ");
        }
        return new Chart(title, desc.toString().strip(), bars, format(max));
    }

    /** The drill-down list of this figure's records, with the same filters. */
    public String drillUrl(DrillRecord.Part part, @Nullable Integer quarter) {
        return "/agents/indicateurs/" + code() + "/enregistrements?annee=" + year + (quarter == null ? "" : "&trimestre=" + quarter)
            + "&partie=" + part.slug() + (scope.wholeAuthority() ? "" : "&direction=" + URLEncoder.encode(scope.direction(), StandardCharsets.UTF_8));
    }

    public String numeratorUrl() {
        return drillUrl(DrillRecord.Part.NUMERATOR, null);
    }

    public String denominatorUrl() {
        return drillUrl(DrillRecord.Part.DENOMINATOR, null);
    }

    public String unknownUrl() {
        return drillUrl(DrillRecord.Part.UNKNOWN, null);
    }

    /** « pour toute la collectivité » when the figure cannot be narrowed to the direction asked for. */
    public @Nullable String scopeNote() {
        if (!scope.wholeAuthority() && !byDirection && computed) {
            return "Chiffre de toute la collectivité : cet indicateur ne se calcule pas par direction.";
        }
        return null;
    }

    public String targetText() {
        return target == null ? "Pas de cible pour " + year : "Cible " + year + " : " + target.french();
    }

    static String amount(BigDecimal value) {
        return FrenchFormat.amountHt(value).replace('\u202f', '\u00a0');
    }

    static String delay(Duration duration) {
        if (duration.toHours() < 1) {
            return "moins d’une heure";
        }
        if (duration.toHours() < 24) {
            return duration.toHours() + "\u00a0h";
        }
        String days = String.format(Locale.FRENCH, "%.1f", duration.toMinutes() / 1440.0).replace(",0", "");
        return days + (days.equals("1") ? "\u00a0jour" : "\u00a0jours");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
