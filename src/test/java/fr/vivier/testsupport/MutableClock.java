package fr.vivier.testsupport;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application clock in tests: real time plus an offset that a test can move forward, or pin to a moment
 * (23:30 UTC, a daylight-saving change) from which time keeps running. {@link #withZone} keeps following it.
 */
public class MutableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;
    private final ZoneId zone;
    private final MutableClock source;

    public MutableClock() {
        this.zone = ZoneOffset.UTC;
        this.source = this;
    }

    private MutableClock(MutableClock source, ZoneId zone) {
        this.zone = zone;
        this.source = source;
    }

    public void advance(Duration duration) {
        source.offset = source.offset.plus(duration);
    }

    /** Time now reads {@code moment}, and runs on from there. */
    public void pinTo(Instant moment) {
        source.offset = Duration.between(Instant.now(), moment);
    }

    /** Back to real time. */
    public void reset() {
        source.offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(source, newZone);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(source.offset);
    }

    @Factory
    static class MutableClockFactory {
        @Singleton
        @Replaces(Clock.class)
        MutableClock clock() {
            return new MutableClock();
        }
    }
}
