package fr.vivier.directory.moderation;

import fr.vivier.directory.ConsentKind;
import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.HistoryAction;
import fr.vivier.directory.Siret;
import fr.vivier.directory.StaffQueueFilter;
import fr.vivier.directory.StructureKind;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierChildren;
import fr.vivier.directory.SupplierRecords;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.reference.Commune;
import fr.vivier.reference.ReferenceData;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.FormErrors;
import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Staff moderation: the queue of profiles to review and the staff page of a profile with its decisions. */
@Controller("/agents/fiches")
@Secured({"STAFF", "ADMIN"})
class ModerationController {
    static final String QUEUE_VIEW = "directory/moderation/agents-fiches";
    static final String PROFILE_VIEW = "directory/moderation/agents-fiche";
    private static final String QUEUE_PATH = "/agents/fiches";
    private static final int PAGE_SIZE = 25;

    private static final Map<String, String> SUCCESS = Map.of(
        "publication", "La fiche est publiée ; la structure en est informée par courriel.",
        "refus", "La fiche est refusée ; le motif est envoyé à la structure par courriel.",
        "suspension", "La fiche est suspendue ; le motif est envoyé à la structure par courriel.",
        "relecture", "La fiche est marquée comme relue.",
        "label", "La vérification du label est enregistrée.",
        "fusion", "Les deux fiches sont fusionnées : la fiche en double est suspendue.");

    private static final Map<ConsentKind, String> CONSENTS = Map.of(
        ConsentKind.PUBLISH_CONTACT, "Coordonnées visibles par les acheteurs",
        ConsentKind.RECONTACT, "Recontact par les acheteurs",
        ConsentKind.ALERTS, "Alertes sur la programmation des achats");

    public record ConsentLine(String kind, String text, String version, String grantedOn, String withdrawnOn) { }

    public record HistoryLine(String when, String actor, String action, String detail) { }

    public record QueueLine(Supplier supplier, String commune, boolean isNew, String updatedOn) { }

    private final DirectoryService directory;
    private final ModerationService moderation;
    private final List<SupplierRecords> records;
    private final ReferenceData reference;

    ModerationController(DirectoryService directory, ModerationService moderation, List<SupplierRecords> records,
                         ReferenceData reference) {
        this.directory = directory;
        this.moderation = moderation;
        this.records = records;
        this.reference = reference;
    }

    @Get
    HttpResponse<?> queue(@Nullable @QueryValue String statut, @Nullable @QueryValue String du, @Nullable @QueryValue String au,
                          @Nullable @QueryValue String commune, @Nullable @QueryValue String communeCode,
                          @Nullable @QueryValue String type, @Nullable @QueryValue String q, @Nullable @QueryValue String page) {
        StaffQueueFilter filter = StaffQueueFilter.parse(new StaffQueueFilter.Raw(statut, du, au, commune, communeCode, type, q, page),
            DirectoryService.UNDER_REVIEW.stream().map(Enum::name).collect(Collectors.toSet()), reference);
        var queue = directory.reviewQueue(filter, PAGE_SIZE).map(supplier -> new QueueLine(supplier,
            reference.commune(supplier.communeCode()).map(Commune::displayName).orElse(supplier.communeCode()),
            supplier.createdAt().equals(supplier.updatedAt()), FrenchFormat.dateTime(supplier.updatedAt())));
        Map<String, Object> model = new HashMap<>();
        model.put("queue", queue);
        model.put("filter", filter);
        model.put("errors", filter.errors());
        model.put("statusOptions", List.of(new StaffQueueFilter.StatusOption("PENDING", "Nouvelle inscription, en attente de publication"),
            new StaffQueueFilter.StatusOption("PUBLISHED", "Publiée, modifiée par la structure")));
        model.put("families", StructureKind.Family.values());
        model.put("previousPage", filter.page() > 0 ? filter.url(QUEUE_PATH, filter.page() - 1) : null);
        model.put("nextPage", filter.page() + 1 < queue.getTotalPages() ? filter.url(QUEUE_PATH, filter.page() + 1) : null);
        HttpStatus status = filter.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY;
        return HttpResponse.status(status).body(new ModelAndView<>(QUEUE_VIEW, model));
    }

    @Get("/{id}")
    HttpResponse<?> profile(@PathVariable long id, @Nullable @QueryValue String succes) {
        return directory.find(id).<HttpResponse<?>>map(supplier -> {
            Map<String, Object> model = profileModel(supplier, Map.of(), "", "");
            if (succes != null && SUCCESS.containsKey(succes)) {
                model.put("success", SUCCESS.get(succes));
            }
            return HttpResponse.ok(new ModelAndView<>(PROFILE_VIEW, model));
        }).orElseGet(HttpResponse::notFound);
    }

    @Post(value = "/{id}/publication", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publish(@PathVariable long id, Authentication authentication) {
        return act(id, "publication", () -> moderation.decide(id, ModerationService.Decision.PUBLISH, null, staff(authentication)));
    }

    @Post(value = "/{id}/relecture", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> markReviewed(@PathVariable long id, Authentication authentication) {
        return act(id, "relecture", () -> moderation.markReviewed(id, staff(authentication)));
    }

    @Post(value = "/{id}/refus", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reject(@PathVariable long id, @Valid @Body ModerationRejectionForm form, Authentication authentication) {
        return act(id, "refus", () -> moderation.decide(id, ModerationService.Decision.REJECT, form.rejectionReason().strip(),
            staff(authentication)));
    }

    @Post(value = "/{id}/suspension", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> suspend(@PathVariable long id, @Valid @Body ModerationSuspensionForm form, Authentication authentication) {
        return act(id, "suspension", () -> moderation.decide(id, ModerationService.Decision.SUSPEND, form.suspensionReason().strip(),
            staff(authentication)));
    }

    @Post(value = "/{id}/labels/{code}/verifie", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> verifyLabel(@PathVariable long id, @PathVariable String code, Authentication authentication) {
        return act(id, "label", () -> moderation.setLabelVerified(id, code, true, staff(authentication)));
    }

    @Post(value = "/{id}/labels/{code}/non-verifie", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unverifyLabel(@PathVariable long id, @PathVariable String code, Authentication authentication) {
        return act(id, "label", () -> moderation.setLabelVerified(id, code, false, staff(authentication)));
    }

    @Post(value = "/{id}/fusion", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> merge(@PathVariable long id, @Valid @Body ModerationMergeForm form, Authentication authentication) {
        return act(id, "fusion", () -> moderation.merge(id, form.duplicateId(), staff(authentication)));
    }

    /** The reason forms: the page again with status 422, the message next to the field and the input kept. */
    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        Optional<Supplier> supplier = supplierOf(request);
        if (supplier.isEmpty()) {
            return HttpResponse.notFound();
        }
        String rejection = request.getBody(ModerationRejectionForm.class).map(ModerationRejectionForm::rejectionReason).orElse(null);
        String suspension = request.getBody(ModerationSuspensionForm.class).map(ModerationSuspensionForm::suspensionReason).orElse(null);
        boolean rejecting = request.getPath().endsWith("/refus");
        boolean suspending = request.getPath().endsWith("/suspension");
        Map<String, String> errors = FormErrors.of(exception);
        Map<String, Object> model = profileModel(supplier.get(), rejecting || suspending ? errors : Map.of(),
            rejecting && rejection != null ? rejection : "", suspending && suspension != null ? suspension : "");
        if (!rejecting && !suspending) {
            model.put("message", String.join(" ", errors.values()));
        }
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(PROFILE_VIEW, model));
    }

    private HttpResponse<?> act(long id, String success, Runnable action) {
        Optional<Supplier> supplier = directory.find(id);
        if (supplier.isEmpty()) {
            return HttpResponse.notFound();
        }
        try {
            action.run();
        } catch (ModerationService.Refused refused) {
            Map<String, Object> model = profileModel(directory.find(id).orElseThrow(), Map.of(), "", "");
            model.put("message", refused.getMessage());
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>(PROFILE_VIEW, model));
        }
        return HttpResponse.seeOther(URI.create("/agents/fiches/" + id + "?succes=" + success));
    }

    private Optional<Supplier> supplierOf(HttpRequest<?> request) {
        String[] parts = request.getPath().split("/");
        try {
            return parts.length > 3 ? directory.find(Long.parseLong(parts[3])) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static CurrentUser staff(Authentication authentication) {
        return CurrentUser.of(authentication);
    }

    private Map<String, Object> profileModel(Supplier supplier, Map<String, String> errors, String rejectionReason,
                                             String suspensionReason) {
        Map<String, Object> model = new HashMap<>();
        model.put("supplier", supplier);
        model.put("details", directory.details(directory.view(supplier)));
        model.put("consents", directory.consentHistory(supplier.id()).stream().map(ModerationController::consentLine).toList());
        model.put("history", directory.history(supplier.id()).stream().map(ModerationController::historyLine).toList());
        model.put("recordSections", records.stream().map(held -> held.staffSection(supplier.id())).toList());
        model.put("sameSiren", moderation.sameSiren(supplier));
        model.put("siret", new Siret(supplier.siret()).formatted());
        model.put("createdOn", FrenchFormat.dateTime(supplier.createdAt()));
        model.put("updatedOn", FrenchFormat.dateTime(supplier.updatedAt()));
        model.put("publishedOn", FrenchFormat.dateTime(supplier.publishedAt()));
        model.put("canPublish", ModerationService.Decision.PUBLISH.allowedFor(supplier.status()));
        model.put("canReject", ModerationService.Decision.REJECT.allowedFor(supplier.status()));
        model.put("canSuspend", ModerationService.Decision.SUSPEND.allowedFor(supplier.status()));
        model.put("canMarkReviewed", supplier.reviewNeeded() && supplier.status() == SupplierStatus.PUBLISHED);
        model.put("erased", supplier.status() == SupplierStatus.ERASED);
        model.put("errors", errors);
        model.put("rejectionReason", rejectionReason);
        model.put("suspensionReason", suspensionReason);
        return model;
    }

    private static ConsentLine consentLine(SupplierChildren.Consent consent) {
        return new ConsentLine(CONSENTS.get(consent.kind()), consent.text(), consent.version(),
            FrenchFormat.dateTime(consent.grantedAt()), FrenchFormat.dateTime(consent.withdrawnAt()));
    }

    private static HistoryLine historyLine(SupplierChildren.HistoryEntry entry) {
        return new HistoryLine(FrenchFormat.dateTime(entry.occurredAt()), entry.actor(),
            HistoryAction.labelOf(entry.action()), entry.detail() == null ? "" : entry.detail());
    }

}
