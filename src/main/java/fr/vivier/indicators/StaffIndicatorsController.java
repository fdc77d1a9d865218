package fr.vivier.indicators;

import fr.vivier.buyers.SpreadsheetFiles;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.FormErrors;
import fr.vivier.web.FrenchFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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

/**
 * The SPASER dashboard for staff and buyers: followed indicators with progress to target, quarterly trend, the year
 * before; the catalogue; each indicator's page with its definition and, for staff, its settings; the records behind
 * every number.
 */
@Controller("/agents/indicateurs")
@Secured({"BUYER", "STAFF", "ADMIN"})
class StaffIndicatorsController {
    static final String PATH = "/agents/indicateurs";
    private static final String INDICATOR_VIEW = "indicators/agents-indicateur";

    private final IndicatorCatalogue catalogue;
    private final IndicatorFigures figures;
    private final IndicatorSettings settings;
    private final Viewer.Finder viewers;
    private final Clock clock;

    StaffIndicatorsController(IndicatorCatalogue catalogue, IndicatorFigures figures, IndicatorSettings settings, Viewer.Finder viewers,
                              Clock clock) {
        this.catalogue = catalogue;
        this.figures = figures;
        this.settings = settings;
        this.viewers = viewers;
        this.clock = clock;
    }

    @Get
    HttpResponse<?> dashboard(@Nullable @QueryValue String annee, @Nullable @QueryValue String direction, Authentication authentication) {
        Viewer viewer = viewers.of(authentication);
        Map<String, String> errors = new LinkedHashMap<>();
        int year = Years.year(annee, clock, errors).orElse(FrenchFormat.today(clock).getYear());
        Scope scope = viewer.scope(direction);
        List<Indicator> followed = figures.followed();
        List<Indicator> others = figures.computedIndicators().stream().filter(i -> !followed.contains(i)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("year", year);
        model.put("annee", annee == null ? String.valueOf(year) : annee);
        model.put("errors", errors);
        model.put("viewer", viewer);
        model.put("scope", scope);
        model.put("direction", viewer.staff() ? (direction == null ? "" : direction) : scopeName(scope));
        List<Indicator> shown = new ArrayList<>(followed);
        shown.addAll(others);
        List<IndicatorView> views = figures.views(shown, year, scope); // each source asked once for both lists
        model.put("followed", views.subList(0, followed.size()));
        model.put("others", views.subList(followed.size(), views.size()));
        model.put("notComputed", catalogue.all().size() - figures.computedCodes().size());
        model.put("catalogueSize", catalogue.all().size());
        return HttpResponse.status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
            .body(new ModelAndView<>("indicators/agents-indicateurs", model));
    }

    @Get("/catalogue")
    ModelAndView<Map<String, Object>> catalogue() {
        Map<String, IndicatorSetting> chosen = settings.all();
        Map<String, Object> model = new HashMap<>();
        model.put("themes", Indicator.Theme.values());
        model.put("indicators", catalogue.all());
        model.put("settings", chosen);
        model.put("computed", figures.computedCodes());
        return new ModelAndView<>("indicators/agents-catalogue", model);
    }

    @Get("/{indicateur}")
    ModelAndView<Map<String, Object>> indicator(@PathVariable("indicateur") String code, @Nullable @QueryValue String annee,
                                                @Nullable @QueryValue String direction, @Nullable @QueryValue String succes,
                                                Authentication authentication) {
        Indicator indicator = existing(code);
        Viewer viewer = viewers.of(authentication);
        Map<String, String> errors = new LinkedHashMap<>();
        int year = Years.year(annee, clock, errors).orElse(FrenchFormat.today(clock).getYear());
        Optional<Target> target = settings.targets(code).stream().filter(t -> t.year() == year).findFirst();
        Map<String, Object> model = indicatorModel(indicator, year, viewer, viewer.scope(direction),
            SettingForm.of(settings.of(code), target.orElse(null), year), Map.of());
        if ("1".equals(succes)) {
            model.put("success", "Les réglages de l’indicateur sont enregistrés.");
        }
        return new ModelAndView<>(INDICATOR_VIEW, model);
    }

    @Post(value = "/{indicateur}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"STAFF", "ADMIN"})
    HttpResponse<?> save(@PathVariable("indicateur") String code, @Valid @Body SettingForm form, Authentication authentication) {
        Indicator indicator = existing(code);
        Map<String, String> errors = settings.save(indicator, form, figures.computed(code), CurrentUser.of(authentication).displayName());
        if (!errors.isEmpty()) {
            return invalidForm(indicator, form, errors, authentication);
        }
        String year = form.annee() == null ? "" : form.annee().strip();
        return HttpResponse.seeOther(URI.create(PATH + "/" + code + "?annee=" + year + "&succes=1"));
    }

    /** A field too long: the form again with the input kept. */
    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElseThrow();
        String code = request.getPath().substring(PATH.length() + 1);
        SettingForm form = request.getBody(SettingForm.class).orElse(new SettingForm(null, null, "", "", "", "", ""));
        return invalidForm(existing(code), form, FormErrors.of(exception), authentication);
    }

    @Get("/{indicateur}/enregistrements")
    HttpResponse<?> records(@PathVariable("indicateur") String code, @Nullable @QueryValue String annee, @Nullable @QueryValue String trimestre,
                            @Nullable @QueryValue String partie, @Nullable @QueryValue String direction, @Nullable @QueryValue String page,
                            Authentication authentication) {
        Indicator indicator = existing(code);
        Viewer viewer = viewers.of(authentication);
        Map<String, String> errors = new LinkedHashMap<>();
        int year = Years.year(annee, clock, errors).orElse(FrenchFormat.today(clock).getYear());
        Integer quarter = Years.quarter(trimestre, errors);
        DrillRecord.Part part = Optional.ofNullable(DrillRecord.Part.ofSlug(partie)).orElse(DrillRecord.Part.NUMERATOR);
        Scope scope = viewer.scope(direction);
        Map<String, Object> model = new HashMap<>();
        model.put("indicator", indicator);
        model.put("year", year);
        model.put("quarter", quarter);
        model.put("part", part);
        String directionParameter = scope.wholeAuthority() || !viewer.staff() ? ""
            : "&direction=" + java.net.URLEncoder.encode(scope.direction(), java.nio.charset.StandardCharsets.UTF_8);
        String base = PATH + "/" + code + "/enregistrements?annee=" + year + (quarter == null ? "" : "&trimestre=" + quarter);
        model.put("otherParts", java.util.Arrays.stream(DrillRecord.Part.values()).filter(other -> other != part)
            .map(other -> new DrillRecord.PartLink(other.label(), base + "&partie=" + other.slug() + directionParameter)).toList());
        model.put("scope", scope);
        model.put("scopeName", scopeName(scope));
        model.put("errors", errors);
        DrillRecord.Page records = errors.isEmpty() ? figures.page(code, year, quarter, part, scope, pageNumber(page))
            : new DrillRecord.Page(List.of(), 0, 0);
        model.put("records", records);
        String here = base + "&partie=" + part.slug() + directionParameter;
        model.put("previousPage", records.number() > 0 ? here + "&page=" + (records.number() - 1) : null);
        model.put("nextPage", records.number() + 1 < records.totalPages() ? here + "&page=" + (records.number() + 1) : null);
        model.put("csvUrl", here.replace("/enregistrements?", "/enregistrements.csv?"));
        model.put("xlsxUrl", here.replace("/enregistrements?", "/enregistrements.xlsx?"));
        return HttpResponse.status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
            .body(new ModelAndView<>("indicators/agents-enregistrements", model));
    }

    /** Every record behind the figure, streamed (no cap: the page is paginated, the export is whole). */
    @Get("/{indicateur}/enregistrements.csv")
    HttpResponse<?> recordsCsv(@PathVariable("indicateur") String code, @Nullable @QueryValue String annee, @Nullable @QueryValue String trimestre,
                               @Nullable @QueryValue String partie, @Nullable @QueryValue String direction, Authentication authentication) {
        return export(code, annee, trimestre, partie, direction, authentication, "csv");
    }

    @Get("/{indicateur}/enregistrements.xlsx")
    HttpResponse<?> recordsXlsx(@PathVariable("indicateur") String code, @Nullable @QueryValue String annee, @Nullable @QueryValue String trimestre,
                                @Nullable @QueryValue String partie, @Nullable @QueryValue String direction, Authentication authentication) {
        return export(code, annee, trimestre, partie, direction, authentication, "xlsx");
    }

    private HttpResponse<?> export(String code, @Nullable String annee, @Nullable String trimestre, @Nullable String partie,
                                   @Nullable String direction, Authentication authentication, String extension) {
        existing(code);
        Viewer viewer = viewers.of(authentication);
        Map<String, String> errors = new LinkedHashMap<>();
        int year = Years.year(annee, clock, errors).orElse(FrenchFormat.today(clock).getYear());
        Integer quarter = Years.quarter(trimestre, errors);
        if (!errors.isEmpty()) {
            return HttpResponse.<String>badRequest().contentType(MediaType.TEXT_PLAIN_TYPE).body(String.join("\n", errors.values()));
        }
        DrillRecord.Part part = Optional.ofNullable(DrillRecord.Part.ofSlug(partie)).orElse(DrillRecord.Part.NUMERATOR);
        Scope scope = viewer.scope(direction);
        DrillExport.Records records = each -> figures.forEachRecord(code, year, quarter, part, scope, each);
        boolean csv = extension.equals("csv");
        return HttpResponse.ok(csv ? DrillExport.csv(records) : DrillExport.xlsx(records))
            .contentType(csv ? SpreadsheetFiles.CSV_TYPE : SpreadsheetFiles.XLSX_TYPE)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code.toLowerCase(java.util.Locale.ROOT) + "-" + year + "."
                + extension + "\"");
    }

    private static int pageNumber(@Nullable String page) {
        return page != null && page.strip().matches("\\d{1,6}") ? Integer.parseInt(page.strip()) : 0;
    }

    private HttpResponse<?> invalidForm(Indicator indicator, SettingForm form, Map<String, String> errors, Authentication authentication) {
        Viewer viewer = viewers.of(authentication);
        int year = Years.year(form.annee(), clock, new HashMap<>()).orElse(FrenchFormat.today(clock).getYear());
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(INDICATOR_VIEW,
            indicatorModel(indicator, year, viewer, viewer.scope(null), form, errors)));
    }

    private Map<String, Object> indicatorModel(Indicator indicator, int year, Viewer viewer, Scope scope, SettingForm form,
                                               Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("indicator", indicator);
        model.put("view", figures.view(indicator, year, scope));
        model.put("year", year);
        model.put("viewer", viewer);
        model.put("scopeName", scopeName(scope));
        model.put("form", form);
        model.put("errors", errors);
        model.put("targets", settings.targets(indicator.code()));
        model.put("kinds", Target.Kind.values());
        model.put("measures", Target.Measure.values());
        return model;
    }

    private Indicator existing(String code) {
        return catalogue.find(code).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Indicateur introuvable"));
    }

    static String scopeName(Scope scope) {
        if (scope.wholeAuthority()) {
            return "toute la collectivité";
        }
        return Viewer.NO_DIRECTION.equals(scope.direction()) ? "aucune direction (votre compte n’est rattaché à aucune direction)"
            : scope.direction();
    }
}
