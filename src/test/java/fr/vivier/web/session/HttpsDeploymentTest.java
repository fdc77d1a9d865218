package fr.vivier.web.session;

import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deployed behind TLS (public URL in https), the session cookie is Secure and browsers are told to stay on https. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpsDeploymentTest implements IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.base-url", "https://vivier.demo-sur-loire.example");
    }

    @Test
    void sessionCookieIsSecureAndHstsIsSentWhenThePublicUrlIsHttps() {
        HttpResponse<String> page = new WebClient(server.getURI()).get("/connexion");
        String cookie = page.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase().contains("secure"), cookie);
        assertEquals("max-age=31536000; includeSubDomains", page.headers().firstValue("strict-transport-security").orElseThrow());
    }
}
