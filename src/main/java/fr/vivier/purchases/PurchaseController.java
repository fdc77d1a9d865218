package fr.vivier.purchases;

import fr.vivier.accounts.AccountService;
import fr.vivier.buyers.Shortlist;
import fr.vivier.buyers.ShortlistService;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierSummary;
import fr.vivier.programming.Vocabulary;
import fr.vivier.purchases.PurchaseVocabulary.Source;
import fr.vivier.sourcing.JournalService;
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
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Buyers and staff record what was bought: the list (a buyer sees its own direction's), the entry form (also opened
 * from a < 40 k€ shortlist, supplier, object and date filled in), a record's page; staff also see the holders that
 * are not in the directory.
 */
@Controller(PurchaseController.PATH)
@Secured({"BUYER", "STAFF", "ADMIN"})
class PurchaseController {
    static final String PATH = "/agents/achats";
    private static final String FORM_VIEW = "purchases/agents-achat-formulaire";
    private static final int PAGE_SIZE = 25;

    private final PurchaseService purchases;
    private final AccountService accounts;
    private final ShortlistService shortlists;
    private final SupplierDirectory directory;
    private final Clock clock;

    PurchaseController(PurchaseService purchases, AccountService accounts, ShortlistService shortlists, SupplierDirectory directory,
                       Clock clock) {
        this.purchases = purchases;
        this.accounts = accounts;
        this.shortlists = shortlists;
        this.directory = directory;
        this.clock = clock;
    }

    /** Who is at the page: staff see every direction, a buyer only the direction of its account. */
    record Viewer(long accountId, boolean staff, @Nullable String direction) {
        boolean mayRead(PurchaseRow row) {
            return staff || (direction != null && !direction.isBlank() && direction.strip().equalsIgnoreCase(row.direction().strip()));
        }
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue String annee, @Nullable @QueryValue String direction,
                                           @Nullable @QueryValue String procedure, @Nullable @QueryValue String source,
                                           @Nullable @QueryValue String q, @Nullable @QueryValue Integer page,
                                           @Nullable @QueryValue String succes, Authentication authentication) {
        Viewer viewer = viewer(authentication);
        Integer year = annee != null && annee.strip().matches("20\\d\\d") ? Integer.valueOf(annee.strip()) : null;
        String shownDirection = viewer.staff() ? blankToNull(direction) : viewer.direction() == null ? "\u0000" : viewer.direction();
        String procedureFilter = PurchaseVocabulary.byLabel(Vocabulary.Procedure.values(), Vocabulary.Procedure::label,
            procedure == null ? "" : procedure).map(Enum::name).orElse(null);
        String sourceFilter = PurchaseVocabulary.byLabel(Source.values(), source == null ? "" : source).map(Enum::name).orElse(null);
        int pageNumber = page == null ? 0 : Math.max(0, Math.min(page, 10_000));
        PurchaseService.Page rows = purchases.list(new PurchaseRepository.Filter(year, shownDirection, procedureFilter, sourceFilter,
            blankToNull(q)), pageNumber, PAGE_SIZE);
        String base = PATH + "?annee=" + (year == null ? "" : year) + "&direction=" + encode(viewer.staff() ? direction : null)
            + "&procedure=" + (procedureFilter == null ? "" : procedureFilter) + "&source=" + (sourceFilter == null ? "" : sourceFilter)
            + "&q=" + encode(q) + "&page=";
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("annee", year == null ? "" : String.valueOf(year));
        model.put("direction", viewer.staff() ? (direction == null ? "" : direction) : viewer.direction());
        model.put("procedure", procedureFilter == null ? "" : procedureFilter);
        model.put("source", sourceFilter == null ? "" : sourceFilter);
        model.put("q", q == null ? "" : q);
        model.put("procedures", Vocabulary.Procedure.values());
        model.put("sources", Source.values());
        model.put("staff", viewer.staff());
        model.put("previousPage", rows.hasPrevious() ? base + (pageNumber - 1) : null);
        model.put("nextPage", rows.hasNext() ? base + (pageNumber + 1) : null);
        if ("enregistre".equals(succes)) {
            model.put("success", "L’achat est enregistré.");
        }
        return new ModelAndView<>("purchases/agents-achats", model);
    }

    @Get("/nouveau")
    ModelAndView<Map<String, Object>> newForm(@Nullable @QueryValue String liste, @Nullable @QueryValue String fournisseur,
                                              Authentication authentication) {
        Viewer viewer = viewer(authentication);
        Map<Column, String> cells = new EnumMap<>(Column.class);
        cells.put(Column.DIRECTION, viewer.direction() == null ? "" : viewer.direction());
        cells.put(Column.DATE, FrenchFormat.today(clock).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        String shortlistId = "";
        List<String> ticked = List.of();
        if (liste != null && liste.matches("\\d{1,18}")) {
            Shortlist shortlist = shortlists.readable(Long.parseLong(liste), CurrentUser.of(authentication))
                .orElseThrow(() -> new AuthorizationException(authentication));
            shortlistId = String.valueOf(shortlist.id());
            cells.put(Column.OBJET, shortlist.object());
            cells.put(Column.PROCEDURE, Vocabulary.Procedure.NO_PUBLICITY.name());
            if (fournisseur != null && fournisseur.matches("\\d{1,18}")) {
                long supplierId = Long.parseLong(fournisseur);
                if (shortlists.selectedIds(shortlist).contains(supplierId) || shortlists.proposals(shortlist).stream()
                    .anyMatch(proposal -> proposal.supplierId() == supplierId)) {
                    directory.summary(supplierId).map(SupplierSummary::siret).ifPresent(siret -> cells.put(Column.TITULAIRES, siret));
                }
            }
            long fromShortlist = shortlist.id();
            ticked = purchases.linkableContacts(holderSirets(cells.getOrDefault(Column.TITULAIRES, "")), journalReader(viewer)).stream()
                .filter(contact -> contact.shortlistId() != null && contact.shortlistId() == fromShortlist)
                .map(contact -> String.valueOf(contact.id())).toList();
        }
        return new ModelAndView<>(FORM_VIEW, formModel(PurchaseForm.of(cells, shortlistId, ticked), Map.of(), viewer));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@Valid @Body PurchaseForm form, Authentication authentication) {
        Viewer viewer = viewer(authentication);
        Long shortlistId = null;
        if (form.shortlistId() != null && form.shortlistId().matches("\\d{1,18}")) {
            shortlistId = shortlists.readable(Long.parseLong(form.shortlistId()), CurrentUser.of(authentication))
                .orElseThrow(() -> new AuthorizationException(authentication)).id();
        }
        PurchaseService.Entry entry = purchases.enter(form, shortlistId, journalReader(viewer));
        if (entry instanceof PurchaseService.Entry.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(FORM_VIEW, formModel(form, invalid.errors(), viewer)));
        }
        return HttpResponse.seeOther(URI.create(PATH + "/" + ((PurchaseService.Entry.Saved) entry).id() + "?succes=enregistre"));
    }

    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElseThrow();
        Viewer viewer = viewer(authentication);
        PurchaseForm form = request.getBody(PurchaseForm.class).orElse(PurchaseForm.empty());
        java.util.regex.Matcher edited = java.util.regex.Pattern.compile(PATH + "/(\\d{1,18})/modifier").matcher(request.getPath());
        if (!edited.matches()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(FORM_VIEW, formModel(form, FormErrors.of(exception), viewer)));
        }
        // no exception from an error handler: a record this person may not correct answers its status at once
        Optional<PurchaseRow> row = purchases.find(Long.parseLong(edited.group(1)));
        if (row.isEmpty() || !viewer.mayRead(row.get()) || !PurchaseService.editable(row.get())) {
            return HttpResponse.status(row.isEmpty() ? HttpStatus.NOT_FOUND : viewer.mayRead(row.get()) ? HttpStatus.CONFLICT : HttpStatus.FORBIDDEN);
        }
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(FORM_VIEW, editModel(row.get(), form, FormErrors.of(exception), viewer)));
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(@PathVariable long id, @Nullable @QueryValue String succes, Authentication authentication) {
        Viewer viewer = viewer(authentication);
        PurchaseRow row = purchases.find(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Achat introuvable"));
        if (!viewer.mayRead(row)) {
            throw new AuthorizationException(authentication);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("purchase", row);
        model.put("view", PurchaseView.of(row));
        model.put("contacts", purchases.linkedContacts(row, journalReader(viewer)));
        model.put("editable", PurchaseService.editable(row));
        if ("enregistre".equals(succes)) {
            model.put("success", "L’achat est enregistré.");
        } else if ("modifie".equals(succes)) {
            model.put("success", "L’achat est modifié.");
        }
        return new ModelAndView<>("purchases/agents-achat", model);
    }

    @Get("/{id}/modifier")
    ModelAndView<Map<String, Object>> editForm(@PathVariable long id, Authentication authentication) {
        Viewer viewer = viewer(authentication);
        PurchaseRow row = editable(id, viewer, authentication);
        return new ModelAndView<>(FORM_VIEW, editModel(row, PurchaseForm.ofRecord(row), Map.of(), viewer));
    }

    @Post(value = "/{id}/modifier", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> edit(@PathVariable long id, @Valid @Body PurchaseForm form, Authentication authentication) {
        Viewer viewer = viewer(authentication);
        PurchaseRow row = editable(id, viewer, authentication);
        PurchaseService.Entry entry = purchases.edit(row, form, journalReader(viewer));
        if (entry instanceof PurchaseService.Entry.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(FORM_VIEW, editModel(row, form, invalid.errors(), viewer)));
        }
        return HttpResponse.seeOther(URI.create(PATH + "/" + id + "?succes=modifie"));
    }

    /** A record this person may correct: staff, or a buyer of its direction; one entered in the portal (409 when imported). */
    private PurchaseRow editable(long id, Viewer viewer, Authentication authentication) {
        PurchaseRow row = purchases.find(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Achat introuvable"));
        if (!viewer.mayRead(row)) {
            throw new AuthorizationException(authentication);
        }
        if (!PurchaseService.editable(row)) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Un achat importé se corrige dans son fichier, puis par un nouvel import.");
        }
        return row;
    }

    private Map<String, Object> editModel(PurchaseRow row, PurchaseForm form, Map<String, String> errors, Viewer viewer) {
        Map<String, Object> model = formModel(form, errors, viewer);
        model.put("edited", row);
        model.put("action", PATH + "/" + row.id() + "/modifier");
        return model;
    }

    @Get("/titulaires-a-qualifier")
    @Secured({"STAFF", "ADMIN"})
    ModelAndView<Map<String, Object>> unmatched(@Nullable @QueryValue Integer page, @Nullable @QueryValue String succes) {
        int pageNumber = page == null ? 0 : Math.max(0, Math.min(page, 10_000));
        PurchaseService.Unmatched unmatched = purchases.unmatchedHolders(pageNumber, PAGE_SIZE);
        Map<String, Object> model = new HashMap<>();
        model.put("holders", unmatched.holders().stream().map(holder -> Map.of("identifier", holder.identifier(), "type",
            holder.identifierType(), "purchases", holder.purchases(), "amount", FrenchFormat.amountHt(holder.amount()),
            "last", FrenchFormat.date(holder.lastNotifiedOn()))).toList());
        model.put("total", unmatched.total());
        model.put("previousPage", pageNumber > 0 ? PATH + "/titulaires-a-qualifier?page=" + (pageNumber - 1) : null);
        model.put("nextPage", (long) (pageNumber + 1) * PAGE_SIZE < unmatched.total()
            ? PATH + "/titulaires-a-qualifier?page=" + (pageNumber + 1) : null);
        if ("qualifie".equals(succes)) {
            model.put("success", "Le titulaire est qualifié à la main : ses achats le comptent désormais selon ce que vous avez indiqué.");
        }
        return new ModelAndView<>("purchases/agents-titulaires-a-qualifier", model);
    }

    private Map<String, Object> formModel(PurchaseForm form, Map<String, String> errors, Viewer viewer) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("action", PATH);
        model.put("contacts", purchases.linkableContacts(holderSirets(form.holders()), journalReader(viewer)));
        model.put("errors", errors);
        model.put("staff", viewer.staff());
        model.put("direction", viewer.direction());
        model.put("procedures", Vocabulary.Procedure.values());
        model.put("natures", Vocabulary.Nature.values());
        model.put("reservations", Vocabulary.Reservation.values());
        model.put("categories", PurchaseVocabulary.Category.values());
        model.put("priceForms", PurchaseVocabulary.PriceForm.values());
        model.put("groupKinds", PurchaseVocabulary.GroupKind.values());
        model.put("main", List.of(Column.REFERENCE, Column.OBJET, Column.MONTANT, Column.DATE, Column.DUREE, Column.CPV,
            Column.TITULAIRES, Column.SOUS_TRAITANTS));
        model.put("checks", List.of(Column.CLAUSE_SOCIALE, Column.CRITERE_SOCIAL, Column.CLAUSE_ENV, Column.CRITERE_ENV, Column.VARIANTES,
            Column.SPEC_FONCTIONNELLE, Column.AVANCE, Column.INNOVANT, Column.LABEL, Column.COUT_CYCLE_VIE, Column.REPARABILITE,
            Column.EGALITE, Column.PLAN_EGALITE, Column.PARTICIPATION, Column.GROUPEMENT_COMMANDES));
        model.put("numbers", List.of(Column.THEMES, Column.TAUX_AVANCE, Column.REEMPLOI, Column.HEURES_PREVUES, Column.HEURES_REALISEES,
            Column.SORTIES, Column.LIGNE));
        return model;
    }

    /** The SIRETs typed among the holders (separated by commas, semicolons or new lines, spaces ignored). */
    private static List<String> holderSirets(@Nullable String holders) {
        return holders == null ? List.of() : Arrays.stream(holders.split("[,;\\n]")).map(value -> value.replaceAll("\\s", ""))
            .filter(value -> value.matches("\\d{14}")).distinct().toList();
    }

    /** The person as the sourcing journal reads it: its own contacts and its direction's, or all for staff. */
    private static JournalService.Viewer journalReader(Viewer viewer) {
        return new JournalService.Viewer(viewer.accountId(), "", viewer.staff(),
            viewer.direction() == null || viewer.direction().isBlank() ? null : viewer.direction());
    }

    private Viewer viewer(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        String direction = accounts.find(user.accountId()).map(account -> account.direction()).orElse(null);
        return new Viewer(user.accountId(), user.isStaff(), direction);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String encode(@Nullable String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
