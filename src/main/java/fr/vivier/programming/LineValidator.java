package fr.vivier.programming;

import fr.vivier.reference.CpvCodes;
import fr.vivier.reference.ReferenceData;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a typed line against the reference data and the rules of the field; one French message per field in error. */
@Singleton
class LineValidator {
    private static final Pattern YEAR = Pattern.compile("20\\d\\d");
    private static final Pattern CPV = Pattern.compile("\\d{8}(-\\d)?");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}([.,]\\d{1,2})?");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** Control characters other than line breaks and tabs are refused in free text. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

    private final ReferenceData territories;
    private final CpvCodes cpvCodes;

    LineValidator(ReferenceData territories, CpvCodes cpvCodes) {
        this.territories = territories;
        this.cpvCodes = cpvCodes;
    }

    sealed interface Result {
        record Valid(LineInput input) implements Result { }

        record Invalid(Map<String, String> errors) implements Result { }
    }

    /** @param direction the direction the line belongs to (a buyer's own, or what staff typed) */
    Result validate(LineForm form, String direction) {
        Map<String, String> errors = new LinkedHashMap<>();
        int year = 0;
        if (form.year() == null || !YEAR.matcher(form.year().strip()).matches()) {
            errors.put("year", "L’année s’écrit avec quatre chiffres, par exemple 2027.");
        } else {
            year = Integer.parseInt(form.year().strip());
        }
        String reference = text(form.reference());
        if (!REFERENCE.matcher(reference).matches()) {
            errors.put("reference", "La référence ne contient que des lettres sans accent, des chiffres et les signes . _ - (elle sert dans l’adresse de la page publique).");
        }
        String object = text(form.object());
        String description = text(form.description());
        checkControl(errors, "object", object, "L’objet");
        checkControl(errors, "description", description, "La description");
        String typedDirection = text(direction);
        if (typedDirection.isEmpty()) {
            errors.put("direction", "Indiquez la direction qui porte l’achat.");
        }
        List<String> sectors = distinct(form.sectors());
        if (sectors.isEmpty()) {
            errors.put("sectors", "Choisissez au moins un secteur d’activité.");
        } else if (sectors.stream().anyMatch(code -> !territories.sectorExists(code))) {
            errors.put("sectors", "Choisissez les secteurs dans la liste : un code de secteur est inconnu.");
        }
        List<String> cpv = distinct(split(form.cpvCodes()));
        cpv.stream().filter(code -> !CPV.matcher(code).matches()).findFirst().ifPresent(code -> errors.put("cpvCodes",
            "Code CPV invalide : « " + code + " ». Un code CPV a huit chiffres, par exemple 77310000 ou 77310000-6."));
        cpv.stream().filter(code -> CPV.matcher(code).matches() && !cpvCodes.exists(code)).findFirst().ifPresent(code -> errors.putIfAbsent(
            "cpvCodes", "Code CPV inconnu : « " + code + " » ne figure pas dans le vocabulaire commun des marchés publics (CPV 2008). "
                + "Vérifiez-le, par exemple 77310000 pour l’entretien des espaces verts."));
        BigDecimal amount = amount(form.estimatedAmount(), "estimatedAmount", errors);
        int quarter = 0;
        Integer month = null;
        String typedMonth = text(form.expectedMonth());
        String typedQuarter = text(form.expectedQuarter());
        if (!typedMonth.isEmpty()) {
            month = number(typedMonth, 1, 12);
            if (month == null) {
                errors.put("expectedMonth", "Choisissez un mois de lancement dans la liste.");
            } else {
                quarter = (month - 1) / 3 + 1;
                if (!typedQuarter.isEmpty() && !typedQuarter.equals(String.valueOf(quarter))) {
                    errors.put("expectedQuarter", "Le mois choisi est au trimestre " + quarter + " : corrigez le trimestre ou le mois.");
                }
            }
        } else {
            Integer parsed = number(typedQuarter, 1, 4);
            if (parsed == null) {
                errors.put("expectedQuarter", "Choisissez le trimestre de lancement prévu (ou un mois).");
            } else {
                quarter = parsed;
            }
        }
        Vocabulary.Procedure procedure = choice(Vocabulary.Procedure.class, form.procedure(), "procedure",
            "Choisissez la procédure envisagée dans la liste.", errors);
        Vocabulary.Nature nature = choice(Vocabulary.Nature.class, form.nature(), "nature",
            "Choisissez la nature du marché dans la liste.", errors);
        Vocabulary.Reservation reservation = text(form.reservation()).isEmpty() ? Vocabulary.Reservation.NONE
            : choice(Vocabulary.Reservation.class, form.reservation(), "reservation", "Choisissez la réservation dans la liste.", errors);
        List<Place> places = new ArrayList<>();
        for (String code : distinct(split(form.places()))) {
            Place.parse(code, territories).ifPresentOrElse(places::add, () -> errors.putIfAbsent("places",
                "Lieu d’exécution inconnu : « " + code + " ». Indiquez des codes INSEE de commune (93010), des SIREN d’EPCI ou d’EPT "
                    + "(200057875) ou des numéros de département (93)."));
        }
        if (places.isEmpty() && !errors.containsKey("places")) {
            errors.put("places", "Indiquez au moins un lieu d’exécution.");
        }
        String themes = text(form.environmentalThemes());
        String contact = text(form.contact());
        checkControl(errors, "environmentalThemes", themes, "Les thèmes environnementaux");
        checkControl(errors, "contact", contact, "Le contact");
        List<LineInput.LotInput> lots = lots(form, errors);
        // the form's constraints say the same; the census import reaches here without them
        tooLong(errors, "reference", reference, 40, "La référence ne doit pas dépasser 40 caractères.");
        tooLong(errors, "object", object, 300, "L’objet ne doit pas dépasser 300 caractères.");
        if (object.isEmpty()) {
            errors.putIfAbsent("object", "Indiquez l’objet de l’achat.");
        }
        tooLong(errors, "description", description, 5000, "La description ne doit pas dépasser 5 000 caractères.");
        tooLong(errors, "direction", typedDirection, 160, "La direction ne doit pas dépasser 160 caractères.");
        tooLong(errors, "environmentalThemes", themes, 300, "Les thèmes environnementaux ne doivent pas dépasser 300 caractères.");
        tooLong(errors, "contact", contact, 200, "Le contact ne doit pas dépasser 200 caractères.");
        if (!errors.isEmpty()) {
            return new Result.Invalid(errors);
        }
        return new Result.Valid(new LineInput(year, reference, object, description, typedDirection, sectors, cpv, amount, quarter,
            month, procedure, nature, places, LineForm.checked(form.socialClause()), LineForm.checked(form.socialCriterion()),
            reservation, LineForm.checked(form.environmentalClause()), LineForm.checked(form.environmentalCriterion()), themes,
            LineForm.checked(form.variants()), LineForm.checked(form.innovative()), contact, lots));
    }

    /** Lot rows with an object; a row with only a sector or an amount is an error at its object. */
    private List<LineInput.LotInput> lots(LineForm form, Map<String, String> errors) {
        List<LineInput.LotInput> lots = new ArrayList<>();
        int rows = Math.max(size(form.lotObject()), Math.max(size(form.lotSector()), size(form.lotAmount())));
        if (rows > LineForm.LOT_ROWS) {
            errors.put("lotObject", "Une ligne compte au plus " + LineForm.LOT_ROWS + " lots.");
        }
        for (int i = 0; i < rows; i++) {
            String object = text(LineForm.row(form.lotObject(), i));
            Map<String, String> problems = lotProblems(object, LineForm.row(form.lotSector(), i), LineForm.row(form.lotAmount(), i));
            int number = i + 1;
            problems.forEach((field, message) -> errors.putIfAbsent(field, "Lot " + number + " : " + message));
            if (!object.isEmpty() && problems.isEmpty()) {
                lots.add(lot(object, LineForm.row(form.lotSector(), i), LineForm.row(form.lotAmount(), i)));
            }
        }
        return lots;
    }

    /** What is wrong with one lot (field → French message), empty when it is right or wholly blank. */
    Map<String, String> lotProblems(String typedObject, String typedSector, String typedAmount) {
        Map<String, String> problems = new LinkedHashMap<>();
        String object = text(typedObject);
        String sector = text(typedSector);
        String amount = text(typedAmount);
        if (object.isEmpty()) {
            if (!sector.isEmpty() || !amount.isEmpty()) {
                problems.put("lotObject", "indiquez l’objet du lot.");
            }
            return problems;
        }
        checkControl(problems, "lotObject", object, "l’objet du lot");
        tooLong(problems, "lotObject", object, 300, "l’objet du lot ne doit pas dépasser 300 caractères.");
        if (!sector.isEmpty() && !territories.sectorExists(sector)) {
            problems.put("lotSector", "choisissez le secteur dans la liste.");
        }
        if (!amount.isEmpty()) {
            amount(amount, "lotAmount", problems);
        }
        return problems;
    }

    private static LineInput.LotInput lot(String object, String typedSector, String typedAmount) {
        String sector = text(typedSector);
        BigDecimal amount = text(typedAmount).isEmpty() ? null : amount(typedAmount, "lotAmount", new LinkedHashMap<>());
        return new LineInput.LotInput(object, sector.isEmpty() ? List.of() : List.of(sector), amount);
    }

    /** « 45 000 », « 12 500,50 », « 1250.5 » → exact € HT; negative or not a number is refused. */
    static @Nullable BigDecimal amount(@Nullable String typed, String field, Map<String, String> errors) {
        String compact = text(typed).replaceAll("[\\s\\u00a0\\u202f]", "").replace("€", "").replaceAll("(?i)HT$", "");
        if (compact.startsWith("-")) {
            errors.putIfAbsent(field, "Le montant ne peut pas être négatif.");
            return null;
        }
        if (!AMOUNT.matcher(compact).matches()) {
            errors.putIfAbsent(field, "Le montant doit être un nombre en € HT, par exemple 45 000 ou 12 500,50.");
            return null;
        }
        return new BigDecimal(compact.replace(',', '.')).setScale(2);
    }

    private static void tooLong(Map<String, String> errors, String field, String value, int max, String message) {
        if (value.length() > max) {
            errors.put(field, message);
        }
    }

    private static void checkControl(Map<String, String> errors, String field, String value, String what) {
        if (CONTROL.matcher(value).find()) {
            errors.putIfAbsent(field, what + " contient des caractères non autorisés.");
        }
    }

    private static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String typed, String field, String message,
                                                         Map<String, String> errors) {
        try {
            return Enum.valueOf(type, text(typed));
        } catch (IllegalArgumentException e) {
            errors.put(field, message);
            return null;
        }
    }

    private static @Nullable Integer number(String typed, int min, int max) {
        try {
            int value = Integer.parseInt(typed);
            return value >= min && value <= max ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> split(@Nullable String typed) {
        return text(typed).isEmpty() ? List.of() : List.of(text(typed).split("[\\s,;]+"));
    }

    private static List<String> distinct(@Nullable List<String> values) {
        Set<String> seen = new LinkedHashSet<>();
        if (values != null) {
            values.stream().map(LineValidator::text).filter(v -> !v.isEmpty()).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    private static int size(@Nullable List<String> values) {
        return values == null ? 0 : values.size();
    }

    static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
