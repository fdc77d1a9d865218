package fr.vivier.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The French body of every error response that no handler wrote itself: a JSON message under {@code /api/},
 * the French page elsewhere. Used by {@link ErrorBodyFilter} (responses that left a handler without a body)
 * and by {@link FrenchErrorResponseProcessor} (errors detected by the framework: bad parameters, unsupported
 * media types, bodies too large…).
 *
 * <p>There are deliberately no {@code @Error(status = …)} status routes in the portal: Micronaut 4.10 runs a status
 * route through the body-waiting step of the route that failed, and when that route's body had not fully arrived
 * yet, both share one mutable flow that then loops until the heap is full (micronaut-core issue 12940).
 */
@Singleton
public class ErrorResponses {
    private record Text(String title, String message) { }

    private static final Text DEFAULT = new Text("Requête invalide", "La requête envoyée n’a pas pu être comprise.");
    private static final Map<Integer, Text> TEXTS = Map.of(
        400, DEFAULT,
        403, new Text("Accès refusé", "Accès refusé."),
        404, new Text("Page introuvable", "Ressource introuvable."),
        405, new Text("Méthode non autorisée", "Cette adresse n’accepte pas ce type de requête."),
        406, new Text("Format non disponible", "Le format de réponse demandé n’est pas disponible."),
        413, new Text("Envoi trop volumineux", "L’envoi dépasse la taille autorisée."),
        415, new Text("Format non pris en charge", "Le type de contenu envoyé n’est pas pris en charge."),
        429, new Text("Trop de requêtes", "Trop de requêtes : réessayez dans quelques minutes."),
        500, new Text("Erreur du serveur", "Erreur du serveur."),
        503, new Text("Service indisponible", "Le service est momentanément indisponible : réessayez dans quelques minutes."));

    private final PageRenderer pages;

    ErrorResponses(PageRenderer pages) {
        this.pages = pages;
    }

    public static boolean isApi(HttpRequest<?> request) {
        return request.getPath().startsWith("/api/");
    }

    /** Gives the response its French body for its status, keeping status and headers. */
    public MutableHttpResponse<?> withBody(HttpRequest<?> request, MutableHttpResponse<?> response) {
        int code = response.code();
        Text text = TEXTS.getOrDefault(code, code >= 500 ? TEXTS.get(500) : DEFAULT);
        if (isApi(request) || request.getMethod() == HttpMethod.HEAD) {
            return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(Map.of("message", text.message()));
        }
        String view = switch (code) {
            case 403 -> "errors/403";
            case 404, 405 -> "errors/404";
            case 429 -> "errors/429";
            default -> code >= 500 ? "errors/500" : "errors/400";
        };
        Map<String, String> model = view.equals("errors/400") || view.equals("errors/429")
            ? Map.of("heading", text.title(), "message", text.message()) : Map.of();
        MutableHttpResponse<String> page = pages.render(request, HttpStatus.valueOf(code), view, model);
        return response.contentType(page.getContentType().orElse(MediaType.TEXT_HTML_TYPE)).body(page.body());
    }
}
