package fr.vivier.buyers;

import fr.vivier.web.CurrentUser;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.Map;

/** Where buyers land after signing in: the search, then their latest lists under 40 k€, favourites and saved searches. */
@Controller("/acheteurs")
@Secured({"BUYER", "STAFF", "ADMIN"})
class BuyerHomeController {
    private static final int SHOWN = 3;

    private final ShortlistService shortlists;
    private final FavouritesService favourites;
    private final SavedSearchService searches;

    BuyerHomeController(ShortlistService shortlists, FavouritesService favourites, SavedSearchService searches) {
        this.shortlists = shortlists;
        this.favourites = favourites;
        this.searches = searches;
    }

    @Get
    ModelAndView<Map<String, Object>> home(Authentication authentication) {
        long accountId = CurrentUser.of(authentication).accountId();
        Map<String, Object> model = new HashMap<>();
        model.put("shortlists", shortlists.history(accountId, 0, SHOWN));
        model.put("favourites", favourites.listsOf(accountId, 0, SHOWN));
        model.put("searches", searches.of(accountId, 0, SHOWN));
        return new ModelAndView<>("buyers/acheteurs", model);
    }
}
