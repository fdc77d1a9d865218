package fr.vivier.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads, through GreenMail's REST API, the mails the portal really sent over SMTP. */
public final class MailCatcher {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Mail(String subject, String text, String html, List<Attachment> attachments) { }

    /** A file joined to a mail, read as text (iCalendar events). */
    public record Attachment(String name, String contentType, String content) { }

    private MailCatcher() {
    }

    /** Waits (up to 15 s) until the recipient has at least {@code count} mails, and returns them. */
    public static List<Mail> awaitMails(String recipient, int count) {
        Instant deadline = Instant.now().plusSeconds(15);
        List<Mail> mails = List.of();
        while (Instant.now().isBefore(deadline)) {
            mails = mailsOf(recipient);
            if (mails.size() >= count) {
                return mails;
            }
            sleep();
        }
        throw new AssertionError("attendu " + count + " courriel(s) pour " + recipient + ", reçu " + mails.size());
    }

    /** Waits (up to 15 s) for a mail to the recipient whose subject contains the given words, and returns it. */
    public static Mail awaitMail(String recipient, String subjectPart) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            for (Mail mail : mailsOf(recipient)) {
                if (mail.subject().contains(subjectPart)) {
                    return mail;
                }
            }
            sleep();
        }
        throw new AssertionError("pas de courriel « " + subjectPart + " » pour " + recipient);
    }

    public static List<Mail> mailsOf(String recipient) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(TestServices.mailCatcherApi() + "/api/user/" + recipient + "/messages/"))
                .timeout(Duration.ofSeconds(5)).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400) {
                return List.of(); // GreenMail knows the address only once it received a mail
            }
            List<Mail> mails = new ArrayList<>();
            for (JsonNode node : JSON.readTree(response.body())) {
                mails.add(parse(node.get("mimeMessage").asText()));
            }
            return mails;
        } catch (Exception e) {
            throw new IllegalStateException("lecture des courriels impossible", e);
        }
    }

    private static Mail parse(String raw) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
            new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
        String[] bodies = {"", ""};
        List<Attachment> attachments = new ArrayList<>();
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            collect(multipart, bodies, attachments);
        } else {
            bodies[0] = content.toString();
        }
        return new Mail(message.getSubject(), bodies[0], bodies[1], attachments);
    }

    /** The text and HTML bodies (in {@code bodies}) and the attachments of a multipart, nested parts included. */
    private static void collect(Multipart multipart, String[] bodies, List<Attachment> attachments) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (BodyPart.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments.add(new Attachment(part.getFileName(), part.getContentType(),
                    new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
            } else if (part.getContent() instanceof Multipart nested) {
                collect(nested, bodies, attachments);
            } else if (part.isMimeType("text/plain")) {
                bodies[0] = part.getContent().toString();
            } else if (part.isMimeType("text/html")) {
                bodies[1] = part.getContent().toString();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("attente des courriels interrompue", e);
        }
    }
}
