package fr.vivier.buyers;

import fr.vivier.reference.Commune;
import fr.vivier.reference.CommuneChoice;
import fr.vivier.reference.ReferenceData;
import fr.vivier.search.FacetLabels;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.FormErrors;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
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
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** « Achat de moins de 40 000 € HT »: state the need, get a shortlist, tick suppliers, download their contacts. */
@Controller("/achats-moins-40k")
@Secured({"BUYER", "STAFF", "ADMIN"})
class ShortlistController {
    private static final String COMMUNE_MISSING = "Indiquez la commune d’exécution (nom ou code postal).";
    private static final String FORM_VIEW = "buyers/achats-moins-40k";
    private static final int HISTORY_PAGE_SIZE = 20;
    static final String UNAVAILABLE = "La recherche est momentanément indisponible : la liste n’a pas pu être proposée. Réessayez dans quelques minutes.";

    private final ShortlistService shortlists;
    private final SupplierExports exports;
    private final ReferenceData reference;
    private final FacetLabels facetLabels;
    private final Clock clock;
    private final ExportJournal journal;

    ShortlistController(ShortlistService shortlists, SupplierExports exports, ReferenceData reference,
                        FacetLabels facetLabels, Clock clock, ExportJournal journal) {
        this.journal = journal;
        this.shortlists = shortlists;
        this.exports = exports;
        this.reference = reference;
        this.facetLabels = facetLabels;
        this.clock = clock;
    }

    @Introspected
    @Serdeable
    record SelectionForm(@Nullable List<String> fournisseur) { }

    @Get
    ModelAndView<Map<String, Object>> form(@Nullable @QueryValue Integer page, Authentication authentication) {
        return new ModelAndView<>(FORM_VIEW, formModel(ShortlistForm.empty(), Map.of(), List.of(), null, page, authentication));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@Valid @Body ShortlistForm form, Authentication authentication) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!reference.sectorExists(form.sector().strip())) {
            errors.put("sector", "Choisissez un secteur d’activité dans la liste.");
        }
        CommuneChoice commune = reference.resolveCommune(form.communeCode(), form.commune(), COMMUNE_MISSING);
        if (commune.error() != null) {
            errors.put("commune", commune.error());
        }
        if (!errors.isEmpty()) {
            ShortlistForm shown = commune.commune() == null ? form : form.withCommune(commune.commune().displayName());
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(FORM_VIEW,
                formModel(shown, errors, commune.candidates(), null, null, authentication)));
        }
        String keywords = form.keywords() == null || form.keywords().isBlank() ? null : form.keywords().strip();
        ShortlistService.Need need = new ShortlistService.Need(form.object().strip(), form.sector().strip(),
            commune.commune().code(), keywords, form.socialFirstChecked());
        Optional<Shortlist> created = shortlists.create(CurrentUser.of(authentication).accountId(), need);
        if (created.isEmpty()) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ModelAndView<>(FORM_VIEW,
                formModel(form, Map.of(), List.of(), UNAVAILABLE, null, authentication)));
        }
        return HttpResponse.seeOther(URI.create("/achats-moins-40k/" + created.get().id()));
    }

    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElseThrow();
        ShortlistForm input = request.getBody(ShortlistForm.class).orElse(ShortlistForm.empty());
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(exception));
        if (errors.containsKey("commune")) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(FORM_VIEW,
                formModel(input, errors, List.of(), null, null, authentication)));
        }
        // the commune, valid as typed, is looked up too: its choice among homonyms is offered or kept
        CommuneChoice commune = reference.resolveCommune(input.communeCode(), input.commune(), COMMUNE_MISSING);
        if (commune.error() != null) {
            errors.put("commune", commune.error());
        }
        ShortlistForm shown = commune.commune() == null ? input : input.withCommune(commune.commune().displayName());
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(FORM_VIEW,
            formModel(shown, errors, commune.candidates(), null, null, authentication)));
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(@PathVariable long id, @Nullable @QueryValue String enregistree, Authentication authentication) {
        Shortlist shortlist = readable(id, authentication);
        List<ShortlistService.Proposal> proposals = shortlists.proposals(shortlist);
        long selected = proposals.stream().filter(ShortlistService.Proposal::selected).count();
        Map<String, Object> model = new HashMap<>();
        model.put("shortlist", shortlist);
        model.put("proposals", proposals);
        model.put("selectedCount", selected);
        boolean fewerThanThree = proposals.size() < ShortlistService.QUOTES_EXPECTED;
        model.put("fewerThanThree", fewerThanThree);
        if (fewerThanThree) {
            shortlists.coveringWithoutKeywords(shortlist).ifPresent(covering -> model.put("coveringWithoutKeywords", covering));
        }
        model.put("owner", shortlist.accountId() == CurrentUser.of(authentication).accountId());
        model.put("sectorLabel", facetLabels.label("sector", shortlist.sector()));
        model.put("communeName", shortlists.communeName(shortlist.commune()));
        if (enregistree != null) {
            model.put("success", selected == 0 ? "Sélection enregistrée : aucun fournisseur retenu."
                : "Sélection enregistrée : " + selected + (selected > 1 ? " fournisseurs retenus." : " fournisseur retenu."));
        }
        return new ModelAndView<>("buyers/achat-moins-40k", model);
    }

    @Post(value = "/{id}/selection", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> select(@PathVariable long id, @Body SelectionForm form, Authentication authentication) {
        Shortlist shortlist = readable(id, authentication);
        if (shortlist.accountId() != CurrentUser.of(authentication).accountId()) {
            throw new AuthorizationException(authentication);
        }
        shortlists.select(shortlist, ids(form.fournisseur()));
        return HttpResponse.seeOther(URI.create("/achats-moins-40k/" + id + "?enregistree=1"));
    }

    @Get("/{id}/export.csv")
    HttpResponse<?> csv(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        return export(request, id, authentication, SpreadsheetFiles::csv, SpreadsheetFiles.CSV_TYPE, "csv");
    }

    @Get("/{id}/export.xlsx")
    HttpResponse<?> xlsx(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        return export(request, id, authentication, SpreadsheetFiles::xlsx, SpreadsheetFiles.XLSX_TYPE, "xlsx");
    }

    private HttpResponse<?> export(HttpRequest<?> request, long id, Authentication authentication,
                                   Function<List<SupplierRow>, byte[]> format, String type, String extension) {
        Shortlist shortlist = readable(id, authentication);
        List<SupplierRow> rows = exports.forSuppliers(shortlists.selectedIds(shortlist));
        return journal.refuseOrRecord(request, authentication, "export " + extension + " de la liste « moins de 40 k€ » " + id, rows)
            .orElseGet(() -> SpreadsheetFiles.download(format.apply(rows), type, "achat-moins-40k-" + id, extension, clock));
    }

    /** The shortlist, or 404 when it does not exist, or 403 (journaled) when it belongs to another buyer. */
    private Shortlist readable(long id, Authentication authentication) {
        if (shortlists.find(id).isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Liste introuvable.");
        }
        return shortlists.readable(id, CurrentUser.of(authentication))
            .orElseThrow(() -> new AuthorizationException(authentication));
    }

    private static List<Long> ids(@Nullable List<String> values) {
        List<Long> ids = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                try {
                    ids.add(Long.parseLong(value.strip()));
                } catch (NumberFormatException e) {
                    // a tampered checkbox value selects nothing
                }
            }
        }
        return ids;
    }

    private Map<String, Object> formModel(ShortlistForm form, Map<String, String> errors, List<Commune> candidates,
                                          @Nullable String message, @Nullable Integer page, Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("communeCandidates", candidates);
        model.put("sectorGroups", reference.sectorFamilies());
        if (message != null) {
            model.put("message", message);
        }
        int pageNumber = page == null || page < 0 ? 0 : page;
        Page<ShortlistService.Summary> history = shortlists.history(CurrentUser.of(authentication).accountId(), pageNumber, HISTORY_PAGE_SIZE);
        model.put("history", history);
        model.put("sectorLabels", sectorLabels(history));
        return model;
    }

    private Map<String, String> sectorLabels(Page<ShortlistService.Summary> history) {
        Map<String, String> labels = new HashMap<>();
        history.getContent().forEach(s -> labels.put(s.shortlist().sector(), facetLabels.label("sector", s.shortlist().sector())));
        return labels;
    }

}
