package fr.vivier.buyers;

import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierSummary;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.FormErrors;
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
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** « Mes favoris »: named lists of suppliers, one buyer's own. */
@Controller("/favoris")
@Secured({"BUYER", "STAFF", "ADMIN"})
class FavouritesController {
    private static final String LISTS_VIEW = "buyers/favoris";
    private static final String ADD_VIEW = "buyers/favoris-ajouter";
    private static final int PAGE_SIZE = 20;

    private final FavouritesService favourites;
    private final SupplierDirectory directory;

    FavouritesController(FavouritesService favourites, SupplierDirectory directory) {
        this.favourites = favourites;
        this.directory = directory;
    }

    @Introspected
    @Serdeable
    record SupplierForm(@Nullable String fournisseur, @Nullable String liste) { }

    @Get
    ModelAndView<Map<String, Object>> lists(@Nullable @QueryValue Integer page, @Nullable @QueryValue String supprimee,
                                            Authentication authentication) {
        Map<String, Object> model = listsModel(FavouriteListForm.empty(null), Map.of(), page, authentication);
        if (supprimee != null) {
            model.put("success", "La liste a été supprimée.");
        }
        return new ModelAndView<>(LISTS_VIEW, model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@Valid @Body FavouriteListForm form, Authentication authentication) {
        long accountId = CurrentUser.of(authentication).accountId();
        SupplierSummary supplier = form.fournisseur() == null ? null : publishedSupplier(form.fournisseur());
        FavouritesService.Creation creation = favourites.create(accountId, form.name());
        if (creation instanceof FavouritesService.Creation.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(formView(form, invalid.errors(), authentication));
        }
        FavouriteList list = ((FavouritesService.Creation.Created) creation).list();
        if (supplier != null) {
            favourites.add(list, supplier.id());
            return HttpResponse.seeOther(URI.create("/favoris/" + list.id() + "?ajoute=1"));
        }
        return HttpResponse.seeOther(URI.create("/favoris/" + list.id() + "?creee=1"));
    }

    @Error(exception = ConstraintViolationException.class)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException exception) {
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElseThrow();
        FavouriteListForm input = request.getBody(FavouriteListForm.class).orElse(FavouriteListForm.empty(null));
        return HttpResponse.unprocessableEntity().body(formView(input, FormErrors.of(exception), authentication));
    }

    /** « Ajouter à mes favoris », linked from a supplier's profile page. */
    @Get("/ajouter")
    ModelAndView<Map<String, Object>> addForm(@Nullable @QueryValue String fournisseur, Authentication authentication) {
        return new ModelAndView<>(ADD_VIEW, addModel(publishedSupplier(fournisseur), FavouriteListForm.empty(fournisseur), Map.of(), authentication));
    }

    @Post(value = "/ajouter", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(@Body SupplierForm form, Authentication authentication) {
        SupplierSummary supplier = publishedSupplier(form.fournisseur());
        FavouriteList list = parse(form.liste()) == null ? null
            : favourites.owned(parse(form.liste()), CurrentUser.of(authentication).accountId()).orElse(null);
        if (list == null) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(ADD_VIEW, addModel(supplier,
                FavouriteListForm.empty(form.fournisseur()), Map.of("liste", "Choisissez une de vos listes."), authentication)));
        }
        favourites.add(list, supplier.id());
        return HttpResponse.seeOther(URI.create("/favoris/" + list.id() + "?ajoute=1"));
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(@PathVariable long id, @Nullable @QueryValue Integer page, @Nullable @QueryValue String ajoute,
                                           @Nullable @QueryValue String creee, @Nullable @QueryValue String retire,
                                           Authentication authentication) {
        FavouriteList list = owned(id, authentication);
        Map<String, Object> model = new HashMap<>();
        model.put("list", list);
        model.put("entries", favourites.entries(list, page == null || page < 0 ? 0 : page, PAGE_SIZE));
        if (ajoute != null) {
            model.put("success", "Le fournisseur a été ajouté à la liste.");
        } else if (creee != null) {
            model.put("success", "La liste a été créée. Ajoutez-y des fournisseurs depuis leur fiche.");
        } else if (retire != null) {
            model.put("success", "Le fournisseur a été retiré de la liste.");
        }
        return new ModelAndView<>("buyers/favoris-liste", model);
    }

    @Post(value = "/{id}/retrait", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(@PathVariable long id, @Body SupplierForm form, Authentication authentication) {
        FavouriteList list = owned(id, authentication);
        Long supplierId = parse(form.fournisseur());
        if (supplierId != null) {
            favourites.remove(list, supplierId);
        }
        return HttpResponse.seeOther(URI.create("/favoris/" + id + "?retire=1"));
    }

    @Post(value = "/{id}/suppression", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(@PathVariable long id, Authentication authentication) {
        favourites.delete(owned(id, authentication));
        return HttpResponse.seeOther(URI.create("/favoris?supprimee=1"));
    }

    private ModelAndView<Map<String, Object>> formView(FavouriteListForm form, Map<String, String> errors, Authentication authentication) {
        if (form.fournisseur() != null) {
            return new ModelAndView<>(ADD_VIEW, addModel(publishedSupplier(form.fournisseur()), form, errors, authentication));
        }
        return new ModelAndView<>(LISTS_VIEW, listsModel(form, errors, null, authentication));
    }

    private Map<String, Object> listsModel(FavouriteListForm form, Map<String, String> errors, @Nullable Integer page,
                                           Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("lists", favourites.listsOf(CurrentUser.of(authentication).accountId(), page == null || page < 0 ? 0 : page, PAGE_SIZE));
        return model;
    }

    private Map<String, Object> addModel(SupplierSummary supplier, FavouriteListForm form, Map<String, String> errors, Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("supplier", supplier);
        model.put("form", form);
        model.put("errors", errors);
        model.put("lists", favourites.allOf(CurrentUser.of(authentication).accountId()));
        return model;
    }

    private FavouriteList owned(long id, Authentication authentication) {
        FavouriteList list = favourites.find(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Liste introuvable."));
        if (list.accountId() != CurrentUser.of(authentication).accountId()) {
            throw new AuthorizationException(authentication);
        }
        return list;
    }

    private SupplierSummary publishedSupplier(@Nullable String id) {
        Long supplierId = parse(id);
        return (supplierId == null ? Optional.<SupplierSummary>empty() : directory.summary(supplierId)).filter(SupplierSummary::isPublished)
            .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Fournisseur introuvable."));
    }

    private static @Nullable Long parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
