package fr.vivier.indicators;

import java.util.List;

/** An indicator's figures for a year: one per quarter (1 to 4, in order) and the whole year. */
public record YearFigures(int year, List<Figure> quarters, Figure total) {

    /** The year as the sum of its quarters: right for counts and amounts, not for a median (give the total then). */
    public static YearFigures summed(int year, List<Figure> quarters) {
        Figure total = quarters.get(0);
        for (Figure quarter : quarters.subList(1, quarters.size())) {
            total = total.plus(quarter);
        }
        return new YearFigures(year, List.copyOf(quarters), total);
    }

    /** Up to the end of a quarter (the quarterly report), from the first quarter. */
    public Figure throughQuarter(int quarter) {
        Figure sum = quarters.get(0);
        for (int q = 2; q <= quarter; q++) {
            sum = sum.plus(quarters.get(q - 1));
        }
        return sum;
    }
}
