package fr.vivier.web.session;

import fr.vivier.web.ErrorResponses;
import fr.vivier.web.PageRenderer;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.web.router.RouteAttributes;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses, with 403, state-changing requests that may come from another site.
 * <ul>
 * <li>An {@code Origin} header, when a browser sends one, must be the portal's own ({@code vivier.base-url}),
 * whatever the {@code Host} header says.</li>
 * <li>JSON bodies cannot be sent cross-site without a CORS preflight, which the portal never grants: they pass.
 * Every other state-changing request (form, multipart, text, no or unknown content type) must carry the
 * session's CSRF token, in the {@value CsrfTokens#HEADER} header or the {@value CsrfTokens#FIELD} form field
 * (multipart uploads: only to routes marked {@link CsrfTokenInBody}, which check the field themselves).
 * Media types are compared without regard to case, as the body binding does.</li>
 * </ul>
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class CsrfFilter implements HttpServerFilter {
    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final CsrfTokens tokens;
    private final FilterBodyParser bodyParser;
    private final PageRenderer pages;
    private final URI baseUrl;

    CsrfFilter(CsrfTokens tokens, FilterBodyParser bodyParser, PageRenderer pages, @Value("${vivier.base-url}") String baseUrl) {
        this.tokens = tokens;
        this.bodyParser = bodyParser;
        this.pages = pages;
        this.baseUrl = URI.create(baseUrl);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return chain.proceed(request);
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin != null && !isOwnOrigin(origin)) {
            return Mono.just(refuse(request));
        }
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (isJson(mediaType)) {
            return chain.proceed(request);
        }
        String header = request.getHeaders().get(CsrfTokens.HEADER);
        if (header != null) {
            return tokens.matches(request, header) ? chain.proceed(request) : Mono.just(refuse(request));
        }
        if (MediaType.MULTIPART_FORM_DATA.equals(mediaType)) {
            // file uploads: only routes that check the token part of their body themselves accept them
            boolean routeChecksToken = RouteAttributes.getRouteMatch(request)
                .map(route -> route.getRouteInfo().getAnnotationMetadata().hasAnnotation(CsrfTokenInBody.class)).orElse(false);
            return routeChecksToken ? chain.proceed(request) : Mono.just(refuse(request));
        }
        if (!MediaType.APPLICATION_FORM_URLENCODED.equals(mediaType)) {
            return Mono.just(refuse(request));
        }
        return Mono.fromFuture(bodyParser.parseBody(request))
            .flatMap(form -> validForm(request, form) ? Mono.from(chain.proceed(request)) : Mono.just(refuse(request)));
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals(MediaType.APPLICATION_JSON) || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    /**
     * The portal's own origin; in development (base URL on a loopback host) any loopback origin, so that a portal
     * started on another port, or by the tests on a random one, still accepts its own forms.
     */
    private boolean isOwnOrigin(String origin) {
        URI candidate;
        try {
            candidate = URI.create(origin.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (candidate.getScheme() == null || candidate.getHost() == null) {
            return false;
        }
        if (isLoopback(baseUrl.getHost())) {
            return isLoopback(candidate.getHost());
        }
        return candidate.getScheme().equalsIgnoreCase(baseUrl.getScheme())
            && candidate.getHost().equalsIgnoreCase(baseUrl.getHost())
            && port(candidate) == port(baseUrl);
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private boolean validForm(HttpRequest<?> request, Map<String, Object> form) {
        Object token = form.get(CsrfTokens.FIELD);
        return token != null && tokens.matches(request, token.toString());
    }

    private MutableHttpResponse<?> refuse(HttpRequest<?> request) {
        if (ErrorResponses.isApi(request)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of("message", "Requête refusée : elle ne provient pas de ce site."));
        }
        return pages.render(request, HttpStatus.FORBIDDEN, "errors/403", Map.of("message", CsrfTokens.REFUSED));
    }
}
