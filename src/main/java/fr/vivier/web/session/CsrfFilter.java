package fr.vivier.web.session;

import fr.vivier.web.PageRenderer;
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
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import io.micronaut.http.server.filter.FilterBodyParser;

import java.util.Map;
import java.util.Set;

/**
 * Refuses, with 403, any state-changing request that a browser could send cross-site without a preflight
 * (form-encoded, multipart or text/plain bodies) unless it carries the session's CSRF token. JSON requests
 * cannot be sent cross-site without CORS, which the portal does not allow, so they pass.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class CsrfFilter implements HttpServerFilter {
    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final Set<String> SIMPLE_CONTENT_TYPES = Set.of(
        MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN);

    private final CsrfTokens tokens;
    private final FilterBodyParser bodyParser;
    private final PageRenderer pages;

    CsrfFilter(CsrfTokens tokens, FilterBodyParser bodyParser, PageRenderer pages) {
        this.tokens = tokens;
        this.bodyParser = bodyParser;
        this.pages = pages;
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
        String contentType = request.getContentType().map(MediaType::getName).orElse(MediaType.TEXT_PLAIN);
        if (!SIMPLE_CONTENT_TYPES.contains(contentType)) {
            return chain.proceed(request);
        }
        String header = request.getHeaders().get(CsrfTokens.HEADER);
        if (header != null) {
            return tokens.matches(request, header) ? chain.proceed(request) : Mono.just(refuse(request));
        }
        if (MediaType.MULTIPART_FORM_DATA.equals(contentType)) {
            // file uploads: the body is not parsed here, so the form carries the token in its action URL
            String token = request.getParameters().get(CsrfTokens.FIELD);
            return tokens.matches(request, token) ? chain.proceed(request) : Mono.just(refuse(request));
        }
        if (!MediaType.APPLICATION_FORM_URLENCODED.equals(contentType)) {
            return Mono.just(refuse(request));
        }
        return Mono.fromFuture(bodyParser.parseBody(request))
            .flatMap(form -> validForm(request, form) ? Mono.from(chain.proceed(request)) : Mono.just(refuse(request)));
    }

    private boolean validForm(HttpRequest<?> request, Map<String, Object> form) {
        Object token = form.get(CsrfTokens.FIELD);
        return token != null && tokens.matches(request, token.toString());
    }

    private MutableHttpResponse<?> refuse(HttpRequest<?> request) {
        return pages.render(request, HttpStatus.FORBIDDEN, "errors/403", Map.of(
            "message", "Le formulaire a expiré ou ne provient pas de ce site. Rechargez la page et recommencez."));
    }
}
