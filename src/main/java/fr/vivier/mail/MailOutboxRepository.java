package fr.vivier.mail;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface MailOutboxRepository extends CrudRepository<OutgoingMail, Long> {

    /** Due mails, locked so that two instances never send the same one. Call inside a transaction. */
    @Query("""
        SELECT * FROM mail_outbox
        WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now
        ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<OutgoingMail> lockDue(Instant now, int limit);

    /** Sent: the body goes (it may hold a live link and personal data); who, what and when stay for the journal. */
    @Query("UPDATE mail_outbox SET sent_at = :now, attempts = attempts + 1, last_error = NULL, body_text = '', body_html = '', attachment_content = NULL WHERE id = :id")
    void markSent(Long id, Instant now);

    @Query("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error WHERE id = :id")
    void markRetry(Long id, Instant next, String error);

    @Query("UPDATE mail_outbox SET attempts = attempts + 1, failed_at = :now, last_error = :error, body_text = '', body_html = '', attachment_content = NULL WHERE id = :id")
    void markFailed(Long id, Instant now, String error);

    @Query("DELETE FROM mail_outbox WHERE lower(recipient) = lower(:recipient)")
    int deleteByRecipient(String recipient);

    @Query("DELETE FROM mail_outbox WHERE sent_at IS NULL AND recipient LIKE :recipientPattern")
    int deleteUnsentTo(String recipientPattern);

    @Query("DELETE FROM mail_outbox WHERE coalesce(sent_at, failed_at) < :before")
    int deleteFinishedBefore(Instant before);
}
