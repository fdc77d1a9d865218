package fr.vivier.testsupport;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A small browser-like client for page tests: keeps cookies by hand (so tests can look at them and replay
 * old ones), never follows redirects, posts forms with the CSRF token of the last page it read.
 */
public class WebClient {
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private String csrfToken;

    public WebClient(URI baseUrl) {
        this.baseUrl = baseUrl.toString().replaceAll("/$", "");
    }

    public WebClient header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(request(path).GET().build());
        rememberCsrfToken(response);
        return response;
    }

    public Document page(String path) {
        return Jsoup.parse(get(path).body());
    }

    /** Posts a form with the CSRF token read from the last page (like a browser submitting that page's form). */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            withToken.putIfAbsent("_csrf", csrfToken);
        }
        return postRaw(path, withToken);
    }

    public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        rememberCsrfToken(response);
        return response;
    }

    /** Posts a form body written by hand (repeated fields, an exact encoding), without adding the CSRF token. */
    public HttpResponse<String> postFormBody(String path, String body) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Submits a file as a browser submits a multipart form: the CSRF token (when there is one) in the body, then the file.
     * A new connection each time: after refusing an oversized upload, the server does not read the rest of that connection.
     */
    public HttpResponse<String> upload(String path, String csrf, String fileName, String contentType, byte[] content) {
        String boundary = "vivier-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (csrf != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + fileName
            + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = request(path).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return send(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), request, HttpResponse.BodyHandlers.ofString());
    }

    /** A download (CSV, XLSX, JSON) as bytes. */
    public HttpResponse<byte[]> download(String path) {
        return send(http, request(path).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Signs in through the real form; returns the response of the POST. */
    public HttpResponse<String> signIn(String email, String password) {
        get("/connexion");
        return post("/connexion", Map.of("email", email, "password", password));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public String csrfToken() {
        return csrfToken;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
        }
        extraHeaders.forEach(builder::header);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(http, request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            HttpResponse<T> response = client.send(request, handler);
            response.headers().allValues("set-cookie").forEach(this::storeCookie);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void storeCookie(String header) {
        String pair = header.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).trim();
        String value = pair.substring(equals + 1).trim();
        boolean expired = header.toLowerCase().contains("max-age=0") || value.isEmpty();
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private void rememberCsrfToken(HttpResponse<String> response) {
        String contentType = response.headers().firstValue("content-type").orElse("");
        if (contentType.startsWith("text/html")) {
            var input = Jsoup.parse(response.body()).selectFirst("input[name=_csrf]");
            if (input != null) {
                csrfToken = input.attr("value");
            }
        }
    }
}
