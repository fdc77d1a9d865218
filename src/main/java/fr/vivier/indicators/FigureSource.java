package fr.vivier.indicators;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes some indicators from one feature's records, through that feature's public read API. Each source answers a
 * whole year at once (one query per source, grouped by quarter), so that the dashboard stays fast on large tables.
 */
interface FigureSource {
    /** The catalogue codes this source computes. */
    Set<String> codes();

    /** The figures of each of its codes for the year, within the scope. */
    Map<String, YearFigures> figures(int year, Scope scope);

    /** Whether this indicator's figures can be narrowed to a direction (otherwise they are the authority's). */
    default boolean byDirection(String code) {
        return true;
    }

    /** Whether the records behind this indicator's figures can be listed (drill-down). */
    default boolean listsRecords(String code) {
        return false;
    }

    /** The records behind a figure (empty when the source has no list to show, e.g. a plain count of zero). */
    default List<DrillRecord> records(String code, int year, Integer quarter, DrillRecord.Part part, Scope scope) {
        return List.of();
    }
}
