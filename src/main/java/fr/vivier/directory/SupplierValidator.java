package fr.vivier.directory;

import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;
import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every rule of a supplier profile, with a French message per field (keys are the JSON paths of the API:
 * {@code siret}, {@code contact.email}, {@code labels[1].expiresOn}…). Nothing is stored on error.
 */
@Singleton
public class SupplierValidator {
    public static final int MAX_SECTORS = 20;
    public static final int MAX_LABELS = 20;
    public static final int MAX_AREAS = 50;
    public static final int MAX_OFFERS = 20;
    public static final int MAX_REFERENCES = 10;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^[0-9 +().-]{6,30}$");
    private static final Pattern FORBIDDEN_INLINE = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");
    private static final Pattern FORBIDDEN_MULTILINE = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

    private final ReferenceData reference;
    private final Clock clock;

    SupplierValidator(ReferenceData reference, Clock clock) {
        this.reference = reference;
        this.clock = clock;
    }

    public sealed interface Result {
        record Valid(SupplierProfile profile) implements Result { }
        record Invalid(Map<String, String> errors) implements Result { }
    }

    public Result validate(SupplierInput input) {
        Errors errors = new Errors();
        String siretProblem = Siret.problemWith(input.siret()).orElse(null);
        errors.add("siret", siretProblem);
        String name = text(errors, "name", input.name(), 200, true, "la raison sociale");
        String tradeName = text(errors, "tradeName", input.tradeName(), 200, false, "le nom commercial");
        LegalForm legalForm = choice(errors, "legalForm", input.legalForm(), LegalForm.class, "la forme juridique");
        CompanySize size = choice(errors, "size", input.size(), CompanySize.class, "la taille de la structure");
        StructureKind kind = choice(errors, "kind", input.kind(), StructureKind.class, "le type de structure");
        String communeCode = commune(errors, input.communeCode());
        List<SupplierProfile.Area> areas = areas(errors, input.interventionArea());
        List<String> sectors = sectors(errors, input.sectors());
        List<SupplierProfile.Label> labels = labels(errors, input.labels());
        String description = multiline(errors, "description", input.description(), 4000, "La description");
        List<String> offers = offers(errors, input.offers());
        List<SupplierProfile.ClientReference> references = references(errors, input.references());
        String website = website(errors, input.website());
        SupplierProfile.Contact contact = contact(errors, input.contact());
        SupplierProfile.Recontact recontact = recontact(errors, input.recontactRequest());
        if (!errors.isEmpty()) {
            return new Result.Invalid(errors.messages);
        }
        Set<ConsentKind> consents = EnumSet.noneOf(ConsentKind.class);
        SupplierInput.ConsentsInput given = input.consents();
        if (given != null && given.publishContact()) consents.add(ConsentKind.PUBLISH_CONTACT);
        if (given != null && given.recontact()) consents.add(ConsentKind.RECONTACT);
        if (given != null && given.alerts()) consents.add(ConsentKind.ALERTS);
        return new Result.Valid(new SupplierProfile(Siret.parse(input.siret()).orElseThrow(), name, tradeName, legalForm, size,
            kind, communeCode, areas, sectors, labels, description, offers, references, website, contact, consents, recontact));
    }

    private static final class Errors {
        final Map<String, String> messages = new LinkedHashMap<>();

        void add(String field, @Nullable String message) {
            if (message != null) {
                messages.putIfAbsent(field, message);
            }
        }

        boolean isEmpty() {
            return messages.isEmpty();
        }
    }

    private static @Nullable String text(Errors errors, String field, @Nullable String value, int max, boolean required, String what) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            errors.add(field, required ? "Saisissez " + what + "." : null);
            return null;
        }
        if (stripped.length() > max) {
            errors.add(field, "Ce champ ne doit pas dépasser " + max + " caractères (" + stripped.length() + " saisis).");
        } else if (FORBIDDEN_INLINE.matcher(stripped).find() || !isWellFormed(stripped)) {
            errors.add(field, "Ce champ contient des caractères non autorisés (caractères de contrôle).");
        }
        return stripped;
    }

    private static String multiline(Errors errors, String field, @Nullable String value, int max, String what) {
        String stripped = value == null ? "" : value.strip().replace("\r\n", "\n");
        if (stripped.length() > max) {
            errors.add(field, what + " ne doit pas dépasser " + max + " caractères (" + stripped.length() + " saisis).");
        } else if (FORBIDDEN_MULTILINE.matcher(stripped).find() || !isWellFormed(stripped)) {
            errors.add(field, what + " contient des caractères non autorisés (caractères de contrôle).");
        }
        return stripped;
    }

    private static <E extends Enum<E>> @Nullable E choice(Errors errors, String field, @Nullable String value, Class<E> type, String what) {
        if (value == null || value.isBlank()) {
            errors.add(field, "Choisissez " + what + ".");
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field, "Choisissez " + what + " dans la liste proposée.");
            return null;
        }
    }

    private @Nullable String commune(Errors errors, @Nullable String code) {
        if (code == null || code.isBlank()) {
            errors.add("communeCode", "Indiquez la commune de l’établissement.");
            return null;
        }
        if (reference.commune(code.strip()).isEmpty()) {
            errors.add("communeCode", "Commune inconnue : choisissez-la par son nom ou son code postal.");
            return null;
        }
        return code.strip();
    }

    private List<SupplierProfile.Area> areas(Errors errors, @Nullable List<SupplierInput.AreaInput> input) {
        List<SupplierInput.AreaInput> given = input == null ? List.of() : input;
        if (given.isEmpty()) {
            errors.add("interventionArea", "Indiquez au moins une zone d’intervention.");
            return List.of();
        }
        if (given.size() > MAX_AREAS) {
            errors.add("interventionArea", "Indiquez au plus " + MAX_AREAS + " zones d’intervention.");
            return List.of();
        }
        Set<SupplierProfile.Area> areas = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            SupplierInput.AreaInput area = given.get(i);
            String field = "interventionArea[" + i + "]";
            AreaType type;
            try {
                type = AreaType.valueOf(String.valueOf(area.type()).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(field, "Type de zone inconnu : COMMUNE, EPCI, DEPARTEMENT, REGION ou NATIONAL.");
                continue;
            }
            String code = area.code() == null ? "" : area.code().strip().toUpperCase(Locale.ROOT);
            boolean known = switch (type) {
                case COMMUNE -> reference.commune(code).isPresent();
                case EPCI -> reference.epciExists(code);
                case DEPARTEMENT -> reference.departementExists(code);
                case REGION -> reference.regionExists(code);
                case NATIONAL -> true;
            };
            if (!known) {
                errors.add(field, type.label() + " inconnu(e) : « " + abbreviate(code) + " ».");
                continue;
            }
            areas.add(new SupplierProfile.Area(type, type == AreaType.NATIONAL ? "FR" : code));
        }
        return List.copyOf(areas);
    }

    private List<String> sectors(Errors errors, @Nullable List<String> input) {
        Set<String> sectors = new LinkedHashSet<>();
        for (String code : input == null ? List.<String>of() : input) {
            if (code == null || code.isBlank()) {
                continue;
            }
            if (!reference.sectorExists(code.strip())) {
                errors.add("sectors", "Secteur inconnu : « " + abbreviate(code) + " ».");
                return List.of();
            }
            sectors.add(code.strip());
        }
        if (sectors.isEmpty()) {
            errors.add("sectors", "Choisissez au moins un secteur d’activité.");
        } else if (sectors.size() > MAX_SECTORS) {
            errors.add("sectors", "Choisissez au plus " + MAX_SECTORS + " secteurs d’activité.");
        }
        return List.copyOf(sectors);
    }

    private List<SupplierProfile.Label> labels(Errors errors, @Nullable List<SupplierInput.LabelInput> input) {
        List<SupplierProfile.Label> labels = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<SupplierInput.LabelInput> given = input == null ? List.of() : input;
        if (given.size() > MAX_LABELS) {
            errors.add("labels", "Indiquez au plus " + MAX_LABELS + " labels.");
            return List.of();
        }
        LocalDate today = FrenchFormat.today(clock);
        for (int i = 0; i < given.size(); i++) {
            SupplierInput.LabelInput label = given.get(i);
            String prefix = "labels[" + i + "]";
            String code = label.code() == null ? "" : label.code().strip();
            boolean empty = code.isEmpty() && isBlank(label.proof()) && isBlank(label.expiresOn());
            if (empty) {
                continue;
            }
            if (!reference.labelExists(code)) {
                errors.add(prefix + ".code", code.isEmpty() ? "Choisissez le label." : "Label inconnu : « " + abbreviate(code) + " ».");
                continue;
            }
            if (!seen.add(code)) {
                errors.add(prefix + ".code", "Ce label est déjà indiqué.");
                continue;
            }
            String proof = text(errors, prefix + ".proof", label.proof(), 300, false, "la preuve (numéro ou adresse web)");
            LocalDate expiresOn = null;
            if (!isBlank(label.expiresOn())) {
                try {
                    expiresOn = LocalDate.parse(label.expiresOn().strip());
                    if (expiresOn.isBefore(today)) {
                        errors.add(prefix + ".expiresOn", "La date d’expiration est déjà passée : indiquez la date de validité en cours.");
                    }
                } catch (DateTimeParseException e) {
                    errors.add(prefix + ".expiresOn", "Date d’expiration invalide : format attendu AAAA-MM-JJ.");
                }
            }
            labels.add(new SupplierProfile.Label(code, proof, expiresOn));
        }
        return labels;
    }

    private static List<String> offers(Errors errors, @Nullable List<String> input) {
        List<String> offers = new ArrayList<>();
        for (String offer : input == null ? List.<String>of() : input) {
            if (offer == null || offer.isBlank()) {
                continue;
            }
            String value = offer.strip();
            if (value.length() > 200) {
                errors.add("offers", "Chaque offre tient en 200 caractères au plus (une par ligne).");
            } else if (FORBIDDEN_INLINE.matcher(value).find() || !isWellFormed(value)) {
                errors.add("offers", "Les offres contiennent des caractères non autorisés.");
            }
            offers.add(value);
        }
        if (offers.size() > MAX_OFFERS) {
            errors.add("offers", "Indiquez au plus " + MAX_OFFERS + " offres.");
        }
        return offers;
    }

    private List<SupplierProfile.ClientReference> references(Errors errors, @Nullable List<SupplierInput.ReferenceInput> input) {
        List<SupplierProfile.ClientReference> references = new ArrayList<>();
        List<SupplierInput.ReferenceInput> given = input == null ? List.of() : input;
        int currentYear = FrenchFormat.today(clock).getYear();
        for (int i = 0; i < given.size(); i++) {
            SupplierInput.ReferenceInput reference = given.get(i);
            if (isBlank(reference.client()) && isBlank(reference.year()) && isBlank(reference.object())) {
                continue;
            }
            String prefix = "references[" + i + "]";
            String client = text(errors, prefix + ".client", reference.client(), 200, true, "le client");
            String object = text(errors, prefix + ".object", reference.object(), 300, true, "l’objet de la prestation");
            Integer year = null;
            if (!isBlank(reference.year())) {
                try {
                    year = Integer.parseInt(reference.year().strip());
                    if (year < 1950 || year > currentYear) {
                        errors.add(prefix + ".year", "Année invalide : entre 1950 et " + currentYear + ".");
                    }
                } catch (NumberFormatException e) {
                    errors.add(prefix + ".year", "Année invalide : 4 chiffres, par exemple 2024.");
                }
            }
            references.add(new SupplierProfile.ClientReference(client, year, object));
        }
        if (references.size() > MAX_REFERENCES) {
            errors.add("references", "Indiquez au plus " + MAX_REFERENCES + " références.");
        }
        return references;
    }

    private static @Nullable String website(Errors errors, @Nullable String input) {
        String value = text(errors, "website", input, 300, false, "l’adresse du site web");
        if (value == null) {
            return null;
        }
        String url = value.matches("(?i)^https?://.*") ? value : "https://" + value;
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !uri.getHost().contains(".")) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            errors.add("website", "Adresse de site web invalide, par exemple https://www.ma-structure.fr.");
        }
        return url;
    }

    private static SupplierProfile.@Nullable Contact contact(Errors errors, @Nullable SupplierInput.ContactInput input) {
        SupplierInput.ContactInput contact = input == null ? new SupplierInput.ContactInput(null, null, null, null) : input;
        String name = text(errors, "contact.name", contact.name(), 120, true, "le nom de la personne à contacter");
        String role = text(errors, "contact.role", contact.role(), 120, false, "la fonction");
        String email = text(errors, "contact.email", contact.email(), 254, true, "l’adresse électronique");
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add("contact.email", "Adresse électronique invalide, par exemple prenom.nom@structure.fr.");
        }
        String phone = text(errors, "contact.phone", contact.phone(), 30, false, "le téléphone");
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add("contact.phone", "Numéro de téléphone invalide, par exemple 01 23 45 67 89.");
        }
        return name == null || email == null ? null
            : new SupplierProfile.Contact(name, role, email.toLowerCase(Locale.ROOT), phone);
    }

    private static SupplierProfile.@Nullable Recontact recontact(Errors errors, @Nullable SupplierInput.RecontactInput input) {
        if (input == null || (isBlank(input.topic()) && isBlank(input.message()))) {
            return null;
        }
        String topic = text(errors, "recontactRequest.topic", input.topic(), 200, true, "l’objet de la demande de recontact");
        String message = multiline(errors, "recontactRequest.message", input.message(), 4000, "Le message");
        return topic == null ? null : new SupplierProfile.Recontact(topic, message);
    }

    /**
     * False for text with a lone UTF-16 surrogate: it cannot be written as UTF-8, so it would break every page
     * and mail that shows it.
     */
    static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static String abbreviate(String value) {
        String clean = FORBIDDEN_INLINE.matcher(value).replaceAll("?").replaceAll("\\p{Cs}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
