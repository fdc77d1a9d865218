package fr.vivier.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A mail in the outbox: written in the business transaction, sent later by {@link MailSender}. */
@MappedEntity("mail_outbox")
public record OutgoingMail(
    @Id @GeneratedValue @Nullable Long id,
    String recipient,
    String subject,
    String bodyText,
    String bodyHtml,
    String template,
    Instant createdAt,
    int attempts,
    Instant nextAttemptAt,
    @Nullable Instant sentAt,
    @Nullable Instant failedAt,
    @Nullable String lastError,
    @Nullable String attachmentName,
    @Nullable String attachmentType,
    @Nullable String attachmentContent) {
}
