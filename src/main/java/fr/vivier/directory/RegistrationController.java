package fr.vivier.directory;

import fr.vivier.accounts.ClientAddress;
import fr.vivier.reference.ReferenceData;
import fr.vivier.reference.Territories;
import fr.vivier.web.FormRateLimiter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** « Formulaire de référencement »: public registration of a structure, without JavaScript. */
@Controller("/inscription")
@Secured(SecurityRule.IS_ANONYMOUS)
class RegistrationController {
    static final String VIEW = "directory/inscription";
    static final String RATE_LIMITED = "Trop d’envois depuis votre connexion. Merci de réessayer dans une heure.";

    private final DirectoryService directory;
    private final Territories territories;
    private final ReferenceData reference;
    private final FormRateLimiter rateLimiter;
    private final ClientAddress clientAddress;
    private final DirectoryConfiguration configuration;

    RegistrationController(DirectoryService directory, Territories territories, ReferenceData reference,
                           FormRateLimiter rateLimiter, ClientAddress clientAddress, DirectoryConfiguration configuration) {
        this.configuration = configuration;
        this.directory = directory;
        this.territories = territories;
        this.reference = reference;
        this.rateLimiter = rateLimiter;
        this.clientAddress = clientAddress;
    }

    @Get
    ModelAndView<Map<String, Object>> form() {
        return new ModelAndView<>(VIEW, FormModel.build(RegistrationForm.empty(), Map.of(), List.of(), reference, territories));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> register(HttpRequest<?> request, @Body RegistrationForm form) {
        if (form.isBot()) {
            return HttpResponse.seeOther(URI.create("/inscription/confirmation"));
        }
        if (!rateLimiter.tryAcquire("registration", clientAddress.of(request))) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(new ModelAndView<>("errors/429", Map.of("message", RATE_LIMITED)));
        }
        CommuneChoice commune = CommuneChoice.resolve(form.communeCode(), form.communeQuery(), territories);
        DirectoryService.RegistrationResult result = directory.register(commune.toInput(form), DirectoryService.ACTOR_SUPPLIER);
        if (result instanceof DirectoryService.RegistrationResult.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW,
                FormModel.build(commune.shown(form), commune.withError(form, invalid.errors()), commune.candidates(), reference, territories)));
        }
        // a SIRET already registered gets the same answer as a new one: the form does not tell who is registered
        return HttpResponse.seeOther(URI.create("/inscription/confirmation"));
    }

    @Get("/confirmation")
    ModelAndView<Map<String, Object>> confirmation() {
        return new ModelAndView<>("directory/inscription-confirmation", new HashMap<>(Map.of("publishedAtOnce", configuration.publishesAtOnce())));
    }

    /**
     * The commune typed as a name, postcode or INSEE code. Several matches (« Montreuil ») are offered as a choice,
     * the authority's territory first, and nothing is guessed: the person picks one, or the form comes back.
     */
    record CommuneChoice(@Nullable Territories.CommuneEntry commune, List<Territories.CommuneEntry> candidates,
                         @Nullable String error) {
        static CommuneChoice resolve(@Nullable String chosenCode, @Nullable String query, Territories territories) {
            boolean typed = query != null && !query.isBlank();
            if (!typed && chosenCode != null && !chosenCode.isBlank()) {
                Optional<Territories.CommuneEntry> chosen = territories.commune(chosenCode.strip());
                if (chosen.isPresent()) {
                    return new CommuneChoice(chosen.get(), List.of(), null);
                }
            }
            if (!typed) {
                return new CommuneChoice(null, List.of(), "Indiquez la commune de l’établissement (nom ou code postal).");
            }
            if (query.length() > 100) {
                return new CommuneChoice(null, List.of(), "Ce champ ne doit pas dépasser 100 caractères.");
            }
            List<Territories.CommuneEntry> found = territories.candidates(query, 30);
            if (found.isEmpty()) {
                return new CommuneChoice(null, List.of(), "Aucune commune ne correspond à « " + query.strip() + " » : vérifiez le nom ou le code postal.");
            }
            if (found.size() == 1) {
                return new CommuneChoice(found.get(0), List.of(), null);
            }
            // the choice counts only for the text it was offered for: a commune typed anew is looked up anew
            Optional<Territories.CommuneEntry> chosen = found.stream()
                .filter(c -> chosenCode != null && c.code().equals(chosenCode.strip())).findFirst();
            if (chosen.isPresent()) {
                return new CommuneChoice(chosen.get(), List.of(), null);
            }
            return new CommuneChoice(null, found, "Plusieurs communes correspondent à « " + query.strip()
                + " » : choisissez la vôtre dans la liste.");
        }

        SupplierInput toInput(RegistrationForm form) {
            return commune == null ? form.toInput(null, null, null)
                : form.toInput(commune.code(), commune.eptCode() != null ? commune.eptCode() : commune.epciCode(), commune.departementCode());
        }

        /** The form as shown again: a resolved commune written « Montreuil (93) », so that sending it again keeps it. */
        RegistrationForm shown(RegistrationForm form) {
            return commune == null ? form : form.withCommuneQuery(commune.displayName());
        }

        /**
         * The validator's errors, keyed by form field, with the commune's own message first. While the commune is
         * unknown, « its commune, EPCI, département » boxes cover nothing yet: the missing area is the commune's error.
         */
        Map<String, String> withError(RegistrationForm form, Map<String, String> validatorErrors) {
            Map<String, String> errors = new LinkedHashMap<>();
            boolean areaWaitsForCommune = commune == null && (form.checked(form.areaOwnCommune())
                || form.checked(form.areaOwnEpci()) || form.checked(form.areaOwnDepartement()));
            validatorErrors.forEach((path, message) -> {
                String field = RegistrationForm.fieldFor(path);
                if (!(areaWaitsForCommune && field.equals("interventionArea"))) {
                    errors.putIfAbsent(field, message);
                }
            });
            if (error != null) {
                errors.put("communeQuery", error);
            }
            return errors;
        }
    }

    /** Everything the registration (and profile) template needs. */
    static final class FormModel {
        private FormModel() {
        }

        static Map<String, Object> build(RegistrationForm form, Map<String, String> errors, List<Territories.CommuneEntry> candidates,
                                         ReferenceData reference, Territories territories) {
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
            model.put("regions", sorted(territories.regions()));
            model.put("departements", sortedByCode(territories.departements()));
            model.put("consentTexts", Map.of(
                "publishContact", ConsentKind.PUBLISH_CONTACT.text(),
                "recontact", ConsentKind.RECONTACT.text(),
                "alerts", ConsentKind.ALERTS.text()));
            model.put("labelRows", java.util.stream.IntStream.range(0, RegistrationForm.LABEL_ROWS).boxed().toList());
            model.put("referenceRows", java.util.stream.IntStream.range(0, RegistrationForm.REFERENCE_ROWS).boxed().toList());
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
}
