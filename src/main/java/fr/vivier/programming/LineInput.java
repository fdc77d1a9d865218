package fr.vivier.programming;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.List;

/** A programming line once checked: codes exist, amounts are exact and positive, texts are within their limits. */
public record LineInput(
    int year,
    String reference,
    String object,
    String description,
    String direction,
    List<String> sectors,
    List<String> cpvCodes,
    BigDecimal estimatedAmount,
    int expectedQuarter,
    @Nullable Integer expectedMonth,
    Vocabulary.Procedure procedure,
    Vocabulary.Nature nature,
    List<Place> places,
    boolean socialClause,
    boolean socialCriterion,
    Vocabulary.Reservation reservation,
    boolean environmentalClause,
    boolean environmentalCriterion,
    String environmentalThemes,
    boolean variants,
    boolean innovative,
    String contact,
    List<LotInput> lots) {

    public record LotInput(String object, List<String> sectors, @Nullable BigDecimal estimatedAmount) { }
}
