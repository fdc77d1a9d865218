package fr.vivier.directory.space;

import fr.vivier.directory.ConsentKind;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Siret;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierChildren;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.directory.SupplierRecords;
import fr.vivier.directory.SupplierView;
import fr.vivier.directory.registration.RegistrationForm;
import fr.vivier.directory.registration.RegistrationFormModel;
import fr.vivier.reference.Commune;
import fr.vivier.reference.CommuneChoice;
import fr.vivier.reference.ReferenceData;
import fr.vivier.shared.ClientAddress;
import fr.vivier.web.FormErrors;
import fr.vivier.web.FormRateLimiter;
import fr.vivier.web.FrenchFormat;
import fr.vivier.web.session.CsrfTokens;
import fr.vivier.web.session.FormPage;
import fr.vivier.web.session.PostgresSessionStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.session.Session;
import io.micronaut.session.http.HttpSessionConfiguration;
import io.micronaut.session.http.HttpSessionFilter;
import io.micronaut.session.http.SessionForRequest;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * « Mon profil fournisseur »: a structure asks for a single-use link by SIRET and contact email, and the link
 * opens a session (its « espace ») where it updates its profile, withdraws consents, downloads or erases its data.
 */
@Controller("/mon-profil")
@Secured(SecurityRule.IS_ANONYMOUS)
class SupplierSpaceController {
    static final String SUPPLIER_ATTRIBUTE = "supplierId";
    static final String RATE_LIMITED = "Trop de demandes de lien depuis votre connexion. Merci de réessayer dans une heure.";
    static final String UPDATED = "Votre fiche est mise à jour ; elle sera relue par un agent.";
    static final String SESSION_ENDED = "Votre session a pris fin : demandez un nouveau lien pour accéder à votre fiche.";
    private static final String REQUEST_VIEW = "directory/space/mon-profil";
    private static final String EDIT_VIEW = "directory/space/mon-profil-modifier";

    private final DirectoryService directory;
    private final SupplierSpaceService space;
    private final ReferenceData reference;
    private final FormRateLimiter rateLimiter;
    private final ClientAddress clientAddress;
    private final PostgresSessionStore sessions;
    private final CsrfTokens csrfTokens;
    private final HttpSessionConfiguration sessionConfiguration;
    private final JsonMapper json;

    private final List<SupplierRecords> records;

    SupplierSpaceController(DirectoryService directory, SupplierSpaceService space, ReferenceData reference,
                            FormRateLimiter rateLimiter, ClientAddress clientAddress, PostgresSessionStore sessions,
                            CsrfTokens csrfTokens, HttpSessionConfiguration sessionConfiguration, JsonMapper json,
                            List<SupplierRecords> records) {
        this.records = records;
        this.directory = directory;
        this.space = space;
        this.reference = reference;
        this.rateLimiter = rateLimiter;
        this.clientAddress = clientAddress;
        this.sessions = sessions;
        this.csrfTokens = csrfTokens;
        this.sessionConfiguration = sessionConfiguration;
        this.json = json;
    }

    @Get
    @FormPage
    ModelAndView<Map<String, Object>> requestForm(@Nullable @QueryValue String expiree) {
        Map<String, Object> model = requestModel(ProfileLinkForm.empty(), Map.of());
        if (expiree != null) {
            model.put("message", SESSION_ENDED);
        }
        return new ModelAndView<>(REQUEST_VIEW, model);
    }

    /** Always the same answer, whether or not the SIRET and email match a profile: nothing is revealed. */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> requestLink(HttpRequest<?> request, @Valid @Body ProfileLinkForm form) {
        if (form.isBot()) {
            return HttpResponse.seeOther(URI.create("/mon-profil/lien-demande"));
        }
        if (!rateLimiter.tryAcquire("profile-link", clientAddress.of(request))) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .body(new ModelAndView<>("errors/429", Map.of("message", RATE_LIMITED)));
        }
        Optional<String> siretProblem = Siret.problemWith(form.siret());
        if (siretProblem.isPresent()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(REQUEST_VIEW,
                requestModel(form, Map.of("siret", siretProblem.get()))));
        }
        directory.requestProfileLink(form.siret(), form.email());
        return HttpResponse.seeOther(URI.create("/mon-profil/lien-demande"));
    }

    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalidRequest(HttpRequest<?> request, ConstraintViolationException exception) {
        ProfileLinkForm form = request.getBody(ProfileLinkForm.class).orElse(ProfileLinkForm.empty());
        Map<String, String> errors = new LinkedHashMap<>();
        Siret.problemWith(form.siret()).ifPresent(problem -> errors.put("siret", problem));
        FormErrors.of(exception).forEach(errors::putIfAbsent);
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(REQUEST_VIEW, requestModel(form, errors)));
    }

    @Get("/lien-demande")
    ModelAndView<Map<String, Object>> linkRequested() {
        return new ModelAndView<>("directory/space/mon-profil-lien-demande", new HashMap<>());
    }

    /**
     * The emailed link only shows a confirmation: mail scanners and link previewers that fetch it must neither use
     * it up nor open a session (a planted session would make the visitor edit someone else's profile).
     */
    @Get("/{secret}")
    @FormPage
    HttpResponse<?> confirmLink(@PathVariable String secret) {
        Optional<Supplier> supplier = secret.length() > 200 ? Optional.empty() : directory.supplierForLink(secret);
        if (supplier.isEmpty()) {
            return invalidLink();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("secret", secret);
        model.put("supplierName", supplier.get().displayName());
        return noStore(HttpResponse.ok(new ModelAndView<>("directory/space/mon-profil-ouvrir", model)));
    }

    /** Uses the link once and opens the structure's space for this session (2 h of inactivity at most). */
    @Post(value = "/{secret}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> openLink(HttpRequest<?> request, @PathVariable String secret) {
        Optional<Long> supplierId = secret.length() > 200 ? Optional.empty() : space.openLink(secret);
        if (supplierId.isEmpty()) {
            return invalidLink();
        }
        startSupplierSession(request, supplierId.get());
        return HttpResponse.seeOther(URI.create("/mon-profil/fiche"));
    }

    private HttpResponse<?> invalidLink() {
        return noStore(HttpResponse.status(HttpStatus.GONE)
            .body(new ModelAndView<>("directory/space/mon-profil-lien-invalide", new HashMap<>())));
    }

    @Get("/fiche")
    HttpResponse<?> profile(HttpRequest<?> request, @Nullable @QueryValue String modifiee, @Nullable @QueryValue String retrait) {
        return withSupplier(request, supplier -> {
            Map<String, Object> model = profileModel(supplier);
            if (modifiee != null) {
                model.put("success", UPDATED);
            } else if (retrait != null) {
                model.put("success", "Votre consentement est retiré.");
            }
            return HttpResponse.ok(new ModelAndView<>("directory/space/mon-profil-fiche", model));
        });
    }

    @Get("/fiche/modifier")
    HttpResponse<?> editForm(HttpRequest<?> request) {
        return withSupplier(request, supplier -> HttpResponse.ok(new ModelAndView<>(EDIT_VIEW,
            editModel(supplier, space.formFor(directory.view(supplier)), Map.of(), List.of()))));
    }

    /** Validated exactly like a registration; the SIRET is the one of the profile, whatever was posted. */
    @Post(value = "/fiche/modifier", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, @Body RegistrationForm form) {
        return withSupplier(request, supplier -> {
            CommuneChoice commune = reference.resolveCommune(form.communeCode(), form.communeQuery(), RegistrationForm.COMMUNE_MISSING);
            DirectoryService.RegistrationResult result = directory.update(supplier.id(),
                withSiret(form.toInput(commune), supplier.siret()), DirectoryService.ACTOR_SUPPLIER);
            if (result instanceof DirectoryService.RegistrationResult.Invalid invalid) {
                return HttpResponse.unprocessableEntity().body(new ModelAndView<>(EDIT_VIEW,
                    editModel(supplier, form.shown(commune), form.errors(commune, invalid.errors()), commune.candidates())));
            }
            return HttpResponse.seeOther(URI.create("/mon-profil/fiche?modifiee=1"));
        });
    }

    @Post(value = "/fiche/consentements/{kind}/retrait", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdrawConsent(HttpRequest<?> request, @PathVariable String kind) {
        return withSupplier(request, supplier -> {
            Optional<ConsentKind> consent = Arrays.stream(ConsentKind.values()).filter(k -> k.name().equals(kind)).findFirst();
            if (consent.isEmpty()) {
                return HttpResponse.notFound();
            }
            directory.withdrawConsent(supplier.id(), consent.get(), DirectoryService.ACTOR_SUPPLIER);
            return HttpResponse.seeOther(URI.create("/mon-profil/fiche?retrait=1"));
        });
    }

    @Get("/donnees.json")
    HttpResponse<?> download(HttpRequest<?> request) {
        return withSupplier(request, supplier -> HttpResponse.ok(toJson(space.exportData(supplier.id())))
            .contentType(MediaType.APPLICATION_JSON_TYPE.toString() + ";charset=utf-8")
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vivier-donnees-" + supplier.siret() + ".json\""));
    }

    @Get("/fiche/suppression")
    HttpResponse<?> erasureForm(HttpRequest<?> request) {
        return withSupplier(request, supplier -> HttpResponse.ok(new ModelAndView<>("directory/space/mon-profil-suppression",
            new HashMap<>(Map.of("supplier", supplier)))));
    }

    /** Erases the personal data and ends the session: the old cookie opens nothing afterwards. */
    @Post(value = "/fiche/suppression", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> erase(HttpRequest<?> request) {
        return withSupplier(request, supplier -> {
            directory.erase(supplier.id(), DirectoryService.ACTOR_SUPPLIER);
            SessionForRequest.find(request).ifPresent(session -> sessions.delete(session.getId()));
            request.getAttributes().remove(HttpSessionFilter.SESSION_ATTRIBUTE.toString());
            Cookie expired = Cookie.of(sessionConfiguration.getCookieName(), "").path("/").maxAge(0).httpOnly(true)
                .sameSite(SameSite.Lax);
            return HttpResponse.seeOther(URI.create("/mon-profil/donnees-effacees")).cookie(expired);
        });
    }

    @Get("/donnees-effacees")
    ModelAndView<Map<String, Object>> erased() {
        return new ModelAndView<>("directory/space/mon-profil-donnees-effacees", new HashMap<>());
    }

    /** A fresh session id and CSRF token, as at sign-in: nothing from before the link is reused. */
    private void startSupplierSession(HttpRequest<?> request, long supplierId) {
        SessionForRequest.find(request).ifPresent(old -> sessions.delete(old.getId()));
        Session session = SessionForRequest.create(sessions, request);
        session.put(SUPPLIER_ATTRIBUTE, supplierId);
        csrfTokens.assignNewToken(session);
    }

    /** Runs the action for the structure of the session, or sends the visitor to ask for a link. */
    private HttpResponse<?> withSupplier(HttpRequest<?> request, Function<Supplier, MutableHttpResponse<?>> action) {
        Optional<Supplier> supplier = SessionForRequest.find(request)
            .flatMap(session -> session.get(SUPPLIER_ATTRIBUTE, Long.class))
            .flatMap(directory::find)
            .filter(s -> s.status() != SupplierStatus.ERASED);
        if (supplier.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/mon-profil?expiree=1"));
        }
        return noStore(action.apply(supplier.get()));
    }

    private static MutableHttpResponse<?> noStore(MutableHttpResponse<?> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static Map<String, Object> requestModel(ProfileLinkForm form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        return model;
    }

    private Map<String, Object> profileModel(Supplier supplier) {
        SupplierView view = directory.view(supplier);
        Map<String, String> activeSince = directory.consentHistory(supplier.id()).stream()
            .filter(SupplierChildren.Consent::active)
            .collect(Collectors.toMap(consent -> consent.kind().name(), consent -> FrenchFormat.date(consent.grantedAt()), (a, b) -> b));
        Map<String, Object> model = new HashMap<>();
        model.put("supplier", supplier);
        model.put("details", directory.details(view));
        model.put("siret", new Siret(supplier.siret()).formatted());
        model.put("consentKinds", ConsentKind.values());
        model.put("activeSince", activeSince);
        model.put("recordSections", records.stream().flatMap(held -> held.supplierSection(supplier.id()).stream()).toList());
        return model;
    }

    private Map<String, Object> editModel(Supplier supplier, RegistrationForm form, Map<String, String> errors,
                                          List<Commune> candidates) {
        Map<String, Object> model = RegistrationFormModel.build(form, errors, candidates, reference);
        // every label and reference of the profile gets its row, plus the usual empty ones to add more
        model.put("labelRows", rows(RegistrationForm.LABEL_ROWS, form.safe(form.labelCode()).size() + 1));
        model.put("referenceRows", rows(RegistrationForm.REFERENCE_ROWS, form.safe(form.referenceClient()).size() + 1));
        model.put("supplier", supplier);
        model.put("siret", new Siret(supplier.siret()).formatted());
        return model;
    }

    private static List<Integer> rows(int minimum, int wanted) {
        return IntStream.range(0, Math.max(minimum, wanted)).boxed().toList();
    }

    private static SupplierInput withSiret(SupplierInput input, String siret) {
        return new SupplierInput(siret, input.name(), input.tradeName(), input.legalForm(), input.size(), input.kind(),
            input.communeCode(), input.interventionArea(), input.sectors(), input.labels(), input.description(), input.offers(),
            input.references(), input.website(), input.contact(), input.consents(), null);
    }

    private byte[] toJson(Map<String, Object> data) {
        try {
            return json.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
