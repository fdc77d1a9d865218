package fr.vivier.indicators;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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

    /** Every record behind a figure (empty when the source has no list to show, e.g. a plain count of zero). */
    default List<DrillRecord> records(String code, int year, @Nullable Integer quarter, DrillRecord.Part part, Scope scope) {
        return List.of();
    }

    /** How many records {@link #records} lists: the drill-down's pages. */
    default long recordCount(String code, int year, @Nullable Integer quarter, DrillRecord.Part part, Scope scope) {
        return records(code, year, quarter, part, scope).size();
    }

    /**
     * The same records in the same order, from {@code offset}, at most {@code limit} (null: all), handed one at a time: a
     * source with many records reads them from a cursor, so that a page costs one page and an export streams.
     */
    default void records(String code, int year, @Nullable Integer quarter, DrillRecord.Part part, Scope scope, long offset,
                         @Nullable Long limit, Consumer<DrillRecord> each) {
        records(code, year, quarter, part, scope).stream().skip(offset).limit(limit == null ? Long.MAX_VALUE : limit).forEach(each);
    }
}
