package fr.vivier.sourcing;

import fr.vivier.programming.ProgrammingLine;
import fr.vivier.programming.ProgrammingService;
import fr.vivier.web.CurrentUser;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The sourcing sheet of a programming line (Clichy's « fiche pratique + questionnaire type »): questions, each supplier's
 * answers, a summary. Marked complete, it counts as one « sourcing réalisé ». Staff, and buyers of the line's direction.
 */
@Controller("/fiches-sourcing")
@Secured({"BUYER", "STAFF", "ADMIN"})
class SourcingSheetController {
    static final String VIEW = "sourcing/fiche-sourcing";
    static final String DEFAULT_QUESTIONS = """
        Quelles solutions proposez-vous pour ce besoin ?
        Quels délais et quelles quantités pouvez-vous assurer ?
        Pouvez-vous répondre seul, en groupement ou en sous-traitance ?
        Quelles actions d’insertion ou environnementales pouvez-vous proposer ?
        Qu’est-ce qui vous empêcherait de répondre à la consultation ?""";

    @Introspected
    @Serdeable
    record SheetForm(@Nullable String questions, @Nullable String resume, @Nullable String terminee) { }

    @Introspected
    @Serdeable
    record AnswerForm(@Nullable String nomFournisseur, @Nullable List<String> reponse) { }

    private final SourcingSheetRepository sheets;
    private final ProgrammingService programming;
    private final JournalService journal;
    private final Clock clock;

    SourcingSheetController(SourcingSheetRepository sheets, ProgrammingService programming, JournalService journal, Clock clock) {
        this.sheets = sheets;
        this.programming = programming;
        this.journal = journal;
        this.clock = clock;
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(@PathVariable long id, @Nullable @QueryValue String succes, Authentication authentication) {
        ProgrammingLine line = line(id, authentication);
        Map<String, Object> model = model(line, null, null, Map.of());
        if (succes != null) {
            model.put("success", "La fiche de sourcing est enregistrée.");
        }
        return new ModelAndView<>(VIEW, model);
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(@PathVariable long id, @Body SheetForm form, Authentication authentication) {
        ProgrammingLine line = line(id, authentication);
        Map<String, String> errors = new LinkedHashMap<>();
        String questions = form.questions() == null ? "" : form.questions().strip();
        String summary = form.resume() == null ? "" : form.resume().strip();
        if (questions.isEmpty()) {
            errors.put("questions", "Écrivez au moins une question, une par ligne.");
        } else if (questions.length() > 4000) {
            errors.put("questions", "Les questions ne doivent pas dépasser 4 000 caractères.");
        }
        if (summary.length() > 8000) {
            errors.put("resume", "Le résumé ne doit pas dépasser 8 000 caractères.");
        }
        boolean completed = form.terminee() != null;
        var sheet = sheets.ofLine(id);
        if (completed && summary.isEmpty()) {
            errors.put("resume", "Une fiche terminée a un résumé : écrivez ce que le sourcing a appris.");
        } else if (completed && sheet.map(s -> sheets.answers(s.id()).isEmpty()).orElse(true)) {
            errors.put("terminee", "Une fiche terminée a au moins la réponse d’un fournisseur.");
        }
        if (!errors.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model(line, form, null, errors)));
        }
        CurrentUser user = CurrentUser.of(authentication);
        var viewer = journal.viewer(user.accountId(), user.displayName(), user.isStaff());
        sheets.save(id, user.accountId(), viewer.direction() == null || viewer.staff() ? line.direction() : viewer.direction(), questions, summary,
            completed ? sheet.map(SourcingSheetRepository.Sheet::completedAt).filter(java.util.Objects::nonNull).orElse(clock.instant()) : null,
            clock.instant());
        return HttpResponse.seeOther(URI.create("/fiches-sourcing/" + id + "?succes=1"));
    }

    @Post(value = "/{id}/reponses", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> answer(@PathVariable long id, @Body AnswerForm form, Authentication authentication) {
        ProgrammingLine line = line(id, authentication);
        var sheet = sheets.ofLine(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Enregistrez d’abord la fiche."));
        List<String> questions = sheet.questionList();
        List<String> answers = IntStream.range(0, questions.size())
            .mapToObj(i -> form.reponse() != null && i < form.reponse().size() ? form.reponse().get(i).strip() : "").toList();
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.nomFournisseur() == null ? "" : form.nomFournisseur().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.put("nomFournisseur", "Indiquez le nom de la structure (200 caractères au plus).");
        }
        if (answers.stream().allMatch(String::isEmpty)) {
            errors.put("reponse", "Notez au moins une réponse.");
        } else if (answers.stream().anyMatch(a -> a.length() > 4000)) {
            errors.put("reponse", "Une réponse ne doit pas dépasser 4 000 caractères.");
        }
        if (!errors.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model(line, null, form, errors)));
        }
        sheets.addAnswer(sheet.id(), null, name, answers, clock.instant());
        return HttpResponse.seeOther(URI.create("/fiches-sourcing/" + id + "?succes=1"));
    }

    private Map<String, Object> model(ProgrammingLine line, @Nullable SheetForm sheetForm, @Nullable AnswerForm answerForm,
                                      Map<String, String> errors) {
        var sheet = sheets.ofLine(line.id());
        Map<String, Object> model = new HashMap<>();
        model.put("line", line);
        model.put("sheet", sheet.orElse(null));
        model.put("questions", sheet.map(SourcingSheetRepository.Sheet::questionList).orElse(List.of()));
        model.put("answers", sheet.map(s -> sheets.answers(s.id())).orElse(List.of()));
        model.put("sheetForm", sheetForm != null ? sheetForm : new SheetForm(sheet.map(SourcingSheetRepository.Sheet::questions).orElse(DEFAULT_QUESTIONS),
            sheet.map(SourcingSheetRepository.Sheet::summary).orElse(""), sheet.map(s -> s.completedAt() != null ? "on" : null).orElse(null)));
        model.put("answerForm", answerForm != null ? answerForm : new AnswerForm("", List.of()));
        model.put("errors", errors);
        return model;
    }

    private ProgrammingLine line(long id, Authentication authentication) {
        ProgrammingLine line = programming.find(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Ligne introuvable."));
        CurrentUser user = CurrentUser.of(authentication);
        if (!journal.viewer(user.accountId(), user.displayName(), user.isStaff()).editor().mayEdit(line)) {
            throw new AuthorizationException(authentication);
        }
        return line;
    }
}
