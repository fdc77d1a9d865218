package fr.vivier.sourcing;

import fr.vivier.buyers.Shortlist;
import fr.vivier.buyers.SpreadsheetFiles;
import fr.vivier.programming.ProgrammingLine;
import fr.vivier.programming.ProgrammingService;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.FormErrors;
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
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** « Journal de sourcing »: the list of contacts a person may read, with filters and exports, and the entry form. */
@Controller("/journal")
@Secured({"BUYER", "STAFF", "ADMIN"})
class JournalController {
    static final String LIST_VIEW = "sourcing/journal";
    static final String FORM_VIEW = "sourcing/journal-formulaire";
    /** An export stops there: beyond, the filters must narrow it (the page says so). */
    static final int EXPORT_LIMIT = 20_000;
    static final List<String> EXPORT_HEADERS = List.of("Date", "Direction", "Agent", "Structure", "SIRET", "Type de structure", "Canal",
        "Objet", "Ligne de programmation", "Issue", "Notes");

    private final JournalService journal;
    private final RecontactQueueService recontacts;
    private final ProgrammingService programming;
    private final Clock clock;

    JournalController(JournalService journal, RecontactQueueService recontacts, ProgrammingService programming, Clock clock) {
        this.journal = journal;
        this.recontacts = recontacts;
        this.programming = programming;
        this.clock = clock;
    }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String du, @Nullable @QueryValue String au, @Nullable @QueryValue String direction,
                         @Nullable @QueryValue String canal, @Nullable @QueryValue String issue, @Nullable @QueryValue String type,
                         @Nullable @QueryValue String page, @Nullable @QueryValue String succes, Authentication authentication) {
        JournalService.Viewer viewer = viewer(authentication);
        JournalFilter filter = JournalFilter.parse(new JournalFilter.Raw(du, au, direction, canal, issue, type, page));
        JournalService.RowPage rows = journal.list(viewer, filter);
        Map<String, Object> model = new HashMap<>();
        model.put("viewer", viewer);
        model.put("filter", filter);
        model.put("errors", filter.errors());
        model.put("rows", rows);
        model.put("channels", ContactChannel.values());
        model.put("outcomes", ContactOutcome.values());
        model.put("families", SupplierFamily.values());
        model.put("assigned", recontacts.assignedTo(viewer.accountId()));
        model.put("exportLimit", EXPORT_LIMIT);
        model.put("previousPage", rows.page() > 0 ? filter.url("/journal", rows.page() - 1) : null);
        model.put("nextPage", rows.page() + 1 < rows.totalPages() ? filter.url("/journal", rows.page() + 1) : null);
        if ("1".equals(succes)) {
            model.put("success", "Le contact est noté dans le journal.");
        } else if ("consultations".equals(succes)) {
            model.put("success", "Les consultations sont notées dans le journal.");
        }
        HttpStatus status = filter.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY;
        return HttpResponse.status(status).body(new ModelAndView<>(LIST_VIEW, model));
    }

    @Get("/export.csv")
    HttpResponse<?> csv(@Nullable @QueryValue String du, @Nullable @QueryValue String au, @Nullable @QueryValue String direction,
                        @Nullable @QueryValue String canal, @Nullable @QueryValue String issue, @Nullable @QueryValue String type,
                        Authentication authentication) {
        List<List<String>> rows = exportRows(new JournalFilter.Raw(du, au, direction, canal, issue, type, null), authentication);
        return SpreadsheetFiles.download(SpreadsheetFiles.csv(EXPORT_HEADERS, rows), SpreadsheetFiles.CSV_TYPE, "journal-sourcing", "csv", clock);
    }

    @Get("/export.xlsx")
    HttpResponse<?> xlsx(@Nullable @QueryValue String du, @Nullable @QueryValue String au, @Nullable @QueryValue String direction,
                         @Nullable @QueryValue String canal, @Nullable @QueryValue String issue, @Nullable @QueryValue String type,
                         Authentication authentication) {
        List<List<String>> rows = exportRows(new JournalFilter.Raw(du, au, direction, canal, issue, type, null), authentication);
        return SpreadsheetFiles.download(SpreadsheetFiles.xlsx("Journal de sourcing", EXPORT_HEADERS, rows), SpreadsheetFiles.XLSX_TYPE,
            "journal-sourcing", "xlsx", clock);
    }

    private List<List<String>> exportRows(JournalFilter.Raw raw, Authentication authentication) {
        List<JournalService.Row> rows = journal.export(viewer(authentication), JournalFilter.parse(raw), EXPORT_LIMIT);
        Map<Long, String> lines = new HashMap<>();
        Function<Long, String> lineName = id -> id == null ? "" : lines.computeIfAbsent(id,
            lineId -> programming.find(lineId).map(line -> line.reference() + " — " + line.object()).orElse(""));
        return rows.stream().map(row -> {
            SourcingEntry entry = row.entry();
            return List.of(entry.contactDate().toString(), entry.direction(), row.authorName(), entry.supplierName(),
                entry.supplierSiret() == null ? "" : entry.supplierSiret(), entry.supplierFamily().label(), entry.channel().label(),
                entry.purpose(), lineName.apply(entry.programmingLineId()), entry.outcome().label(), entry.notes());
        }).toList();
    }

    @Get("/nouveau")
    ModelAndView<Map<String, Object>> newEntry(@Nullable @QueryValue String fournisseur, @Nullable @QueryValue String ligne,
                                               @Nullable @QueryValue String lot, @Nullable @QueryValue String liste,
                                               @Nullable @QueryValue String demande, Authentication authentication) {
        JournalService.Viewer viewer = viewer(authentication);
        return formView(journal.prefilled(viewer, fournisseur, ligne, lot, liste, demande), Map.of(), viewer, null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@Valid @Body JournalEntryForm form, Authentication authentication) {
        JournalService.Viewer viewer = viewer(authentication);
        try {
            JournalService.Saved saved = journal.create(form, viewer);
            if (saved instanceof JournalService.Saved.Invalid invalid) {
                return HttpResponse.unprocessableEntity().body(formView(form, invalid.errors(), viewer, null));
            }
            return HttpResponse.seeOther(URI.create("/journal/" + ((JournalService.Saved.Done) saved).entry().id() + "?succes=1"));
        } catch (JournalService.Forbidden forbidden) {
            throw new AuthorizationException(authentication);
        }
    }

    /** « Noter les consultations » of a < 40 k€ shortlist: one entry per supplier ticked, in one form. */
    @Get("/consultations")
    ModelAndView<Map<String, Object>> consultationsForm(@Nullable @QueryValue String liste, Authentication authentication) {
        JournalService.Viewer viewer = viewer(authentication);
        Shortlist shortlist = consultable(liste, authentication);
        return consultationsView(shortlist, journal.consultationsOf(shortlist, viewer), Map.of(), viewer);
    }

    @Post(value = "/consultations", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> consultations(@Valid @Body ConsultationsForm form, Authentication authentication) {
        JournalService.Viewer viewer = viewer(authentication);
        Shortlist shortlist = consultable(form.liste(), authentication);
        JournalService.Saved saved = journal.consultations(shortlist, form, viewer);
        if (saved instanceof JournalService.Saved.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(consultationsView(shortlist, form, invalid.errors(), viewer));
        }
        return HttpResponse.seeOther(URI.create("/journal?succes=consultations"));
    }

    private ModelAndView<Map<String, Object>> consultationsView(Shortlist shortlist, ConsultationsForm form, Map<String, String> errors,
                                                                JournalService.Viewer viewer) {
        Map<String, Object> model = new HashMap<>();
        model.put("shortlist", shortlist);
        model.put("proposals", journal.proposals(shortlist));
        model.put("form", form);
        model.put("ticked", form.suppliers());
        model.put("errors", errors);
        model.put("viewer", viewer);
        model.put("channels", ContactChannel.values());
        model.put("outcomes", ContactOutcome.values());
        model.put("directionFixed", !viewer.staff() && viewer.direction() != null);
        return new ModelAndView<>("sourcing/journal-consultations", model);
    }

    private Shortlist consultable(@Nullable String shortlistId, Authentication authentication) {
        try {
            return JournalService.id(shortlistId).flatMap(id -> journal.consultable(id, viewer(authentication)))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Liste introuvable."));
        } catch (JournalService.Forbidden forbidden) {
            throw new AuthorizationException(authentication);
        }
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(@PathVariable long id, @Nullable @QueryValue String succes, Authentication authentication) {
        JournalService.Row row = readable(id, authentication);
        Map<String, Object> model = new HashMap<>();
        model.put("row", row);
        model.put("line", row.entry().programmingLineId() == null ? null : programming.find(row.entry().programmingLineId()).orElse(null));
        if (succes != null) {
            model.put("success", "1".equals(succes) ? "Le contact est noté dans le journal." : "Le contact est modifié.");
        }
        return new ModelAndView<>("sourcing/journal-contact", model);
    }

    @Get("/{id}/modifier")
    ModelAndView<Map<String, Object>> editForm(@PathVariable long id, Authentication authentication) {
        JournalService.Row row = editable(id, authentication);
        return formView(journal.formOf(row.entry()), Map.of(), viewer(authentication), id);
    }

    @Post(value = "/{id}/modifier", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> edit(@PathVariable long id, @Valid @Body JournalEntryForm form, Authentication authentication) {
        editable(id, authentication);
        JournalService.Viewer viewer = viewer(authentication);
        JournalService.Saved saved = journal.update(id, form, viewer);
        if (saved instanceof JournalService.Saved.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(formView(form, invalid.errors(), viewer, id));
        }
        return HttpResponse.seeOther(URI.create("/journal/" + id + "?succes=modifie"));
    }

    /** A field longer than allowed: the form again with that message and the others the rules give, input kept. */
    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElseThrow();
        JournalService.Viewer viewer = viewer(authentication);
        String path = request.getPath();
        if (path.endsWith("/consultations")) {
            ConsultationsForm consultations = request.getBody(ConsultationsForm.class).orElseThrow();
            Shortlist shortlist = consultable(consultations.liste(), authentication);
            return HttpResponse.unprocessableEntity().body(consultationsView(shortlist, consultations, FormErrors.of(exception), viewer));
        }
        JournalEntryForm form = request.getBody(JournalEntryForm.class).orElse(JournalEntryForm.empty());
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(exception));
        journal.problems(form, viewer).forEach(errors::putIfAbsent);
        Long id = path.endsWith("/modifier") ? JournalService.id(path.split("/")[2]).orElse(null) : null;
        if (id != null) {
            editable(id, authentication);
        }
        return HttpResponse.unprocessableEntity().body(formView(form, errors, viewer, id));
    }

    private ModelAndView<Map<String, Object>> formView(JournalEntryForm form, Map<String, String> errors, JournalService.Viewer viewer,
                                                       @Nullable Long entryId) {
        JournalService.Context context = journal.context(form, viewer);
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("context", context);
        model.put("viewer", viewer);
        model.put("entryId", entryId);
        model.put("action", entryId == null ? "/journal" : "/journal/" + entryId + "/modifier");
        model.put("channels", ContactChannel.values());
        model.put("outcomes", ContactOutcome.values());
        model.put("lots", context.line() == null ? List.<ProgrammingLine.Lot>of() : context.line().lots());
        model.put("directionFixed", !viewer.staff() && viewer.direction() != null);
        return new ModelAndView<>(FORM_VIEW, model);
    }

    private JournalService.Row readable(long id, Authentication authentication) {
        try {
            return journal.readable(id, viewer(authentication))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Contact introuvable."));
        } catch (JournalService.Forbidden forbidden) {
            throw new AuthorizationException(authentication);
        }
    }

    private JournalService.Row editable(long id, Authentication authentication) {
        JournalService.Row row = readable(id, authentication);
        if (!row.editable()) {
            throw new AuthorizationException(authentication);
        }
        return row;
    }

    private JournalService.Viewer viewer(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return journal.viewer(user.accountId(), user.displayName(), user.isStaff());
    }
}
