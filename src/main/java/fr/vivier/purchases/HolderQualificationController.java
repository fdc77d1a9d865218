package fr.vivier.purchases;

import fr.vivier.directory.CompanySize;
import fr.vivier.directory.StructureKind;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.FormErrors;
import fr.vivier.web.FrenchFormat;
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
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Staff qualify by hand a holder that is not in the directory (kind, size, ESS, on our territory): the purchases that
 * name it get these attributes, « qualifié à la main », and so will the purchases imported later.
 */
@Controller(PurchaseController.PATH + "/titulaires-a-qualifier/{identifier}")
@Secured({"STAFF", "ADMIN"})
class HolderQualificationController {
    private static final String VIEW = "purchases/agents-titulaire-qualifier";

    private final PurchaseService purchases;

    HolderQualificationController(PurchaseService purchases) {
        this.purchases = purchases;
    }

    @Get
    ModelAndView<Map<String, Object>> form(@PathVariable String identifier) {
        return new ModelAndView<>(VIEW, model(holder(identifier), HolderQualificationForm.empty(), Map.of()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> qualify(@PathVariable String identifier, @Valid @Body HolderQualificationForm form, Authentication authentication) {
        PurchaseRepository.UnmatchedHolder holder = holder(identifier);
        PurchaseService.Qualified qualified = purchases.qualify(holder.identifier(), form, CurrentUser.of(authentication).accountId());
        if (qualified instanceof PurchaseService.Qualified.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model(holder, form, invalid.errors())));
        }
        return HttpResponse.seeOther(URI.create(PurchaseController.PATH + "/titulaires-a-qualifier?succes=qualifie"));
    }

    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        String identifier = request.getPath().substring(request.getPath().lastIndexOf('/') + 1);
        HolderQualificationForm form = request.getBody(HolderQualificationForm.class).orElse(HolderQualificationForm.empty());
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model(holder(identifier), form, FormErrors.of(exception))));
    }

    /** A holder a purchase names and nobody qualified yet; 404 otherwise. */
    private PurchaseRepository.UnmatchedHolder holder(String identifier) {
        return (identifier.matches("[A-Za-z0-9-]{1,40}") ? purchases.unmatchedHolder(identifier) : java.util.Optional.<PurchaseRepository.UnmatchedHolder>empty())
            .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Aucun titulaire à qualifier sous cet identifiant."));
    }

    private static Map<String, Object> model(PurchaseRepository.UnmatchedHolder holder, HolderQualificationForm form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("holder", holder);
        model.put("amount", FrenchFormat.amountHt(holder.amount()));
        model.put("last", FrenchFormat.date(holder.lastNotifiedOn()));
        model.put("form", form);
        model.put("errors", errors);
        model.put("kinds", StructureKind.values());
        model.put("sizes", CompanySize.values());
        return model;
    }
}
