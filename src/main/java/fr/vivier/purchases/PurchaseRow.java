package fr.vivier.purchases;

import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A saved purchase record as the pages, the staff API and the indicators read it. Enum values are their names
 * (SOCIAL {@code CLAUSE}, {@code CRITERION}, {@code RESERVED}…, see {@link PurchaseVocabulary}); the holders carry the
 * supplier attributes frozen at the notification date.
 */
@Serdeable
public record PurchaseRow(
    long id,
    String buyerKey,
    String reference,
    String source,
    String object,
    String direction,
    @Nullable String category,
    String nature,
    String procedure,
    @Nullable String priceForm,
    BigDecimal amount,
    BigDecimal initialAmount,
    LocalDate notifiedOn,
    @Nullable Integer durationMonths,
    @Nullable String cpv,
    String groupKind,
    boolean subcontractingDeclared,
    List<String> socialConsiderations,
    String reservation,
    List<String> environmentalConsiderations,
    List<String> environmentalThemes,
    boolean variants,
    boolean functionalSpecification,
    boolean advance,
    @Nullable BigDecimal advanceRate,
    boolean innovative,
    boolean labelRequired,
    boolean lifecycleCostCriterion,
    boolean reparabilityCriterion,
    boolean equalityCriterion,
    boolean equalityPlan,
    boolean citizenParticipation,
    boolean groupPurchase,
    @Nullable BigDecimal reuseShare,
    @Nullable Integer insertionHoursPlanned,
    @Nullable Integer insertionHoursAchieved,
    @Nullable Integer positiveExits,
    @Nullable Long programmingLineId,
    @Nullable Long shortlistId,
    @Nullable List<Long> sourcingEntryIds,
    List<Party> holders,
    List<Party> subcontractors) {

    /**
     * A holder or subcontractor: its identifier, how it was matched to the directory (SIRET, SIREN or NONE) and the
     * supplier's attributes as they were on {@code frozenOn}; null attributes are « non renseigné ».
     */
    @Serdeable
    public record Party(String identifier, String identifierType, String matchedBy, @Nullable Long supplierId, @Nullable String name,
                        @Nullable String kind, @Nullable String family, @Nullable String size, @Nullable Boolean ess,
                        @Nullable Boolean onTerritory, @Nullable BigDecimal subcontractAmount, LocalDate frozenOn) {

        public boolean matched() {
            return !"NONE".equals(matchedBy);
        }

        public String displayName() {
            return name == null ? identifierType + " " + identifier : name;
        }
    }

    public String amountFrench() {
        return FrenchFormat.amountHt(amount);
    }

    public String notifiedOnFrench() {
        return FrenchFormat.date(notifiedOn);
    }
}
