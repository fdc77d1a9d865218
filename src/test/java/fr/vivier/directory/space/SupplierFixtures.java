package fr.vivier.directory.space;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.WebClient;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Registered structures for the supplier space tests, each with its own SIRET and contact email. */
final class SupplierFixtures {
    private static final Pattern PROFILE_LINK = Pattern.compile("/mon-profil/([A-Za-z0-9_-]{20,})");

    private SupplierFixtures() {
    }

    /** A published supplier and what it was registered with (its SIRET, its contact's email). */
    record Registered(Supplier supplier, TestSuppliers.Draft draft) {
        long id() {
            return supplier.id();
        }

        String siret() {
            return draft.siret;
        }

        String email() {
            return draft.contactEmail;
        }
    }

    /** A published ACI of Bondy, ESUS-approved, that agreed to show its contact and to be recontacted (not to alerts). */
    static Registered publishedSupplier(DirectoryService directory) {
        return publishedSupplier(directory, "93010");
    }

    /** The same structure established in another commune (its own commune stays in its intervention area). */
    static Registered publishedSupplier(DirectoryService directory, String communeCode) {
        TestSuppliers.Draft draft = TestSuppliers.draft(d -> {
            d.name = "Les Jardins du Canal";
            d.tradeName = "Jardins du Canal";
            d.communeCode = communeCode;
            d.areas = List.of(new SupplierInput.AreaInput("COMMUNE", communeCode), new SupplierInput.AreaInput("DEPARTEMENT", "93"));
            d.label("agrement-esus", "ESUS-2025-001", "2099-12-31");
            d.references = List.of(new SupplierInput.ReferenceInput("Ville de Bondy", "2024", "Entretien des parcs"));
        });
        return new Registered(draft.publish(directory), draft);
    }

    /** Waits for the {@code count}-th mail of the recipient holding a profile link, and returns the link's path. */
    static String awaitProfileLink(String email, int count) {
        for (int received = count; ; received++) {
            List<MailCatcher.Mail> mails = MailCatcher.awaitMails(email, received);
            List<String> links = mails.stream().map(mail -> PROFILE_LINK.matcher(mail.text()))
                .filter(Matcher::find).map(matcher -> matcher.group()).toList();
            if (links.size() >= count) {
                return links.get(count - 1);
            }
        }
    }

    /**
     * Follows an emailed link like a person: the page it shows only asks for confirmation (it changes nothing),
     * and the button posts the form that uses the link. Returns the response of that POST.
     */
    static HttpResponse<String> openLink(WebClient browser, String link) {
        HttpResponse<String> confirmation = browser.get(link);
        if (confirmation.statusCode() != 200) {
            return confirmation;
        }
        return browser.post(link, Map.of());
    }

    static long profileLinkMails(String email) {
        return MailCatcher.mailsOf(email).stream().filter(mail -> PROFILE_LINK.matcher(mail.text()).find()).count();
    }
}
