package fr.vivier.mail;

import fr.vivier.web.AuthorityConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Queues mails. Call it inside the business transaction: the mail then exists if and only if the change
 * does, and it survives an SMTP outage (the sender retries).
 */
@Singleton
public class MailService {
    private final MailOutboxRepository outbox;
    private final MailTemplates templates;
    private final AuthorityConfiguration authority;
    private final String baseUrl;
    private final Clock clock;

    MailService(MailOutboxRepository outbox, MailTemplates templates, AuthorityConfiguration authority,
                @Value("${vivier.base-url}") String baseUrl, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.authority = authority;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** A text file joined to a mail, e.g. an iCalendar event ({@code text/calendar}). */
    public record Attachment(String name, String contentType, String content) { }

    public void queue(String recipient, String subject, String template, Map<String, ?> values) {
        queue(recipient, subject, template, values, null);
    }

    public void queue(String recipient, String subject, String template, Map<String, ?> values, @Nullable Attachment attachment) {
        Map<String, Object> model = new HashMap<>(values);
        model.put("authority", authority);
        model.put("baseUrl", baseUrl);
        model.put("subject", subject);
        outbox.save(new OutgoingMail(null, recipient, subject, templates.text(template, model),
            templates.html(template, model), template, clock.instant(), 0, clock.instant(), null, null, null,
            attachment == null ? null : attachment.name(), attachment == null ? null : attachment.contentType(),
            attachment == null ? null : attachment.content()));
    }

    /** RGPD erasure: every mail to this address, sent or not, leaves the outbox. */
    public void forget(String recipient) {
        outbox.deleteByRecipient(recipient);
    }

    /** Drops the mails not sent yet to addresses of this domain (demonstration data nobody reads). */
    public void discardUnsentTo(String domain) {
        outbox.deleteUnsentTo("%@" + domain);
    }

    public String baseUrl() {
        return baseUrl;
    }
}
