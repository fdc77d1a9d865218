package fr.vivier.accounts;

import fr.vivier.shared.ClientAddress;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.FormErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.util.Map;

/** Administrators invite buyers and staff by email and disable accounts. */
@Controller("/admin/comptes")
@Secured("ADMIN")
class AccountsAdminController {
    private static final String VIEW = "accounts/comptes";
    private static final int PAGE_SIZE = 25;

    private final AccountService accounts;
    private final ClientAddress clientAddress;

    AccountsAdminController(AccountService accounts, ClientAddress clientAddress) {
        this.accounts = accounts;
        this.clientAddress = clientAddress;
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Long invite,
                                           @Nullable @QueryValue Long reinitialisation, @Nullable @QueryValue String statut) {
        Map<String, Object> model = model(page, new InvitationForm("", "", Role.BUYER, ""), Map.of());
        // the banners name the account from the database, never text taken from the address bar
        if (invite != null) {
            accounts.find(invite).ifPresent(a -> model.put("success", "Invitation envoyée à " + a.email() + "."));
        } else if (reinitialisation != null) {
            accounts.find(reinitialisation).ifPresent(a -> model.put("success",
                "Un lien pour choisir un nouveau mot de passe a été envoyé à " + a.email() + "."));
        } else if (statut != null) {
            model.put("success", "Le compte a été mis à jour.");
        }
        return new ModelAndView<>(VIEW, model);
    }

    @Post(value = "/invitations", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> invite(HttpRequest<?> request, @Valid @Body InvitationForm form, Authentication authentication) {
        if (!Role.isInvitable(form.role())) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW,
                model(0, form, Map.of("role", "Choisissez un des rôles proposés."))));
        }
        if (accounts.findByEmail(form.email()).isPresent()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW,
                model(0, form, Map.of("email", "Un compte existe déjà pour cette adresse électronique."))));
        }
        Account admin = currentAccount(authentication);
        Account invited = accounts.invite(form.email(), form.displayName(), form.role(), form.direction(), admin,
            clientAddress.of(request));
        return HttpResponse.seeOther(URI.create("/admin/comptes?invite=" + invited.id()));
    }

    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        InvitationForm input = request.getBody(InvitationForm.class).orElse(new InvitationForm("", "", null, ""));
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model(0, input, FormErrors.of(exception))));
    }

    @Post(value = "/{id}/desactivation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> disable(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        Account admin = currentAccount(authentication);
        if (admin.id() == id) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW,
                withError(model(0, new InvitationForm("", "", Role.BUYER, ""), Map.of()),
                    "Vous ne pouvez pas désactiver votre propre compte.")));
        }
        accounts.setEnabled(id, false, admin, clientAddress.of(request));
        return HttpResponse.seeOther(URI.create("/admin/comptes?statut=desactive"));
    }

    @Post(value = "/{id}/activation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enable(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        accounts.setEnabled(id, true, currentAccount(authentication), clientAddress.of(request));
        return HttpResponse.seeOther(URI.create("/admin/comptes?statut=active"));
    }

    @Post(value = "/{id}/reinitialisation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resetPassword(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        if (!accounts.sendPasswordReset(id, currentAccount(authentication), clientAddress.of(request))) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW,
                withError(model(0, new InvitationForm("", "", Role.BUYER, ""), Map.of()),
                    "Ce compte est introuvable ou désactivé : réactivez-le d’abord.")));
        }
        return HttpResponse.seeOther(URI.create("/admin/comptes?reinitialisation=" + id));
    }

    private Account currentAccount(Authentication authentication) {
        return accounts.findEnabled(CurrentUser.of(authentication).accountId())
            .orElseThrow(() -> new IllegalStateException("compte courant introuvable"));
    }

    private Map<String, Object> model(@Nullable Integer page, InvitationForm form, Map<String, String> errors) {
        int pageNumber = page == null || page < 0 ? 0 : page;
        Page<Account> accountsPage = accounts.list(pageNumber, PAGE_SIZE);
        Map<String, Object> model = new HashMap<>();
        model.put("accounts", accountsPage);
        model.put("form", form);
        model.put("errors", errors);
        model.put("roles", Role.invitable());
        return model;
    }

    private static Map<String, Object> withError(Map<String, Object> model, String message) {
        model.put("message", message);
        return model;
    }
}
