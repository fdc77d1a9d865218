package fr.vivier.accounts;

import fr.vivier.shared.ClientAddress;
import fr.vivier.web.FormErrors;
import fr.vivier.web.session.FormPage;
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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The page an invitation link opens: the invited person chooses a password, once. */
@Controller("/invitation")
@Secured(SecurityRule.IS_ANONYMOUS)
class InvitationController {
    private static final String VIEW = "accounts/mot-de-passe";
    private static final String INVALID_LINK = "accounts/lien-invalide";

    private final AccountService accounts;
    private final ClientAddress clientAddress;

    InvitationController(AccountService accounts, ClientAddress clientAddress) {
        this.accounts = accounts;
        this.clientAddress = clientAddress;
    }

    @Get("/{token}")
    @FormPage
    HttpResponse<?> form(@PathVariable String token) {
        Optional<Account> account = accounts.accountForLink(token);
        if (account.isEmpty()) {
            return HttpResponse.status(HttpStatus.GONE).body(new ModelAndView<>(INVALID_LINK, Map.of()));
        }
        return HttpResponse.ok(new ModelAndView<>(VIEW, model(token, account.get(), Map.of())));
    }

    @Post(value = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> setPassword(HttpRequest<?> request, @PathVariable String token, @Valid @Body PasswordForm form) {
        Optional<Account> account = accounts.accountForLink(token);
        if (account.isEmpty()) {
            return HttpResponse.status(HttpStatus.GONE).body(new ModelAndView<>(INVALID_LINK, Map.of()));
        }
        Map<String, String> errors = new HashMap<>();
        accounts.passwordProblem(form.password(), account.get().email()).ifPresent(problem -> errors.put("password", problem));
        if (errors.isEmpty() && !form.password().equals(form.confirmation())) {
            errors.put("confirmation", "Les deux mots de passe ne sont pas identiques.");
        }
        if (!errors.isEmpty() || !accounts.setPasswordWithLink(token, form.password(), clientAddress.of(request))) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model(token, account.get(), errors)));
        }
        return HttpResponse.seeOther(URI.create("/connexion?bienvenue=1"));
    }

    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        String token = request.getPath().substring(request.getPath().lastIndexOf('/') + 1);
        Optional<Account> account = accounts.accountForLink(token);
        if (account.isEmpty()) {
            return HttpResponse.status(HttpStatus.GONE).body(new ModelAndView<>(INVALID_LINK, Map.of()));
        }
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model(token, account.get(), FormErrors.of(exception))));
    }

    private static Map<String, Object> model(String token, Account account, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put("account", account);
        model.put("errors", errors);
        return model;
    }
}
