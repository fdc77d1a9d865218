package fr.vivier.programming;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.WebClient;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Published structures, and browsers whose session was opened by the structure's emailed link, as a person would. */
final class SupplierSessions {
    private static final Pattern PROFILE_LINK = Pattern.compile("/mon-profil/([A-Za-z0-9_-]{20,})");

    private SupplierSessions() {
    }

    record Registered(Supplier supplier, String email) { }

    static Registered published(DirectoryService directory, Consumer<TestSuppliers.Draft> customiser) {
        String[] email = new String[1];
        Supplier supplier = TestSuppliers.register(directory, draft -> {
            customiser.accept(draft);
            email[0] = draft.contactEmail;
        });
        directory.changeStatus(supplier.id(), SupplierStatus.PUBLISHED, null, "test");
        return new Registered(directory.find(supplier.id()).orElseThrow(), email[0]);
    }

    /** Asks for the link as the « mon profil » form does, reads it in the mail and opens it. */
    static WebClient open(DirectoryService directory, Registered registered, URI server) {
        directory.requestProfileLink(registered.supplier().siret(), registered.email());
        String link = null;
        for (int received = 1; link == null; received++) {
            for (MailCatcher.Mail mail : MailCatcher.awaitMails(registered.email(), received)) {
                Matcher matcher = PROFILE_LINK.matcher(mail.text());
                if (matcher.find()) {
                    link = matcher.group();
                }
            }
        }
        WebClient browser = new WebClient(server);
        assertEquals(200, browser.get(link).statusCode());
        HttpResponse<String> opened = browser.post(link, Map.of());
        assertEquals(303, opened.statusCode());
        return browser;
    }
}
