package fr.vivier.purchases;

import fr.vivier.programming.Vocabulary.Nature;
import fr.vivier.programming.Vocabulary.Procedure;
import fr.vivier.programming.Vocabulary.Reservation;
import fr.vivier.purchases.PurchaseVocabulary.Category;
import fr.vivier.purchases.PurchaseVocabulary.EnvironmentalConsideration;
import fr.vivier.purchases.PurchaseVocabulary.EnvironmentalTheme;
import fr.vivier.purchases.PurchaseVocabulary.GroupKind;
import fr.vivier.purchases.PurchaseVocabulary.IdentifierType;
import fr.vivier.purchases.PurchaseVocabulary.PriceForm;
import fr.vivier.purchases.PurchaseVocabulary.SocialConsideration;
import fr.vivier.purchases.PurchaseVocabulary.Source;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A purchase record as every channel (form, spreadsheet, DECP file) hands it over once checked: the modifications are
 * kept, and {@link #amount} / {@link #durationMonths} / {@link #holders} are already those of the latest one. Filled
 * field by field by the readers of each channel, then saved whole or not at all.
 */
final class PurchaseInput {
    String buyerKey = "";
    String reference;
    Source source;
    String object;
    String direction = "";
    @Nullable Category category;
    Nature nature = Nature.CONTRACT;
    Procedure procedure;
    @Nullable PriceForm priceForm;
    BigDecimal amount;
    BigDecimal initialAmount;
    LocalDate notifiedOn;
    @Nullable Integer durationMonths;
    @Nullable Integer initialDurationMonths;
    @Nullable String cpv;
    @Nullable String placeCode;
    @Nullable String placeType;
    GroupKind groupKind = GroupKind.NONE;
    boolean subcontractingDeclared;
    Set<SocialConsideration> social = EnumSet.noneOf(SocialConsideration.class);
    Reservation reservation = Reservation.NONE;
    Set<EnvironmentalConsideration> environmental = EnumSet.noneOf(EnvironmentalConsideration.class);
    Set<EnvironmentalTheme> themes = EnumSet.noneOf(EnvironmentalTheme.class);
    boolean variants;
    boolean functionalSpecification;
    boolean advance;
    @Nullable BigDecimal advanceRate;
    boolean innovative;
    boolean labelRequired;
    boolean lifecycleCostCriterion;
    boolean reparabilityCriterion;
    boolean equalityCriterion;
    boolean equalityPlan;
    boolean citizenParticipation;
    boolean groupPurchase;
    @Nullable BigDecimal reuseShare;
    @Nullable Integer insertionHoursPlanned;
    @Nullable Integer insertionHoursAchieved;
    @Nullable Integer positiveExits;
    @Nullable Integer offersReceived;
    @Nullable Long programmingLineId;
    @Nullable Long shortlistId;
    /** The sourcing journal's entries this purchase followed (the consultations of its shortlist); null: none said. */
    @Nullable List<Long> sourcingEntryIds;
    List<Party> holders = new ArrayList<>();
    List<Party> subcontractors = new ArrayList<>();
    List<Modification> modifications = new ArrayList<>();
    /** The date the holders are those of: the notification, or the latest modification that changed them. */
    LocalDate holdersSince;

    /** A holder or subcontractor as the record names it. */
    record Party(String identifier, IdentifierType type, @Nullable BigDecimal subcontractAmount) {
        boolean isSiret() {
            return type == IdentifierType.SIRET;
        }
    }

    /** A modification as of its date: what it changes (null: unchanged). */
    record Modification(int number, LocalDate notifiedOn, @Nullable BigDecimal amount, @Nullable Integer durationMonths,
                        List<Party> holders) { }

    String key() {
        return buyerKey + "/" + reference;
    }

    /** Applies the modifications in date order: amount, duration and holders as of the latest one that sets them. */
    void applyModifications() {
        initialAmount = amount;
        initialDurationMonths = durationMonths;
        holdersSince = notifiedOn;
        modifications.sort(java.util.Comparator.comparing(Modification::notifiedOn).thenComparing(Modification::number));
        for (Modification modification : modifications) {
            if (modification.amount() != null) {
                amount = modification.amount();
            }
            if (modification.durationMonths() != null) {
                durationMonths = modification.durationMonths();
            }
            if (!modification.holders().isEmpty()) {
                holders = new ArrayList<>(modification.holders());
                holdersSince = modification.notifiedOn();
            }
        }
    }

    /** The canonical content: two inputs with the same hash save the same row (« inchangé » on re-import). */
    String hash() {
        String canonical = String.join("\u001f", buyerKey, reference, source.name(), object, direction, String.valueOf(category),
            nature.name(), procedure.name(), String.valueOf(priceForm), plain(amount), plain(initialAmount), notifiedOn.toString(),
            String.valueOf(durationMonths), String.valueOf(initialDurationMonths), String.valueOf(cpv), String.valueOf(placeCode),
            String.valueOf(placeType), groupKind.name(), String.valueOf(subcontractingDeclared), social.toString(), reservation.name(),
            environmental.toString(), themes.toString(), String.valueOf(variants), String.valueOf(functionalSpecification),
            String.valueOf(advance), plain(advanceRate), String.valueOf(innovative), String.valueOf(labelRequired),
            String.valueOf(lifecycleCostCriterion), String.valueOf(reparabilityCriterion), String.valueOf(equalityCriterion),
            String.valueOf(equalityPlan), String.valueOf(citizenParticipation), String.valueOf(groupPurchase), plain(reuseShare),
            String.valueOf(insertionHoursPlanned), String.valueOf(insertionHoursAchieved), String.valueOf(positiveExits),
            String.valueOf(offersReceived), String.valueOf(programmingLineId), String.valueOf(shortlistId), holders.toString(),
            subcontractors.toString(), modifications.toString())
            // appended only when set, so that the records saved before the link keep their hash (« inchangé » on re-import)
            + (sourcingEntryIds == null ? "" : "\u001f" + sourcingEntryIds);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(@Nullable BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }
}
