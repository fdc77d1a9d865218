package fr.vivier.directory.registration;

import fr.vivier.directory.SupplierInput;
import fr.vivier.reference.Commune;
import fr.vivier.reference.CommuneChoice;
import fr.vivier.web.ReturnPath;
import fr.vivier.reference.Sector;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registration and profile form as posted (strings as typed; lists from repeated fields; label and
 * reference rows as parallel lists). {@link #toInput} turns it into the input every channel shares.
 */
@Introspected
@Serdeable
public record RegistrationForm(
    @Nullable String siret, @Nullable String name, @Nullable String tradeName, @Nullable String legalForm,
    @Nullable String size, @Nullable String kind,
    @Nullable String communeQuery, @Nullable String communeCode,
    @Nullable String areaOwnCommune, @Nullable String areaOwnEpci, @Nullable String areaOwnDepartement,
    @Nullable String areaNational, @Nullable List<String> areaRegions, @Nullable List<String> areaDepartements,
    @Nullable String areaOtherCodes,
    @Nullable List<String> sectors,
    @Nullable List<String> labelCode, @Nullable List<String> labelProof, @Nullable List<String> labelExpiresOn,
    @Nullable String description, @Nullable String offers,
    @Nullable List<String> referenceClient, @Nullable List<String> referenceYear, @Nullable List<String> referenceObject,
    @Nullable String website,
    @Nullable String contactName, @Nullable String contactRole, @Nullable String contactEmail, @Nullable String contactPhone,
    @Nullable String consentPublishContact, @Nullable String consentRecontact, @Nullable String consentAlerts,
    @Nullable String wantsRecontact, @Nullable String recontactTopic, @Nullable String recontactMessage,
    @Nullable String adresseComplementaire,
    @Nullable String retour) {

    public static final String COMMUNE_MISSING = "Indiquez la commune de l’établissement (nom ou code postal).";
    public static final int LABEL_ROWS = 3;
    public static final int REFERENCE_ROWS = 3;

    public static RegistrationForm empty() {
        return new RegistrationForm(null, null, null, null, null, null, null, null, "on", null, null, null, List.of(), List.of(),
            null, List.of(), List.of(), List.of(), List.of(), null, null, List.of(), List.of(), List.of(), null, null, null,
            null, null, null, null, null, null, null, null, null, null);
    }

    /** An empty form that leads back to a page of the programming once the structure opens its link. */
    public static RegistrationForm empty(@Nullable String retour) {
        RegistrationForm empty = empty();
        return new RegistrationForm(empty.siret, empty.name, empty.tradeName, empty.legalForm, empty.size, empty.kind, empty.communeQuery,
            empty.communeCode, empty.areaOwnCommune, empty.areaOwnEpci, empty.areaOwnDepartement, empty.areaNational, empty.areaRegions,
            empty.areaDepartements, empty.areaOtherCodes, empty.sectors, empty.labelCode, empty.labelProof, empty.labelExpiresOn,
            empty.description, empty.offers, empty.referenceClient, empty.referenceYear, empty.referenceObject, empty.website,
            empty.contactName, empty.contactRole, empty.contactEmail, empty.contactPhone, empty.consentPublishContact,
            empty.consentRecontact, empty.consentAlerts, empty.wantsRecontact, empty.recontactTopic, empty.recontactMessage,
            empty.adresseComplementaire, ReturnPath.of(retour).orElse(null));
    }

    /** The same form with the commune written as given (e.g. « Montreuil (93) » once chosen among homonyms). */
    public RegistrationForm withCommuneQuery(String text) {
        return new RegistrationForm(siret, name, tradeName, legalForm, size, kind, text, null, areaOwnCommune, areaOwnEpci,
            areaOwnDepartement, areaNational, areaRegions, areaDepartements, areaOtherCodes, sectors, labelCode, labelProof,
            labelExpiresOn, description, offers, referenceClient, referenceYear, referenceObject, website, contactName,
            contactRole, contactEmail, contactPhone, consentPublishContact, consentRecontact, consentAlerts, wantsRecontact,
            recontactTopic, recontactMessage, adresseComplementaire, retour);
    }

    /** The form as shown again: a resolved commune written « Montreuil (93) », so that sending it again keeps it. */
    public RegistrationForm shown(CommuneChoice commune) {
        return commune.commune() == null ? this : withCommuneQuery(commune.commune().displayName());
    }

    /** Bots fill every field; people never see this one. */
    public boolean isBot() {
        return adresseComplementaire != null && !adresseComplementaire.isBlank();
    }

    public boolean checked(@Nullable String box) {
        return box != null && !box.isBlank() && !"false".equalsIgnoreCase(box);
    }

    public List<String> safe(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }

    /** The value of a row of a parallel list, "" when absent (for the template). */
    public String row(@Nullable List<String> values, int index) {
        return values != null && index < values.size() && values.get(index) != null ? values.get(index) : "";
    }

    public boolean anySectorSelected(List<Sector> group) {
        return group != null && group.stream().anyMatch(sector -> sectorSelected(sector.code()));
    }

    public int sectorsSelectedIn(List<fr.vivier.reference.Sector> group) {
        return group == null ? 0 : (int) group.stream().filter(sector -> sectorSelected(sector.code())).count();
    }

    /** Whether the optional labels and references part holds anything (it is shown open then). */
    public boolean hasLabelsOrReferences() {
        return safe(labelCode).stream().anyMatch(value -> value != null && !value.isBlank())
            || safe(referenceClient).stream().anyMatch(value -> value != null && !value.isBlank())
            || safe(referenceObject).stream().anyMatch(value -> value != null && !value.isBlank());
    }

    public boolean sectorSelected(String code) {
        return safe(sectors).contains(code);
    }

    /** The form as typed, with the commune resolved from {@link #communeQuery} (or chosen among candidates). */
    public SupplierInput toInput(CommuneChoice commune) {
        Commune resolved = commune.commune();
        return resolved == null ? toInput(null, null, null)
            : toInput(resolved.code(), resolved.intercommunalityCode(), resolved.departementCode());
    }

    /** The validator's errors, keyed by form field, with the commune's own message first. */
    public Map<String, String> errors(CommuneChoice commune, Map<String, String> validatorErrors) {
        Map<String, String> errors = new LinkedHashMap<>();
        // while the commune is unknown, « its commune, EPCI, département » boxes cover nothing yet: the missing area is the commune's error
        boolean areaWaitsForCommune = commune.commune() == null
            && (checked(areaOwnCommune) || checked(areaOwnEpci) || checked(areaOwnDepartement));
        validatorErrors.forEach((path, message) -> {
            String field = fieldFor(path);
            if (!(areaWaitsForCommune && field.equals("interventionArea"))) {
                errors.putIfAbsent(field, message);
            }
        });
        if (commune.error() != null) {
            errors.put("communeQuery", commune.error());
        }
        return errors;
    }

    /**
     * @param communeCode     the commune's INSEE code
     * @param epciCode        its EPT or EPCI, to expand the « my EPCI » box
     * @param departementCode its département, to expand the « my département » box
     */
    private SupplierInput toInput(@Nullable String communeCode, @Nullable String epciCode, @Nullable String departementCode) {
        List<SupplierInput.AreaInput> areas = new ArrayList<>();
        if (checked(areaNational)) areas.add(new SupplierInput.AreaInput("NATIONAL", "FR"));
        if (checked(areaOwnCommune) && communeCode != null) areas.add(new SupplierInput.AreaInput("COMMUNE", communeCode));
        if (checked(areaOwnEpci) && epciCode != null) areas.add(new SupplierInput.AreaInput("EPCI", epciCode));
        if (checked(areaOwnDepartement) && departementCode != null) areas.add(new SupplierInput.AreaInput("DEPARTEMENT", departementCode));
        safe(areaRegions).stream().filter(c -> !c.isBlank()).forEach(c -> areas.add(new SupplierInput.AreaInput("REGION", c)));
        safe(areaDepartements).stream().filter(c -> !c.isBlank()).forEach(c -> areas.add(new SupplierInput.AreaInput("DEPARTEMENT", c)));
        if (areaOtherCodes != null) {
            for (String code : areaOtherCodes.split("[,;\\s]+")) {
                if (!code.isBlank()) {
                    areas.add(new SupplierInput.AreaInput(code.strip().length() == 9 ? "EPCI" : "COMMUNE", code.strip()));
                }
            }
        }
        List<SupplierInput.LabelInput> labels = new ArrayList<>();
        for (int i = 0; i < Math.max(LABEL_ROWS, safe(labelCode).size()); i++) {
            labels.add(new SupplierInput.LabelInput(row(labelCode, i), row(labelProof, i), row(labelExpiresOn, i)));
        }
        List<SupplierInput.ReferenceInput> references = new ArrayList<>();
        for (int i = 0; i < Math.max(REFERENCE_ROWS, safe(referenceClient).size()); i++) {
            references.add(new SupplierInput.ReferenceInput(row(referenceClient, i), row(referenceYear, i), row(referenceObject, i)));
        }
        List<String> offerLines = offers == null ? List.of() : List.of(offers.split("\\R"));
        SupplierInput.RecontactInput recontact = checked(wantsRecontact)
            ? new SupplierInput.RecontactInput(recontactTopic == null || recontactTopic.isBlank() ? "Demande de recontact" : recontactTopic,
                recontactMessage)
            : null;
        return new SupplierInput(siret, name, tradeName, legalForm, size, kind, communeCode, areas, safe(sectors), labels,
            description, offerLines, references, website,
            new SupplierInput.ContactInput(contactName, contactRole, contactEmail, contactPhone),
            new SupplierInput.ConsentsInput(checked(consentPublishContact), checked(consentRecontact), checked(consentAlerts)),
            recontact);
    }

    /** Where the validator's error for a JSON path shows in this form. */
    public static String fieldFor(String path) {
        return switch (path) {
            case "communeCode" -> "communeQuery";
            case "contact.name" -> "contactName";
            case "contact.role" -> "contactRole";
            case "contact.email" -> "contactEmail";
            case "contact.phone" -> "contactPhone";
            case "recontactRequest.topic" -> "recontactTopic";
            case "recontactRequest.message" -> "recontactMessage";
            default -> {
                if (path.startsWith("interventionArea")) yield "interventionArea";
                if (path.startsWith("labels[")) yield rowField("label", path);
                if (path.startsWith("references[")) yield rowField("reference", path);
                yield path;
            }
        };
    }

    /** labels[1].expiresOn → labelExpiresOn-1 */
    private static String rowField(String prefix, String path) {
        int open = path.indexOf('[');
        int close = path.indexOf(']');
        String index = path.substring(open + 1, close);
        String property = path.length() > close + 2 ? path.substring(close + 2) : "code";
        return prefix + Character.toUpperCase(property.charAt(0)) + property.substring(1) + "-" + index;
    }
}
