package fr.vivier.indicators;

import io.micronaut.core.annotation.Nullable;

/** Whether the authority follows an indicator, publishes it, and from which year it measures progress. */
public record IndicatorSetting(String code, boolean followed, boolean published, @Nullable Integer baselineYear) {
    public static IndicatorSetting none(String code) {
        return new IndicatorSetting(code, false, false, null);
    }
}
