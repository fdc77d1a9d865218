package fr.vivier.purchases;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The entry form of a purchase as typed (one field per {@link Column}, checkboxes « on » when ticked); {@link PurchaseFields} checks it. */
@Introspected
@Serdeable
public record PurchaseForm(
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String reference,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String object,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String direction,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String category,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String nature,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String procedure,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String priceForm,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String amount,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String notifiedOn,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String durationMonths,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String cpv,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String holders,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String subcontractors,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String groupKind,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String socialClause,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String socialCriterion,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String reservation,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String environmentalClause,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String environmentalCriterion,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String themes,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String variants,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String functionalSpecification,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String advance,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String advanceRate,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String innovative,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String labelRequired,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String lifecycleCostCriterion,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String reparabilityCriterion,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String equalityCriterion,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String equalityPlan,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String citizenParticipation,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String groupPurchase,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String reuseShare,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String insertionHoursPlanned,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String insertionHoursAchieved,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String positiveExits,
    @Size(max = 2000, message = "Ce champ ne doit pas dépasser 2 000 caractères.") @Nullable String programmingLineId,
    @Size(max = 20) @Nullable String shortlistId,
    @Size(max = 50, message = "Cochez au plus 50 contacts du journal.") @Nullable List<String> contacts) {

    static PurchaseForm empty() {
        return new PurchaseForm("", "", "", "", "CONTRACT", "", "", "", "", "", "", "", "", "NONE", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", List.of());
    }

    static PurchaseForm of(Map<Column, String> cells, String shortlistId, List<String> contacts) {
        return new PurchaseForm(cells.getOrDefault(Column.REFERENCE, ""), cells.getOrDefault(Column.OBJET, ""), cells.getOrDefault(Column.DIRECTION, ""), cells.getOrDefault(Column.CATEGORIE, ""), cells.getOrDefault(Column.NATURE, ""), cells.getOrDefault(Column.PROCEDURE, ""), cells.getOrDefault(Column.FORME_PRIX, ""), cells.getOrDefault(Column.MONTANT, ""), cells.getOrDefault(Column.DATE, ""), cells.getOrDefault(Column.DUREE, ""), cells.getOrDefault(Column.CPV, ""), cells.getOrDefault(Column.TITULAIRES, ""), cells.getOrDefault(Column.SOUS_TRAITANTS, ""), cells.getOrDefault(Column.GROUPEMENT, ""), cells.getOrDefault(Column.CLAUSE_SOCIALE, ""), cells.getOrDefault(Column.CRITERE_SOCIAL, ""), cells.getOrDefault(Column.RESERVE, ""), cells.getOrDefault(Column.CLAUSE_ENV, ""), cells.getOrDefault(Column.CRITERE_ENV, ""), cells.getOrDefault(Column.THEMES, ""), cells.getOrDefault(Column.VARIANTES, ""), cells.getOrDefault(Column.SPEC_FONCTIONNELLE, ""), cells.getOrDefault(Column.AVANCE, ""), cells.getOrDefault(Column.TAUX_AVANCE, ""), cells.getOrDefault(Column.INNOVANT, ""), cells.getOrDefault(Column.LABEL, ""), cells.getOrDefault(Column.COUT_CYCLE_VIE, ""), cells.getOrDefault(Column.REPARABILITE, ""), cells.getOrDefault(Column.EGALITE, ""), cells.getOrDefault(Column.PLAN_EGALITE, ""), cells.getOrDefault(Column.PARTICIPATION, ""), cells.getOrDefault(Column.GROUPEMENT_COMMANDES, ""), cells.getOrDefault(Column.REEMPLOI, ""), cells.getOrDefault(Column.HEURES_PREVUES, ""), cells.getOrDefault(Column.HEURES_REALISEES, ""), cells.getOrDefault(Column.SORTIES, ""), cells.getOrDefault(Column.LIGNE, ""), shortlistId, contacts);
    }

    /** A saved record as the entry form shows it, to be corrected (its linked contacts ticked). */
    static PurchaseForm ofRecord(PurchaseRow row) {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        cells.put(Column.REFERENCE, row.reference());
        cells.put(Column.OBJET, row.object());
        cells.put(Column.DIRECTION, row.direction());
        cells.put(Column.CATEGORIE, row.category() == null ? "" : row.category());
        cells.put(Column.NATURE, row.nature());
        cells.put(Column.PROCEDURE, row.procedure());
        cells.put(Column.FORME_PRIX, row.priceForm() == null ? "" : row.priceForm());
        cells.put(Column.MONTANT, plain(row.amount()));
        cells.put(Column.DATE, row.notifiedOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        cells.put(Column.DUREE, row.durationMonths() == null ? "" : String.valueOf(row.durationMonths()));
        cells.put(Column.CPV, row.cpv() == null ? "" : row.cpv());
        cells.put(Column.TITULAIRES, parties(row.holders()));
        cells.put(Column.SOUS_TRAITANTS, parties(row.subcontractors()));
        cells.put(Column.GROUPEMENT, row.groupKind());
        cells.put(Column.CLAUSE_SOCIALE, on(row.socialConsiderations().contains("CLAUSE")));
        cells.put(Column.CRITERE_SOCIAL, on(row.socialConsiderations().contains("CRITERION")));
        cells.put(Column.RESERVE, row.reservation());
        cells.put(Column.CLAUSE_ENV, on(row.environmentalConsiderations().contains("CLAUSE")));
        cells.put(Column.CRITERE_ENV, on(row.environmentalConsiderations().contains("CRITERION")));
        cells.put(Column.THEMES, String.join("; ", row.environmentalThemes().stream()
            .map(theme -> PurchaseVocabulary.EnvironmentalTheme.valueOf(theme).label()).toList()));
        cells.put(Column.VARIANTES, on(row.variants()));
        cells.put(Column.SPEC_FONCTIONNELLE, on(row.functionalSpecification()));
        cells.put(Column.AVANCE, on(row.advance()));
        cells.put(Column.TAUX_AVANCE, row.advanceRate() == null ? "" : plain(row.advanceRate().movePointRight(2)));
        cells.put(Column.INNOVANT, on(row.innovative()));
        cells.put(Column.LABEL, on(row.labelRequired()));
        cells.put(Column.COUT_CYCLE_VIE, on(row.lifecycleCostCriterion()));
        cells.put(Column.REPARABILITE, on(row.reparabilityCriterion()));
        cells.put(Column.EGALITE, on(row.equalityCriterion()));
        cells.put(Column.PLAN_EGALITE, on(row.equalityPlan()));
        cells.put(Column.PARTICIPATION, on(row.citizenParticipation()));
        cells.put(Column.GROUPEMENT_COMMANDES, on(row.groupPurchase()));
        cells.put(Column.REEMPLOI, row.reuseShare() == null ? "" : plain(row.reuseShare().movePointRight(2)));
        cells.put(Column.HEURES_PREVUES, row.insertionHoursPlanned() == null ? "" : String.valueOf(row.insertionHoursPlanned()));
        cells.put(Column.HEURES_REALISEES, row.insertionHoursAchieved() == null ? "" : String.valueOf(row.insertionHoursAchieved()));
        cells.put(Column.SORTIES, row.positiveExits() == null ? "" : String.valueOf(row.positiveExits()));
        cells.put(Column.LIGNE, row.programmingLineId() == null ? "" : String.valueOf(row.programmingLineId()));
        return of(cells, row.shortlistId() == null ? "" : String.valueOf(row.shortlistId()),
            row.sourcingEntryIds() == null ? List.of() : row.sourcingEntryIds().stream().map(String::valueOf).toList());
    }

    private static String parties(List<PurchaseRow.Party> parties) {
        return String.join("; ", parties.stream()
            .map(party -> party.identifierType().equals("SIRET") ? party.identifier() : party.identifierType() + ":" + party.identifier()).toList());
    }

    private static String plain(java.math.BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String on(boolean value) {
        return value ? "on" : "";
    }

    /** The form as a person fills it in, by field name (« object », « amount », « holders »…): what is not given stays blank. */
    public static PurchaseForm typed(Map<String, String> values, List<String> contacts) {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        for (Column column : Column.values()) {
            cells.put(column, values.getOrDefault(column.formName(), ""));
        }
        return of(cells, "", contacts);
    }

    /** The journal's contacts ticked, as ids (anything else is dropped: the service checks what is left). */
    List<Long> contactIds() {
        return contacts == null ? List.of() : contacts.stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).distinct().toList();
    }

    public boolean linked(long contactId) {
        return contactIds().contains(contactId);
    }

    Map<Column, String> cells() {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        cells.put(Column.REFERENCE, reference);
        cells.put(Column.OBJET, object);
        cells.put(Column.DIRECTION, direction);
        cells.put(Column.CATEGORIE, category);
        cells.put(Column.NATURE, nature);
        cells.put(Column.PROCEDURE, procedure);
        cells.put(Column.FORME_PRIX, priceForm);
        cells.put(Column.MONTANT, amount);
        cells.put(Column.DATE, notifiedOn);
        cells.put(Column.DUREE, durationMonths);
        cells.put(Column.CPV, cpv);
        cells.put(Column.TITULAIRES, holders);
        cells.put(Column.SOUS_TRAITANTS, subcontractors);
        cells.put(Column.GROUPEMENT, groupKind);
        cells.put(Column.CLAUSE_SOCIALE, socialClause);
        cells.put(Column.CRITERE_SOCIAL, socialCriterion);
        cells.put(Column.RESERVE, reservation);
        cells.put(Column.CLAUSE_ENV, environmentalClause);
        cells.put(Column.CRITERE_ENV, environmentalCriterion);
        cells.put(Column.THEMES, themes);
        cells.put(Column.VARIANTES, variants);
        cells.put(Column.SPEC_FONCTIONNELLE, functionalSpecification);
        cells.put(Column.AVANCE, advance);
        cells.put(Column.TAUX_AVANCE, advanceRate);
        cells.put(Column.INNOVANT, innovative);
        cells.put(Column.LABEL, labelRequired);
        cells.put(Column.COUT_CYCLE_VIE, lifecycleCostCriterion);
        cells.put(Column.REPARABILITE, reparabilityCriterion);
        cells.put(Column.EGALITE, equalityCriterion);
        cells.put(Column.PLAN_EGALITE, equalityPlan);
        cells.put(Column.PARTICIPATION, citizenParticipation);
        cells.put(Column.GROUPEMENT_COMMANDES, groupPurchase);
        cells.put(Column.REEMPLOI, reuseShare);
        cells.put(Column.HEURES_PREVUES, insertionHoursPlanned);
        cells.put(Column.HEURES_REALISEES, insertionHoursAchieved);
        cells.put(Column.SORTIES, positiveExits);
        cells.put(Column.LIGNE, programmingLineId);
        cells.replaceAll((column, value) -> value == null ? "" : value);
        return cells;
    }

    /** The value typed in a field, by its form name (for the template's generic field rendering). */
    public String value(String formName) {
        String value = switch (formName) {
            case "reference" -> reference;
            case "object" -> object;
            case "direction" -> direction;
            case "category" -> category;
            case "nature" -> nature;
            case "procedure" -> procedure;
            case "priceForm" -> priceForm;
            case "amount" -> amount;
            case "notifiedOn" -> notifiedOn;
            case "durationMonths" -> durationMonths;
            case "cpv" -> cpv;
            case "holders" -> holders;
            case "subcontractors" -> subcontractors;
            case "groupKind" -> groupKind;
            case "socialClause" -> socialClause;
            case "socialCriterion" -> socialCriterion;
            case "reservation" -> reservation;
            case "environmentalClause" -> environmentalClause;
            case "environmentalCriterion" -> environmentalCriterion;
            case "themes" -> themes;
            case "variants" -> variants;
            case "functionalSpecification" -> functionalSpecification;
            case "advance" -> advance;
            case "advanceRate" -> advanceRate;
            case "innovative" -> innovative;
            case "labelRequired" -> labelRequired;
            case "lifecycleCostCriterion" -> lifecycleCostCriterion;
            case "reparabilityCriterion" -> reparabilityCriterion;
            case "equalityCriterion" -> equalityCriterion;
            case "equalityPlan" -> equalityPlan;
            case "citizenParticipation" -> citizenParticipation;
            case "groupPurchase" -> groupPurchase;
            case "reuseShare" -> reuseShare;
            case "insertionHoursPlanned" -> insertionHoursPlanned;
            case "insertionHoursAchieved" -> insertionHoursAchieved;
            case "positiveExits" -> positiveExits;
            case "programmingLineId" -> programmingLineId;
            default -> "";
        };
        return value == null ? "" : value;
    }

    public boolean checked(String formName) {
        return !value(formName).isBlank();
    }
}
