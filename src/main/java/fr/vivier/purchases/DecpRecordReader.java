package fr.vivier.purchases;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vivier.programming.Vocabulary.Nature;
import fr.vivier.programming.Vocabulary.Procedure;
import fr.vivier.purchases.PurchaseVocabulary.Category;
import fr.vivier.purchases.PurchaseVocabulary.EnvironmentalConsideration;
import fr.vivier.purchases.PurchaseVocabulary.GroupKind;
import fr.vivier.purchases.PurchaseVocabulary.IdentifierType;
import fr.vivier.purchases.PurchaseVocabulary.PriceForm;
import fr.vivier.purchases.PurchaseVocabulary.SocialConsideration;
import fr.vivier.purchases.PurchaseVocabulary.Source;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One DECP contract ({@code marche}) to a purchase input. Real files are messy; each defect is reported at its field,
 * never guessed: an unknown value, a malformed holder or an absurd amount refuses the record; a value written in a
 * tolerated way (« oui » for true, « NC » for an unknown duration, a holder identified by TVA or HORS-UE) is taken as
 * it says and reported as a remark.
 */
@Singleton
class DecpRecordReader {
    private final PurchaseRules rules;

    DecpRecordReader(PurchaseRules rules) {
        this.rules = rules;
    }

    PurchaseImport.ReadRecord read(JsonNode marche, long position) {
        RecordProblems problems = new RecordProblems();
        if (!marche.isObject()) {
            problems.refuse("marche", "Cet élément n’est pas un objet marché.");
            return new PurchaseImport.ReadRecord("marché n°" + position, null, problems);
        }
        Fields fields = new Fields(marche, problems);
        String buyer = fields.text("acheteur.id", marche.path("acheteur").path("id"));
        String id = fields.text("id", marche.path("id"));
        String recordId = (buyer == null ? "?" : buyer) + " / " + (id == null ? "marché n°" + position : id);
        PurchaseInput input = new PurchaseInput();
        input.source = Source.DECP;
        if (buyer == null) {
            problems.refuse("acheteur.id", "Identifiant de l’acheteur absent (SIRET, 14 chiffres).");
        } else if (!buyer.matches("\\d{14}")) {
            problems.refuse("acheteur.id", "L’identifiant de l’acheteur doit être un SIRET de 14 chiffres (« " + buyer + " »).");
        }
        if (id == null) {
            problems.refuse("id", "Identifiant du marché absent.");
        } else if (id.length() > 40) {
            problems.refuse("id", "L’identifiant du marché dépasse 40 caractères.");
        }
        input.buyerKey = buyer == null ? "" : buyer;
        input.reference = id;
        input.object = fields.text("objet", marche.path("objet"));
        if (input.object == null) {
            problems.refuse("objet", "Objet du marché absent.");
        } else if (input.object.length() > 1000) {
            problems.refuse("objet", "L’objet dépasse 1 000 caractères.");
        }
        input.nature = fields.required("nature", Nature.values(), Nature::label);
        input.procedure = fields.required("procedure", Procedure.values(), Procedure::label);
        input.priceForm = fields.optional("formePrix", PriceForm.values(), PriceForm::label);
        GroupKind group = fields.optional("typeGroupementOperateurs", GroupKind.values(), GroupKind::label);
        input.groupKind = group == null ? GroupKind.NONE : group;
        String cpv = fields.text("codeCPV", marche.path("codeCPV"));
        if (cpv == null) {
            problems.refuse("codeCPV", "Code CPV absent.");
        } else if (!PurchaseRules.isCpv(cpv)) {
            problems.refuse("codeCPV", "Code CPV « " + cpv + " » invalide : huit chiffres, suivis ou non d’un tiret et d’un chiffre de contrôle.");
        } else {
            input.cpv = cpv;
            input.category = Category.ofCpv(cpv);
        }
        input.amount = fields.amount("montant", marche.path("montant"), true);
        input.notifiedOn = fields.date("dateNotification", marche.path("dateNotification"), "de notification", true);
        input.durationMonths = fields.duration("dureeMois", marche.path("dureeMois"));
        input.innovative = fields.bool("marcheInnovant");
        input.advance = fields.bool("attributionAvance");
        input.subcontractingDeclared = fields.bool("sousTraitanceDeclaree");
        input.advanceRate = fields.rate("tauxAvance");
        input.offersReceived = fields.count("offresRecues");
        input.social = fields.list("considerationsSociales", "considerationSociale", SocialConsideration.values(),
            SocialConsideration::label, "Pas de considération sociale", SocialConsideration.class);
        input.environmental = fields.list("considerationsEnvironnementales", "considerationEnvironnementale",
            EnvironmentalConsideration.values(), EnvironmentalConsideration::label, "Pas de considération environnementale",
            EnvironmentalConsideration.class);
        JsonNode place = marche.path("lieuExecution");
        input.placeCode = truncatedOrRefused(fields.text("lieuExecution.code", place.path("code")), 10, "lieuExecution.code", problems);
        input.placeType = truncatedOrRefused(fields.text("lieuExecution.typeCode", place.path("typeCode")), 24, "lieuExecution.typeCode", problems);
        input.holders = fields.parties("titulaires", marche.path("titulaires"), "titulaire");
        if (input.holders.isEmpty() && !problems.refused("titulaires")) {
            problems.refuse("titulaires", "Aucun titulaire : un marché en a au moins un.");
        }
        input.subcontractors = subcontractors(marche.path("actesSousTraitance"), fields);
        input.modifications = modifications(marche.path("modifications"), fields);
        if (!problems.refused()) {
            input.applyModifications();
            rules.amountProblem(input.amount).ifPresent(problem -> problems.refuse("montant", "Après modification : " + problem));
        }
        return new PurchaseImport.ReadRecord(recordId, problems.refused() ? null : input, problems);
    }

    private List<PurchaseInput.Party> subcontractors(JsonNode acts, Fields fields) {
        List<PurchaseInput.Party> parties = new ArrayList<>();
        if (acts.isMissingNode() || acts.isNull()) {
            return parties;
        }
        if (!acts.isArray()) {
            fields.problems.refuse("actesSousTraitance", "Les actes de sous-traitance doivent être une liste.");
            return parties;
        }
        for (int i = 0; i < acts.size(); i++) {
            String path = "actesSousTraitance[" + (i + 1) + "]";
            JsonNode act = acts.get(i).has("acteSousTraitance") ? acts.get(i).path("acteSousTraitance") : acts.get(i);
            BigDecimal amount = act.has("montant") ? fields.amount(path + ".montant", act.path("montant"), false) : null;
            fields.party(path + ".sousTraitant", act.path("sousTraitant"), amount).ifPresent(parties::add);
        }
        return parties;
    }

    private List<PurchaseInput.Modification> modifications(JsonNode list, Fields fields) {
        List<PurchaseInput.Modification> modifications = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return modifications;
        }
        if (!list.isArray()) {
            fields.problems.refuse("modifications", "Les modifications doivent être une liste.");
            return modifications;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = "modifications[" + (i + 1) + "]";
            JsonNode modification = list.get(i).has("modification") ? list.get(i).path("modification") : list.get(i);
            LocalDate date = fields.date(path + ".dateNotificationModification", modification.path("dateNotificationModification"),
                "de notification de la modification", true);
            BigDecimal amount = modification.has("montant") ? fields.amount(path + ".montant", modification.path("montant"), true) : null;
            Integer duration = modification.has("dureeMois") ? fields.duration(path + ".dureeMois", modification.path("dureeMois")) : null;
            List<PurchaseInput.Party> holders = modification.has("titulaires")
                ? fields.parties(path + ".titulaires", modification.path("titulaires"), "titulaire") : List.of();
            int number = modification.path("id").canConvertToInt() ? modification.path("id").asInt() : i + 1;
            if (date != null) {
                modifications.add(new PurchaseInput.Modification(number, date, amount, duration, holders));
            }
        }
        return modifications;
    }

    private static @Nullable String truncatedOrRefused(@Nullable String value, int max, String field, RecordProblems problems) {
        if (value != null && value.length() > max) {
            problems.refuse(field, "La valeur « " + value + " » dépasse " + max + " caractères.");
            return null;
        }
        return value;
    }

    /** The reading of one record's fields, each problem reported at its path. */
    private final class Fields {
        private final JsonNode marche;
        private final RecordProblems problems;

        Fields(JsonNode marche, RecordProblems problems) {
            this.marche = marche;
            this.problems = problems;
        }

        @Nullable String text(String path, JsonNode node) {
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (node.isContainerNode()) {
                problems.refuse(path, "Une valeur simple est attendue, pas une liste ni un objet.");
                return null;
            }
            String text = node.asText().strip();
            return text.isEmpty() ? null : text;
        }

        <E extends Enum<E>> @Nullable E required(String field, E[] values, Function<E, String> label) {
            String typed = text(field, marche.path(field));
            if (typed == null) {
                problems.refuse(field, "Valeur absente ; valeurs admises : " + allowed(values, label) + ".");
                return null;
            }
            return known(field, typed, values, label);
        }

        <E extends Enum<E>> @Nullable E optional(String field, E[] values, Function<E, String> label) {
            String typed = text(field, marche.path(field));
            return typed == null ? null : known(field, typed, values, label);
        }

        private <E extends Enum<E>> @Nullable E known(String field, String typed, E[] values, Function<E, String> label) {
            Optional<E> value = PurchaseVocabulary.byLabel(values, label, typed);
            if (value.isEmpty()) {
                problems.refuse(field, "Valeur inconnue « " + typed + " » ; valeurs admises : " + allowed(values, label) + ".");
            }
            return value.orElse(null);
        }

        @Nullable BigDecimal amount(String path, JsonNode node, boolean required) {
            BigDecimal amount;
            if (node.isNumber()) {
                amount = node.decimalValue();
            } else if (node.isTextual() && node.asText().strip().matches("-?\\d+([.,]\\d+)?")) {
                amount = new BigDecimal(node.asText().strip().replace(',', '.'));
                problems.note(path, "Montant écrit comme du texte (« " + node.asText() + " ») : lu comme " + amount.toPlainString() + " €.");
            } else if (node.isMissingNode() || node.isNull()) {
                if (required) {
                    problems.refuse(path, "Montant HT absent.");
                }
                return null;
            } else {
                problems.refuse(path, "Le montant « " + node.asText() + " » n’est pas un nombre.");
                return null;
            }
            Optional<String> problem = rules.amountProblem(amount);
            problem.ifPresent(reason -> problems.refuse(path, reason));
            return problem.isPresent() ? null : amount;
        }

        @Nullable LocalDate date(String path, JsonNode node, String what, boolean required) {
            String typed = text(path, node);
            if (typed == null) {
                if (required) {
                    problems.refuse(path, "Date " + what + " absente (AAAA-MM-JJ).");
                }
                return null;
            }
            try {
                LocalDate date = LocalDate.parse(typed);
                Optional<String> problem = rules.dateProblem(date, what);
                problem.ifPresent(reason -> problems.refuse(path, reason));
                return problem.isPresent() ? null : date;
            } catch (DateTimeParseException e) {
                problems.refuse(path, "Date « " + typed + " » illisible : elle s’écrit AAAA-MM-JJ, par exemple 2024-05-15.");
                return null;
            }
        }

        @Nullable Integer duration(String path, JsonNode node) {
            if (node.isMissingNode() || node.isNull()) {
                problems.note(path, "Durée absente : enregistrée comme non renseignée.");
                return null;
            }
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                if (node.asInt() < 1) {
                    problems.refuse(path, "La durée doit être d’au moins un mois (« " + node.asText() + " »).");
                    return null;
                }
                return node.asInt();
            }
            String typed = node.asText().strip();
            if (typed.equalsIgnoreCase("NC") || typed.equalsIgnoreCase("non communiqué") || typed.equalsIgnoreCase("non communiquée")) {
                problems.note(path, "Durée « " + typed + " » (non communiquée) : enregistrée comme non renseignée.");
                return null;
            }
            if (node.isTextual() && typed.matches("\\d{1,4}") && Integer.parseInt(typed) >= 1) {
                problems.note(path, "Durée écrite comme du texte (« " + typed + " ») : lue comme " + typed + " mois.");
                return Integer.parseInt(typed);
            }
            problems.refuse(path, "Durée « " + typed + " » illisible : un nombre entier de mois est attendu.");
            return null;
        }

        boolean bool(String field) {
            JsonNode node = marche.path(field);
            if (node.isMissingNode() || node.isNull()) {
                return false;
            }
            if (node.isBoolean()) {
                return node.asBoolean();
            }
            String typed = node.asText().strip().toLowerCase(Locale.ROOT);
            Boolean value = switch (typed) {
                case "oui", "true", "vrai", "1" -> true;
                case "non", "false", "faux", "0" -> false;
                default -> null;
            };
            if (value == null) {
                problems.refuse(field, "Valeur « " + node.asText() + " » illisible : true ou false est attendu.");
                return false;
            }
            problems.note(field, "Booléen écrit « " + node.asText() + " » au lieu de " + value + " : lu comme " + (value ? "vrai." : "faux."));
            return value;
        }

        @Nullable BigDecimal rate(String field) {
            JsonNode node = marche.path(field);
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (!node.isNumber() || node.decimalValue().signum() < 0 || node.decimalValue().compareTo(BigDecimal.ONE) > 0) {
                problems.refuse(field, "Taux « " + node.asText() + " » invalide : il s’écrit entre 0 et 1 (0.1 = 10 %).");
                return null;
            }
            return node.decimalValue().setScale(Math.min(4, Math.max(0, node.decimalValue().scale())), java.math.RoundingMode.HALF_UP);
        }

        @Nullable Integer count(String field) {
            JsonNode node = marche.path(field);
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0) {
                problems.refuse(field, "« " + node.asText() + " » : un nombre entier positif est attendu.");
                return null;
            }
            return node.asInt();
        }

        <E extends Enum<E>> java.util.Set<E> list(String field, String inner, E[] values, Function<E, String> label, String none,
                                                   Class<E> type) {
            java.util.Set<E> found = java.util.EnumSet.noneOf(type);
            JsonNode node = marche.path(field);
            if (node.isObject()) {
                node = node.path(inner);
            }
            if (node.isMissingNode() || node.isNull()) {
                return found;
            }
            List<JsonNode> items = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(items::add);
            } else {
                items.add(node);
            }
            for (JsonNode item : items) {
                String typed = item.asText().strip();
                if (PurchaseVocabulary.normalise(typed).equals(PurchaseVocabulary.normalise(none))) {
                    continue;
                }
                Optional<E> value = PurchaseVocabulary.byLabel(values, label, typed);
                if (value.isEmpty()) {
                    problems.refuse(field, "Valeur inconnue « " + typed + " » ; valeurs admises : " + allowed(values, label) + ", " + none + ".");
                } else {
                    found.add(value.get());
                }
            }
            return found;
        }

        List<PurchaseInput.Party> parties(String path, JsonNode list, String wrapper) {
            List<PurchaseInput.Party> parties = new ArrayList<>();
            if (list.isMissingNode() || list.isNull()) {
                return parties;
            }
            if (!list.isArray()) {
                problems.refuse(path, "Une liste de titulaires est attendue.");
                return parties;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i).has(wrapper) ? list.get(i).path(wrapper) : list.get(i);
                party(path + "[" + (i + 1) + "]", item, null).ifPresent(parties::add);
            }
            return parties;
        }

        Optional<PurchaseInput.Party> party(String path, JsonNode node, @Nullable BigDecimal amount) {
            if (!node.isObject()) {
                problems.refuse(path, "Titulaire illisible : un objet {\"id\", \"typeIdentifiant\"} est attendu.");
                return Optional.empty();
            }
            String id = text(path + ".id", node.path("id"));
            String typed = text(path + ".typeIdentifiant", node.path("typeIdentifiant"));
            if (id == null) {
                problems.refuse(path + ".id", "Identifiant absent.");
                return Optional.empty();
            }
            if (typed == null) {
                problems.refuse(path + ".typeIdentifiant", "Type d’identifiant absent ; valeurs admises : "
                    + allowed(IdentifierType.values(), IdentifierType::label) + ".");
                return Optional.empty();
            }
            Optional<IdentifierType> type = PurchaseVocabulary.byLabel(IdentifierType.values(), typed);
            if (type.isEmpty()) {
                problems.refuse(path + ".typeIdentifiant", "Type d’identifiant inconnu « " + typed + " » ; valeurs admises : "
                    + allowed(IdentifierType.values(), IdentifierType::label) + ".");
                return Optional.empty();
            }
            if (type.get() == IdentifierType.SIRET) {
                Optional<String> problem = PurchaseRules.siretProblem(id);
                if (problem.isPresent()) {
                    problems.refuse(path + ".id", "« " + id + " » : " + problem.get());
                    return Optional.empty();
                }
                return Optional.of(new PurchaseInput.Party(id.replace(" ", ""), type.get(), amount));
            }
            if (id.length() > 40) {
                problems.refuse(path + ".id", "Identifiant de plus de 40 caractères.");
                return Optional.empty();
            }
            problems.note(path, "Identifié par " + type.get().label() + " (« " + id + " ») : pas de correspondance possible dans l’annuaire, "
                + "attributs non renseignés (à qualifier).");
            return Optional.of(new PurchaseInput.Party(id, type.get(), amount));
        }
    }

    private static <E extends Enum<E>> String allowed(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(label).map(text -> "« " + text + " »").collect(Collectors.joining(", "));
    }
}
