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
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A purchase typed by a person, in the entry form or a spreadsheet row: each cell checked with a French message at
 * its field (the same rules as the DECP import, {@link PurchaseRules}). Problems are keyed by the column's header.
 */
@Singleton
class PurchaseFields {
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private final PurchaseRules rules;

    PurchaseFields(PurchaseRules rules) {
        this.rules = rules;
    }

    PurchaseImport.ReadRecord read(String recordId, Map<Column, String> cells, Source source, boolean referenceRequired) {
        RecordProblems problems = new RecordProblems();
        Cells in = new Cells(cells, problems);
        PurchaseInput input = new PurchaseInput();
        input.source = source;
        String buyer = in.get(Column.ACHETEUR);
        if (!buyer.isEmpty() && !buyer.replace(" ", "").matches("\\d{14}")) {
            problems.refuse(Column.ACHETEUR.header(), "L’identifiant de l’acheteur est un SIRET de 14 chiffres.");
        }
        input.buyerKey = buyer.replace(" ", "");
        input.reference = in.get(Column.REFERENCE);
        if (input.reference.isEmpty() && referenceRequired) {
            problems.refuse(Column.REFERENCE.header(), "Indiquez la référence du marché : avec l’acheteur, elle l’identifie d’un import à l’autre.");
        } else if (input.reference.length() > 40) {
            problems.refuse(Column.REFERENCE.header(), "La référence ne doit pas dépasser 40 caractères.");
        }
        input.object = in.get(Column.OBJET);
        if (input.object.isEmpty()) {
            problems.refuse(Column.OBJET.header(), "Indiquez l’objet de l’achat.");
        } else if (input.object.length() > 1000) {
            problems.refuse(Column.OBJET.header(), "L’objet ne doit pas dépasser 1 000 caractères.");
        }
        input.direction = in.get(Column.DIRECTION);
        if (input.direction.length() > 160) {
            problems.refuse(Column.DIRECTION.header(), "La direction ne doit pas dépasser 160 caractères.");
        }
        input.procedure = in.choice(Column.PROCEDURE, Procedure.values(), Procedure::label, null, "Choisissez la procédure de passation.");
        Nature nature = in.choice(Column.NATURE, Nature.values(), Nature::label, Nature.CONTRACT, null);
        input.nature = nature == null ? Nature.CONTRACT : nature;
        input.priceForm = in.choice(Column.FORME_PRIX, PriceForm.values(), PriceForm::label, null, null);
        GroupKind group = in.choice(Column.GROUPEMENT, GroupKind.values(), GroupKind::label, GroupKind.NONE, null);
        input.groupKind = group == null ? GroupKind.NONE : group;
        input.amount = in.amount(Column.MONTANT);
        input.notifiedOn = in.date(Column.DATE);
        input.durationMonths = in.integer(Column.DUREE, 1, 1200);
        String cpv = in.get(Column.CPV);
        if (!cpv.isEmpty() && !PurchaseRules.isCpv(cpv)) {
            problems.refuse(Column.CPV.header(), "Le code CPV s’écrit avec huit chiffres, par exemple 77310000.");
        } else if (!cpv.isEmpty()) {
            input.cpv = cpv;
        }
        Category category = in.choice(Column.CATEGORIE, Category.values(), Category::label, null, null);
        input.category = category != null ? category : input.cpv == null ? null : Category.ofCpv(input.cpv);
        input.holders = in.parties(Column.TITULAIRES);
        if (input.holders.isEmpty() && !problems.refused(Column.TITULAIRES.header())) {
            problems.refuse(Column.TITULAIRES.header(), "Indiquez le SIRET d’au moins un titulaire.");
        }
        input.subcontractors = in.parties(Column.SOUS_TRAITANTS);
        input.subcontractingDeclared = !input.subcontractors.isEmpty();
        if (in.yes(Column.CLAUSE_SOCIALE)) {
            input.social.add(SocialConsideration.CLAUSE);
        }
        if (in.yes(Column.CRITERE_SOCIAL)) {
            input.social.add(SocialConsideration.CRITERION);
        }
        Reservation reservation = in.choice(Column.RESERVE, Reservation.values(), Reservation::label, Reservation.NONE, null);
        input.reservation = reservation == null ? Reservation.NONE : reservation;
        if (input.reservation.reserved()) {
            input.social.add(SocialConsideration.RESERVED);
        }
        if (in.yes(Column.CLAUSE_ENV)) {
            input.environmental.add(EnvironmentalConsideration.CLAUSE);
        }
        if (in.yes(Column.CRITERE_ENV)) {
            input.environmental.add(EnvironmentalConsideration.CRITERION);
        }
        input.themes.addAll(in.themes());
        input.variants = in.yes(Column.VARIANTES);
        input.functionalSpecification = in.yes(Column.SPEC_FONCTIONNELLE);
        input.advance = in.yes(Column.AVANCE);
        input.advanceRate = in.percent(Column.TAUX_AVANCE);
        input.innovative = in.yes(Column.INNOVANT);
        input.labelRequired = in.yes(Column.LABEL);
        input.lifecycleCostCriterion = in.yes(Column.COUT_CYCLE_VIE);
        input.reparabilityCriterion = in.yes(Column.REPARABILITE);
        input.equalityCriterion = in.yes(Column.EGALITE);
        input.equalityPlan = in.yes(Column.PLAN_EGALITE);
        input.citizenParticipation = in.yes(Column.PARTICIPATION);
        input.groupPurchase = in.yes(Column.GROUPEMENT_COMMANDES);
        input.reuseShare = in.percent(Column.REEMPLOI);
        input.insertionHoursPlanned = in.integer(Column.HEURES_PREVUES, 0, 10_000_000);
        input.insertionHoursAchieved = in.integer(Column.HEURES_REALISEES, 0, 10_000_000);
        input.positiveExits = in.integer(Column.SORTIES, 0, 100_000);
        Integer line = in.integer(Column.LIGNE, 1, Integer.MAX_VALUE);
        input.programmingLineId = line == null ? null : line.longValue();
        if (!problems.refused()) {
            input.applyModifications();
        }
        return new PurchaseImport.ReadRecord(recordId, problems.refused() ? null : input, problems);
    }

    private final class Cells {
        private final Map<Column, String> cells;
        private final RecordProblems problems;

        Cells(Map<Column, String> cells, RecordProblems problems) {
            this.cells = cells;
            this.problems = problems;
        }

        String get(Column column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }

        boolean yes(Column column) {
            String value = get(column).toLowerCase(Locale.ROOT);
            switch (value) {
                case "oui", "on", "x", "1", "vrai", "true" -> {
                    return true;
                }
                case "", "non", "0", "faux", "false" -> {
                    return false;
                }
                default -> {
                    problems.refuse(column.header(), "Répondez « oui » ou « non » (« " + get(column) + " »).");
                    return false;
                }
            }
        }

        <E extends Enum<E>> @Nullable E choice(Column column, E[] values, Function<E, String> label, @Nullable E empty,
                                               @Nullable String missing) {
            String typed = get(column);
            if (typed.isEmpty()) {
                if (missing != null) {
                    problems.refuse(column.header(), missing);
                }
                return empty;
            }
            Optional<E> value = PurchaseVocabulary.byLabel(values, label, typed);
            if (value.isEmpty()) {
                problems.refuse(column.header(), "Valeur inconnue « " + typed + " » ; valeurs admises : "
                    + Arrays.stream(values).map(label).collect(Collectors.joining(", ")) + ".");
            }
            return value.orElse(null);
        }

        @Nullable BigDecimal amount(Column column) {
            String typed = get(column).replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("€", "").replace(',', '.');
            if (typed.isEmpty()) {
                problems.refuse(column.header(), "Indiquez le montant notifié en € HT.");
                return null;
            }
            if (!typed.matches("-?\\d{1,17}(\\.\\d+)?")) {
                problems.refuse(column.header(), "Le montant doit être un nombre, par exemple 38 500 ou 12 500,50.");
                return null;
            }
            BigDecimal amount = new BigDecimal(typed);
            Optional<String> problem = rules.amountProblem(amount);
            problem.ifPresent(reason -> problems.refuse(column.header(), reason));
            return problem.isPresent() ? null : amount;
        }

        @Nullable LocalDate date(Column column) {
            String typed = get(column);
            if (typed.isEmpty()) {
                problems.refuse(column.header(), "Indiquez la date de notification.");
                return null;
            }
            LocalDate date;
            try {
                date = typed.contains("/") ? LocalDate.parse(typed, FRENCH_DATE) : LocalDate.parse(typed);
            } catch (DateTimeParseException e) {
                problems.refuse(column.header(), "Date illisible : écrivez-la JJ/MM/AAAA, par exemple 15/05/2026.");
                return null;
            }
            Optional<String> problem = rules.dateProblem(date, "de notification");
            problem.ifPresent(reason -> problems.refuse(column.header(), reason));
            return problem.isPresent() ? null : date;
        }

        @Nullable Integer integer(Column column, int min, int max) {
            String typed = get(column).replace(" ", "").replace("\u00a0", "");
            if (typed.isEmpty()) {
                return null;
            }
            if (!typed.matches("\\d{1,10}") || Long.parseLong(typed) < min || Long.parseLong(typed) > max) {
                problems.refuse(column.header(), "Un nombre entier " + (min > 0 ? "d’au moins " + min : "positif") + " est attendu (« " + get(column) + " »).");
                return null;
            }
            return Integer.parseInt(typed);
        }

        /** A percentage typed as 20 or 20 % or 12,5, stored as a rate between 0 and 1. */
        @Nullable BigDecimal percent(Column column) {
            String typed = get(column).replace("%", "").replace(" ", "").replace("\u00a0", "").replace(',', '.');
            if (typed.isEmpty()) {
                return null;
            }
            if (!typed.matches("\\d{1,3}(\\.\\d{1,2})?") || new BigDecimal(typed).compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.refuse(column.header(), "Un pourcentage entre 0 et 100 est attendu, par exemple 20.");
                return null;
            }
            return new BigDecimal(typed).movePointLeft(2);
        }

        List<EnvironmentalTheme> themes() {
            List<EnvironmentalTheme> themes = new ArrayList<>();
            for (String typed : get(Column.THEMES).split("[;,]")) {
                if (typed.isBlank()) {
                    continue;
                }
                Optional<EnvironmentalTheme> theme = PurchaseVocabulary.byLabel(EnvironmentalTheme.values(), typed);
                if (theme.isEmpty()) {
                    problems.refuse(Column.THEMES.header(), "Thème inconnu « " + typed.strip() + " » ; thèmes admis : "
                        + Arrays.stream(EnvironmentalTheme.values()).map(EnvironmentalTheme::label).collect(Collectors.joining(", ")) + ".");
                } else {
                    themes.add(theme.get());
                }
            }
            return themes;
        }

        List<PurchaseInput.Party> parties(Column column) {
            List<PurchaseInput.Party> parties = new ArrayList<>();
            for (String typed : get(column).split("[;,\\n]")) {
                String value = typed.strip();
                if (value.isEmpty()) {
                    continue;
                }
                int colon = value.indexOf(':');
                if (colon > 0) {
                    Optional<IdentifierType> type = PurchaseVocabulary.byLabel(IdentifierType.values(), value.substring(0, colon));
                    String id = value.substring(colon + 1).strip();
                    if (type.isEmpty() || type.get() == IdentifierType.SIRET || id.isEmpty() || id.length() > 40) {
                        problems.refuse(column.header(), "« " + value + " » : écrivez un SIRET, ou TVA:numéro, HORS-UE:numéro…");
                        continue;
                    }
                    problems.note(column.header(), "Identifié par " + type.get().label() + " (« " + id + " ») : attributs non renseignés (à qualifier).");
                    parties.add(new PurchaseInput.Party(id, type.get(), null));
                    continue;
                }
                Optional<String> problem = PurchaseRules.siretProblem(value);
                if (problem.isPresent()) {
                    problems.refuse(column.header(), "« " + value + " » : " + problem.get());
                } else {
                    String siret = value.replace(" ", "").replace("\u00a0", "");
                    if (parties.stream().noneMatch(party -> party.identifier().equals(siret))) {
                        parties.add(new PurchaseInput.Party(siret, IdentifierType.SIRET, null));
                    }
                }
            }
            return parties;
        }
    }
}
