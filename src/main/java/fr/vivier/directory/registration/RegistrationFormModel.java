package fr.vivier.directory.registration;

import fr.vivier.directory.CompanySize;
import fr.vivier.directory.ConsentKind;
import fr.vivier.directory.LegalForm;
import fr.vivier.directory.StructureKind;
import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Everything the registration template and the supplier's edit page (same fields) need. */
public final class RegistrationFormModel {
    private RegistrationFormModel() {
    }

    public static Map<String, Object> build(RegistrationForm form, Map<String, String> errors, List<Commune> candidates,
                                            ReferenceData reference) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("communeCandidates", candidates);
        model.put("sectorGroups", reference.sectorGroups());
        model.put("sectorsByGroup", reference.sectorsByGroup());
        model.put("labels", reference.labels());
        model.put("legalForms", LegalForm.values());
        model.put("sizes", CompanySize.values());
        model.put("kinds", StructureKind.values());
        model.put("families", StructureKind.Family.values());
        model.put("regions", sorted(reference.regions()));
        model.put("departements", sortedByCode(reference.departements()));
        model.put("consentTexts", Map.of(
            "publishContact", ConsentKind.PUBLISH_CONTACT.text(),
            "recontact", ConsentKind.RECONTACT.text(),
            "alerts", ConsentKind.ALERTS.text()));
        model.put("labelRows", IntStream.range(0, RegistrationForm.LABEL_ROWS).boxed().toList());
        model.put("referenceRows", IntStream.range(0, RegistrationForm.REFERENCE_ROWS).boxed().toList());
        return model;
    }

    private static List<Map.Entry<String, String>> sorted(Map<String, String> names) {
        return names.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
    }

    private static List<Map.Entry<String, String>> sortedByCode(Map<String, String> names) {
        return names.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().length() == 2 ? "0" + e.getKey() : e.getKey()))
            .toList();
    }
}
