package fr.vivier.programming;

import fr.vivier.accounts.AccountService;
import fr.vivier.reference.ReferenceData;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.FormErrors;
import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Introspected;
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
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** Staff and buyers manage the programming: list, create, edit, change status, publish. */
@Controller("/agents/programmation")
@Secured({"BUYER", "STAFF", "ADMIN"})
class StaffProgrammingController {
    static final String PATH = "/agents/programmation";
    private static final String FORM_VIEW = "programming/agents-ligne-formulaire";
    private static final String LINE_VIEW = "programming/agents-ligne";
    private static final int PAGE_SIZE = 25;
    private static final Map<String, String> SUCCESS = Map.of(
        "creee", "La ligne est créée.",
        "modifiee", "La ligne est modifiée.",
        "statut", "Le statut de la ligne est changé.",
        "publiee", "La ligne est publiée sur la programmation publique.",
        "depubliee", "La ligne n’est plus publiée.",
        "ajoutee-achat", "La structure est ajoutée à votre achat de moins de 40 000 € HT.",
        "ajoutee-favoris", "La structure est ajoutée à votre liste de favoris.");
    private static final String CHOOSE_A_LIST = "Choisissez une de vos listes.";

    private static final List<List<String>> QUARTERS = List.of(List.of("", "— Choisir —"), List.of("1", "1er trimestre"),
        List.of("2", "2e trimestre"), List.of("3", "3e trimestre"), List.of("4", "4e trimestre"));
    private static final List<List<String>> MONTHS = IntStream.rangeClosed(0, 12).mapToObj(month -> month == 0
        ? List.of("", "— Non précisé —")
        : List.of(String.valueOf(month), java.time.Month.of(month).getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.FRENCH)))
        .toList();

    private final ProgrammingService programming;
    private final BuyerLists lists;
    private final AccountService accounts;
    private final InterestService interests;
    private final LineMatching matching;
    private final ReferenceData reference;
    private final ReferenceData territories;
    private final Clock clock;

    StaffProgrammingController(ProgrammingService programming, BuyerLists lists, InterestService interests, LineMatching matching,
                               AccountService accounts, ReferenceData reference, ReferenceData territories, Clock clock) {
        this.programming = programming;
        this.lists = lists;
        this.accounts = accounts;
        this.interests = interests;
        this.matching = matching;
        this.reference = reference;
        this.territories = territories;
        this.clock = clock;
    }

    @Introspected
    @Serdeable
    record StatusForm(@Size(max = 16) @Nullable String statut,
                      @Size(max = 500, message = "L’adresse de la consultation ne doit pas dépasser 500 caractères.") @Nullable String consultationUrl) { }

    /** A matched or interested structure to add to one of the buyer's lists ({@link BuyerLists.Choice#value()}). */
    @Introspected
    @Serdeable
    record AddToListForm(@Size(max = 20) @Nullable String fournisseur, @Size(max = 40) @Nullable String liste) { }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue String annee, @Nullable @QueryValue String direction,
                                           @Nullable @QueryValue String statut, @Nullable @QueryValue Integer page,
                                           Authentication authentication) {
        Editor editor = editor(authentication);
        Integer year = parseYear(annee);
        LineStatus status = parseStatus(statut);
        int pageNumber = page == null ? 0 : Math.max(0, page);
        LinePage lines = programming.staffList(year, direction, status, editor, pageNumber, PAGE_SIZE);
        String base = PATH + "?annee=" + (year == null ? "" : year) + "&direction=" + encode(direction)
            + "&statut=" + (status == null ? "" : status.name()) + "&page=";
        Map<String, Object> model = new HashMap<>();
        model.put("lines", lines);
        model.put("annee", year == null ? "" : String.valueOf(year));
        model.put("direction", editor.staff() ? (direction == null ? "" : direction) : editor.direction());
        model.put("statut", status == null ? "" : status.name());
        model.put("statuses", LineStatus.values());
        model.put("editor", editor);
        model.put("previousPage", lines.hasPrevious() ? base + (pageNumber - 1) : null);
        model.put("nextPage", lines.hasNext() ? base + (pageNumber + 1) : null);
        return new ModelAndView<>("programming/agents-programmation", model);
    }

    @Get("/nouvelle")
    ModelAndView<Map<String, Object>> newForm(Authentication authentication) {
        Editor editor = editor(authentication);
        return new ModelAndView<>(FORM_VIEW, formModel(LineForm.empty(FrenchFormat.today(clock).getYear() + 1,
            editor.staff() ? "" : editor.direction()), Map.of(), null, editor));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@Valid @Body LineForm form, Authentication authentication) {
        Editor editor = editor(authentication);
        ProgrammingService.Saved saved = programming.create(form, editor);
        if (saved instanceof ProgrammingService.Saved.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(FORM_VIEW, formModel(form, invalid.errors(), null, editor)));
        }
        return HttpResponse.seeOther(URI.create(PATH + "/" + ((ProgrammingService.Saved.Done) saved).id() + "?succes=creee"));
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(@PathVariable long id, @Nullable @QueryValue String succes, Authentication authentication) {
        Editor editor = editor(authentication);
        ProgrammingLine line = editable(id, editor, authentication);
        Map<String, Object> model = lineModel(line, authentication);
        if (succes != null && SUCCESS.containsKey(succes)) {
            model.put("success", SUCCESS.get(succes));
        }
        return new ModelAndView<>(LINE_VIEW, model);
    }

    @Get("/{id}/modifier")
    ModelAndView<Map<String, Object>> editForm(@PathVariable long id, Authentication authentication) {
        Editor editor = editor(authentication);
        ProgrammingLine line = editable(id, editor, authentication);
        return new ModelAndView<>(FORM_VIEW, formModel(LineForm.of(line), Map.of(), line, editor));
    }

    @Post(value = "/{id}/modifier", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(@PathVariable long id, @Valid @Body LineForm form, Authentication authentication) {
        Editor editor = editor(authentication);
        ProgrammingLine line = editable(id, editor, authentication);
        ProgrammingService.Saved saved = programming.update(id, form, editor);
        if (saved instanceof ProgrammingService.Saved.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(FORM_VIEW, formModel(form, invalid.errors(), line, editor)));
        }
        return HttpResponse.seeOther(URI.create(PATH + "/" + id + "?succes=modifiee"));
    }

    @Post(value = "/{id}/statut", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changeStatus(@PathVariable long id, @Valid @Body StatusForm form, Authentication authentication) {
        Editor editor = editor(authentication);
        ProgrammingLine line = editable(id, editor, authentication);
        LineStatus target = parseStatus(form.statut());
        Optional<String> refusal = target == null ? Optional.of("Choisissez le nouveau statut dans la liste.")
            : programming.changeStatus(id, target, form.consultationUrl(), editor);
        if (refusal.isPresent()) {
            Map<String, Object> model = lineModel(line, authentication);
            model.put("statusErrors", Map.of(target == null ? "statut" : "consultationUrl", refusal.get()));
            model.put("statusForm", form);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(LINE_VIEW, model));
        }
        return HttpResponse.seeOther(URI.create(PATH + "/" + id + "?succes=statut"));
    }

    @Post(value = "/{id}/publication", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publish(@PathVariable long id, Authentication authentication) {
        return publication(id, true, authentication);
    }

    @Post(value = "/{id}/depublication", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unpublish(@PathVariable long id, Authentication authentication) {
        return publication(id, false, authentication);
    }

    /** « Ajouter à… »: a structure of the line's page into one of the buyer's own shortlists or favourite lists. */
    @Post(value = "/{id}/ajout-liste", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addToList(@PathVariable long id, @Valid @Body AddToListForm form, Authentication authentication) {
        Editor editor = editor(authentication);
        ProgrammingLine line = editable(id, editor, authentication);
        Long supplierId = form.fournisseur() != null && form.fournisseur().matches("\\d{1,18}") ? Long.valueOf(form.fournisseur()) : null;
        Optional<BuyerLists.Added> added = supplierId == null ? Optional.empty()
            : lists.add(CurrentUser.of(authentication).accountId(), form.liste(), supplierId);
        if (added.isEmpty()) {
            Map<String, Object> model = lineModel(line, authentication);
            model.put("listErrors", supplierId == null ? Map.of() : Map.of(supplierId, CHOOSE_A_LIST));
            model.put("message", CHOOSE_A_LIST);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(LINE_VIEW, model));
        }
        return HttpResponse.seeOther(URI.create(PATH + "/" + id + "?succes=" + (added.get() == BuyerLists.Added.SHORTLIST
            ? "ajoutee-achat" : "ajoutee-favoris")));
    }

    /** The form again with the messages of the constraints (too long, missing), the input kept. */
    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElseThrow();
        Editor editor = editor(authentication);
        String path = request.getPath();
        if (path.endsWith("/statut") || path.endsWith("/ajout-liste")) {
            return HttpResponse.seeOther(URI.create(path.substring(0, path.lastIndexOf('/'))));
        }
        ProgrammingLine line = null;
        if (path.endsWith("/modifier")) {
            long id = Long.parseLong(path.substring(PATH.length() + 1, path.length() - "/modifier".length()));
            line = editable(id, editor, authentication);
        }
        LineForm form = request.getBody(LineForm.class).orElse(LineForm.empty(FrenchFormat.today(clock).getYear(), ""));
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(FORM_VIEW,
            formModel(form, FormErrors.of(exception), line, editor)));
    }

    private HttpResponse<?> publication(long id, boolean published, Authentication authentication) {
        Editor editor = editor(authentication);
        editable(id, editor, authentication);
        programming.setPublished(id, published, editor);
        return HttpResponse.seeOther(URI.create(PATH + "/" + id + "?succes=" + (published ? "publiee" : "depubliee")));
    }

    /** The line if this person may edit it; 404 when it does not exist, 403 for a buyer of another direction. */
    private ProgrammingLine editable(long id, Editor editor, Authentication authentication) {
        ProgrammingLine line = programming.find(id).orElseThrow(() -> new io.micronaut.http.exceptions.HttpStatusException(
            HttpStatus.NOT_FOUND, "Ligne introuvable"));
        if (!editor.mayEdit(line)) {
            throw new AuthorizationException(authentication);
        }
        return line;
    }

    private Editor editor(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        String direction = accounts.find(user.accountId()).map(account -> account.direction()).orElse(null);
        return new Editor(user.accountId(), user.displayName(), user.isStaff(), direction);
    }

    private Map<String, Object> lineModel(ProgrammingLine line, Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("myLists", lists.choices(CurrentUser.of(authentication).accountId()));
        model.put("listErrors", Map.of());
        model.put("line", line);
        model.put("view", LineView.of(line, reference, territories));
        model.put("changes", programming.statusChanges(line.id()));
        model.put("nextStatuses", line.status().next());
        model.put("interested", interests.interested(line));
        model.put("matching", matching.forStaff(line));
        model.put("statusErrors", Map.of());
        model.put("statusForm", new StatusForm("", line.consultationUrl() == null ? "" : line.consultationUrl()));
        return model;
    }

    private Map<String, Object> formModel(LineForm form, Map<String, String> errors, @Nullable ProgrammingLine line, Editor editor) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("line", line);
        model.put("editor", editor);
        model.put("action", line == null ? PATH : PATH + "/" + line.id() + "/modifier");
        model.put("sectorGroups", reference.sectorFamilies());
        model.put("procedures", Vocabulary.Procedure.values());
        model.put("natures", Vocabulary.Nature.values());
        model.put("reservations", Vocabulary.Reservation.values());
        model.put("lotError", java.util.stream.Stream.of("lotObject", "lotSector", "lotAmount").map(errors::get)
            .filter(java.util.Objects::nonNull).findFirst().orElse(null));
        model.put("quarters", QUARTERS);
        model.put("months", MONTHS);
        model.put("lotRows", IntStream.range(0, Math.max(3, Math.min(LineForm.LOT_ROWS, size(form.lotObject()) + 1))).boxed().toList());
        return model;
    }

    private static int size(@Nullable List<String> values) {
        return values == null ? 0 : values.size();
    }

    static @Nullable Integer parseYear(@Nullable String typed) {
        if (typed == null || !typed.strip().matches("20\\d\\d")) {
            return null;
        }
        return Integer.parseInt(typed.strip());
    }

    static @Nullable LineStatus parseStatus(@Nullable String typed) {
        if (typed == null) {
            return null;
        }
        for (LineStatus status : LineStatus.values()) {
            if (status.name().equals(typed.strip())) {
                return status;
            }
        }
        return null;
    }

    private static String encode(@Nullable String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
