package fr.vivier.directory.registration;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierView;
import fr.vivier.reference.ReferenceData;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.FrenchFormat;
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
import java.util.stream.Collectors;

/** Public profile pages of published structures; contact details only for buyers and staff, with consent. */
@Controller("/fournisseurs")
@Secured(SecurityRule.IS_ANONYMOUS)
class ProfileController {
    private final DirectoryService directory;
    private final ReferenceData reference;
    private final java.time.Clock clock;

    ProfileController(DirectoryService directory, ReferenceData reference, java.time.Clock clock) {
        this.clock = clock;
        this.directory = directory;
        this.reference = reference;
    }

    @Get("/{slug}")
    HttpResponse<?> profile(@PathVariable String slug, @Nullable Authentication authentication) {
        return directory.findBySlug(slug).filter(Supplier::isPublished).<HttpResponse<?>>map(supplier -> {
            SupplierView view = directory.view(supplier);
            boolean buyerOrStaff = authentication != null && (CurrentUser.of(authentication).isBuyer() || CurrentUser.of(authentication).isStaff());
            Map<String, Object> model = new HashMap<>();
            model.put("view", view);
            model.put("supplier", supplier);
            model.put("showContact", view.contactVisibleTo(buyerOrStaff));
            model.put("buyerOrStaff", buyerOrStaff);
            model.put("today", FrenchFormat.today(clock));
            model.put("sectorLabels", reference.sectors().stream().collect(Collectors.toMap(s -> s.code(), s -> s.label())));
            model.put("labelNames", reference.labels().stream().collect(Collectors.toMap(l -> l.code(), l -> l.label())));
            model.put("areaNames", view.areas().stream().collect(Collectors.toMap(a -> a.areaType() + ":" + a.areaCode(),
                a -> a.name(reference), (x, y) -> x)));
            return HttpResponse.ok(new ModelAndView<>("directory/registration/fiche", model));
        }).orElseGet(HttpResponse::notFound);
    }

}
