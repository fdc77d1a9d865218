package fr.vivier.directory.registration;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierView;
import fr.vivier.web.CurrentUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.Map;

/** Public profile pages of published structures; contact details only for buyers and staff, with consent. */
@Controller("/fournisseurs")
@Secured(SecurityRule.IS_ANONYMOUS)
class ProfileController {
    private final DirectoryService directory;

    ProfileController(DirectoryService directory) {
        this.directory = directory;
    }

    @Get("/{slug}")
    HttpResponse<?> profile(@PathVariable String slug, @Nullable Authentication authentication) {
        return directory.findBySlug(slug).filter(Supplier::isPublished).<HttpResponse<?>>map(supplier -> {
            SupplierView view = directory.view(supplier);
            boolean buyerOrStaff = authentication != null && (CurrentUser.of(authentication).isBuyer() || CurrentUser.of(authentication).isStaff());
            Map<String, Object> model = new HashMap<>();
            model.put("details", directory.details(view));
            model.put("supplier", supplier);
            model.put("showContact", view.contactVisibleTo(buyerOrStaff));
            model.put("buyerOrStaff", buyerOrStaff);
            return HttpResponse.ok(new ModelAndView<>("directory/registration/fiche", model));
        }).orElseGet(HttpResponse::notFound);
    }

}
