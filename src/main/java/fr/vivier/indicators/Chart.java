package fr.vivier.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * A bar chart drawn as SVG by the template (no script): coordinates are computed here, the title and the description
 * say the same numbers as the table the page puts beside it.
 */
public record Chart(String title, String description, List<Bar> bars, String maxText) {
    static final int WIDTH = 340;
    static final int HEIGHT = 170;
    static final int TOP = 14;
    static final int BOTTOM = 146;
    static final int LEFT = 20;
    static final int GROUP_WIDTH = 80;
    static final int BAR_WIDTH = 30;

    /** One bar; a missing value draws nothing (height 0) and says « pas de donnée » in its tooltip. */
    public record Bar(int x, int y, int width, int height, String cssClass, String label) { }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int baseline() {
        return BOTTOM;
    }

    public List<Integer> quarterCentres() {
        return List.of(0, 1, 2, 3).stream().map(q -> LEFT + q * GROUP_WIDTH + 6 + BAR_WIDTH + 1).toList();
    }

    static Bar bar(int x, Optional<BigDecimal> value, BigDecimal max, String cssClass, String label) {
        int height = value.map(v -> v.multiply(BigDecimal.valueOf(BOTTOM - TOP)).divide(max, 0, RoundingMode.HALF_UP).intValue())
            .map(h -> Math.max(0, Math.min(BOTTOM - TOP, h))).orElse(0);
        return new Bar(x, BOTTOM - height, BAR_WIDTH, height, cssClass, label);
    }
}
