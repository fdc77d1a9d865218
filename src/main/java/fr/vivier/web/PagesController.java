package fr.vivier.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Home page, the statutory pages of the footer and the authority's theme. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class PagesController {
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}");
    private final AuthorityConfiguration authority;

    PagesController(AuthorityConfiguration authority) {
        this.authority = authority;
    }

    @Get
    ModelAndView<Map<String, Object>> home(@Nullable @QueryValue String deconnexion) {
        Map<String, Object> model = new HashMap<>();
        if (deconnexion != null) {
            model.put("success", "Vous êtes déconnecté(e).");
        }
        return new ModelAndView<>("home", model);
    }

    @Get("/accessibilite")
    ModelAndView<Map<String, Object>> accessibility() {
        return new ModelAndView<>("pages/accessibilite", new HashMap<>());
    }

    @Get("/mentions-legales")
    ModelAndView<Map<String, Object>> legalNotice() {
        return new ModelAndView<>("pages/mentions-legales", new HashMap<>());
    }

    @Get("/donnees-personnelles")
    ModelAndView<Map<String, Object>> personalData() {
        return new ModelAndView<>("pages/donnees-personnelles", new HashMap<>());
    }

    /** The authority's colours as CSS variables; only colour values are let through. */
    @Get(value = "/theme.css", produces = "text/css")
    HttpResponse<String> theme() {
        String css = ":root { --couleur-principale: " + safeColor(authority.getPrimaryColor(), "#1d4f91")
            + "; --couleur-accent: " + safeColor(authority.getAccentColor(), "#b3401b") + "; }\n";
        return HttpResponse.ok(css).header("Cache-Control", "public, max-age=300");
    }

    private static String safeColor(String value, String fallback) {
        return value != null && COLOR.matcher(value).matches() ? value : fallback;
    }
}
