package fr.vivier.directory;

import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.Sirets;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Registered structures for the supplier space tests, each with its own SIRET and contact email. */
final class SupplierFixtures {
    private static final Pattern PROFILE_LINK = Pattern.compile("/mon-profil/([A-Za-z0-9_-]{20,})");

    private SupplierFixtures() {
    }

    record Registered(Supplier supplier, String siret, String email) {
        long id() {
            return supplier.id();
        }
    }

    /** A published ACI of Bondy, ESUS-approved, that agreed to show its contact and to be recontacted (not to alerts). */
    static Registered publishedSupplier(DirectoryService directory) {
        return publishedSupplier(directory, "93010");
    }

    /** The same structure established in another commune (its own commune stays in its intervention area). */
    static Registered publishedSupplier(DirectoryService directory, String communeCode) {
        String siret = Sirets.next();
        String email = "espace-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";
        SupplierInput bondy = input(siret, email);
        SupplierInput input = new SupplierInput(siret, bondy.name(), bondy.tradeName(), bondy.legalForm(), bondy.size(), bondy.kind(),
            communeCode, List.of(new SupplierInput.AreaInput("COMMUNE", communeCode), new SupplierInput.AreaInput("DEPARTEMENT", "93")),
            bondy.sectors(), bondy.labels(), bondy.description(), bondy.offers(), bondy.references(), bondy.website(), bondy.contact(),
            bondy.consents(), null);
        DirectoryService.RegistrationResult result = directory.register(input, "test");
        if (!(result instanceof DirectoryService.RegistrationResult.Registered registered)) {
            throw new IllegalStateException("inscription de test refusée : " + result);
        }
        directory.changeStatus(registered.supplier().id(), SupplierStatus.PUBLISHED, null, "test");
        return new Registered(directory.find(registered.supplier().id()).orElseThrow(), siret, email);
    }

    static SupplierInput input(String siret, String email) {
        return new SupplierInput(siret, "Les Jardins du Canal", "Jardins du Canal", "ASSOCIATION", "TPE", "ACI", "93010",
            List.of(new SupplierInput.AreaInput("COMMUNE", "93010"), new SupplierInput.AreaInput("DEPARTEMENT", "93")),
            List.of("espaces-verts-entretien"),
            List.of(new SupplierInput.LabelInput("agrement-esus", "ESUS-2025-001", "2099-12-31")), "Chantier d’insertion : entretien d’espaces verts.",
            List.of("Tonte et débroussaillage"), List.of(new SupplierInput.ReferenceInput("Ville de Bondy", "2024", "Entretien des parcs")),
            null, new SupplierInput.ContactInput("Camille Martin", "Coordinatrice", email, "01 23 45 67 89"),
            new SupplierInput.ConsentsInput(true, true, false), null);
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
    static java.net.http.HttpResponse<String> openLink(fr.vivier.testsupport.WebClient browser, String link) {
        java.net.http.HttpResponse<String> confirmation = browser.get(link);
        if (confirmation.statusCode() != 200) {
            return confirmation;
        }
        return browser.post(link, java.util.Map.of());
    }

    static long profileLinkMails(String email) {
        return MailCatcher.mailsOf(email).stream().filter(mail -> PROFILE_LINK.matcher(mail.text()).find()).count();
    }
}
