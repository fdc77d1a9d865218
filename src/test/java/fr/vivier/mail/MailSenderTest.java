package fr.vivier.mail;

import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.MailCatcher;
import fr.vivier.testsupport.MutableClock;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailSenderTest implements IntegrationTest {
    @Inject
    MailService mail;
    @Inject
    MailOutboxRepository outbox;
    @Inject
    MutableClock clock;
    @Inject
    MailSender sender;

    /** The scheduled sender stays idle here: each test drives the outbox itself, without races. */
    @Override
    public Map<String, String> extraProperties() {
        return Map.of("vivier.mail.poll-interval", "1h", "vivier.mail.initial-delay", "1h");
    }

    private static String recipient() {
        return "courriel-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vivier.example";
    }

    private static Map<String, Object> invitationModel() {
        return Map.of("displayName", "Alix", "invitedBy", "Admin", "roleLabel", "acheteur",
            "expiresOn", "26 novembre 2026", "link", "http://localhost/invitation/x");
    }

    @Test
    void queuedMailIsDeliveredOverSmtpAsTextAndHtml() {
        String to = recipient();
        mail.queue(to, "Essai d’envoi", "invitation", invitationModel());
        assertTrue(sender.sendDueMails() >= 1);
        MailCatcher.Mail received = MailCatcher.awaitMails(to, 1).get(0);
        assertEquals("Essai d’envoi", received.subject());
        assertTrue(received.text().contains("Bonjour Alix"));
        assertTrue(received.html().contains("<strong>Ville de Démo-sur-Loire</strong>"));
    }

    @Test
    void aSentMailKeepsNoBodyAndErasureForgetsTheAddress() {
        String to = recipient();
        mail.queue(to, "Votre lien", "invitation", invitationModel());
        sender.sendDueMails();
        MailCatcher.awaitMails(to, 1);
        OutgoingMail sent = outbox.findAll().stream().filter(m -> m.recipient().equals(to)).findFirst().orElseThrow();
        assertTrue(sent.sentAt() != null);
        assertEquals("", sent.bodyText(), "the link and the personal data are not kept after sending");
        assertEquals("", sent.bodyHtml());

        mail.forget(to.toUpperCase());
        assertTrue(outbox.findAll().stream().noneMatch(m -> m.recipient().equals(to)));
    }

    /** A digest run queues thousands of mails: one poll sends them all, not one batch of 50 every two seconds. */
    @Test
    void onePollSendsEveryDueMailNotJustOneBatch() {
        List<String> recipients = IntStream.range(0, 120).mapToObj(i -> recipient()).toList();
        recipients.forEach(to -> mail.queue(to, "Lettre d’information", "invitation", invitationModel()));

        sender.sendDueMailsOnSchedule();

        Set<String> waiting = outbox.findAll().stream().filter(m -> m.sentAt() == null).map(OutgoingMail::recipient)
            .collect(Collectors.toSet());
        assertTrue(recipients.stream().noneMatch(waiting::contains), "still unsent after one poll: " + waiting.size());
        assertEquals(1, MailCatcher.awaitMails(recipients.get(119), 1).size());
    }

    /** SMTP unreachable: the mail stays in the outbox with its attempt counted, and goes once SMTP is back. */
    @Test
    void mailIsKeptAndRetriedWhileSmtpIsDown() {
        Map<String, Object> down = new HashMap<>(getProperties());
        down.put("vivier.mail.smtp-port", "9");
        String to = recipient();
        try (ApplicationContext broken = ApplicationContext.run(down)) {
            broken.getBean(MailService.class).queue(to, "Pendant la panne", "invitation", invitationModel());
            assertEquals(0, broken.getBean(MailSender.class).sendDueMails());
        }
        OutgoingMail kept = outbox.findAll().stream().filter(m -> m.recipient().equals(to)).findFirst().orElseThrow();
        assertEquals(1, kept.attempts());
        assertTrue(kept.sentAt() == null && kept.failedAt() == null && kept.lastError() != null);
        assertTrue(MailCatcher.mailsOf(to).isEmpty());

        sender.sendDueMails();
        assertTrue(MailCatcher.mailsOf(to).isEmpty(), "not retried before the backoff delay");
        clock.advance(Duration.ofMinutes(1));
        sender.sendDueMails();
        assertEquals("Pendant la panne", MailCatcher.awaitMails(to, 1).get(0).subject());
    }
}
