package fr.vivier.mail;

import fr.vivier.web.LogMasks;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Drains the mail outbox over SMTP. A failed delivery is retried with exponential backoff (30 s, 1 min,
 * 2 min … capped at 1 h) up to the configured number of attempts; rows are locked with SKIP LOCKED so that
 * several instances can run it at once.
 */
@Singleton
public class MailSender {
    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private static final int BATCH = 50;
    private static final Duration DRAIN_BUDGET = Duration.ofSeconds(10);

    private final MailOutboxRepository outbox;
    private final MailConfiguration configuration;
    private final Clock clock;

    MailSender(MailOutboxRepository outbox, MailConfiguration configuration, Clock clock) {
        this.outbox = outbox;
        this.configuration = configuration;
        this.clock = clock;
    }

    /**
     * Each poll sends batch after batch while they come back full, for at most {@link #DRAIN_BUDGET}: a digest run or an
     * invitation queues thousands of mails, and one batch per poll (50 every 2 s) kept a sign-in link queued behind them
     * waiting for minutes. Past the budget the scheduler's thread goes back to its other jobs until the next poll.
     */
    @Scheduled(fixedDelay = "${vivier.mail.poll-interval:2s}", initialDelay = "${vivier.mail.initial-delay:3s}")
    void sendDueMailsOnSchedule() {
        long deadline = System.nanoTime() + DRAIN_BUDGET.toNanos();
        try {
            Batch batch;
            do {
                batch = sendBatch();
            } while (batch.taken() == BATCH && System.nanoTime() < deadline);
        } catch (RuntimeException e) {
            LOG.warn("mail outbox not drained: {}", e.getMessage());
        }
    }

    /** The outbox is a queue, not an archive: finished rows (already without body) go after 90 days. Idempotent on every instance. */
    @Scheduled(fixedDelay = "6h", initialDelay = "5m")
    @Transactional
    void forgetOldMails() {
        outbox.deleteFinishedBefore(clock.instant().minus(Duration.ofDays(90)));
    }

    /** Sends one batch of what is due now; returns how many were delivered. */
    public int sendDueMails() {
        return sendBatch().delivered();
    }

    /** How many due mails a batch took (locked) and how many of them were delivered. */
    record Batch(int taken, int delivered) { }

    /**
     * One SMTP connection for the whole batch: a connection per mail (TCP, greeting, EHLO, STARTTLS with a real relay)
     * held the outbox to about 20 mails a second against the local catcher.
     */
    @Transactional
    Batch sendBatch() {
        List<OutgoingMail> due = outbox.lockDue(clock.instant(), BATCH);
        if (due.isEmpty()) {
            return new Batch(0, 0);
        }
        int delivered = 0;
        Session session = smtpSession();
        try (Transport transport = session.getTransport("smtp")) {
            for (OutgoingMail mail : due) {
                try {
                    if (!transport.isConnected()) {
                        transport.connect(configuration.getSmtpUser().isEmpty() ? null : configuration.getSmtpUser(),
                            configuration.getSmtpUser().isEmpty() ? null : configuration.getSmtpPassword());
                    }
                    Message message = toMessage(session, mail);
                    message.saveChanges();
                    transport.sendMessage(message, message.getAllRecipients());
                    outbox.markSent(mail.id(), clock.instant());
                    delivered++;
                } catch (MessagingException | RuntimeException e) {
                    recordFailure(mail, e);
                    if (isConnectionFailure(e)) {
                        return new Batch(0, delivered); // the server is unreachable: the rest waits for the next poll
                    }
                }
            }
        } catch (MessagingException e) {
            LOG.warn("SMTP connection not closed cleanly: {}", e.getMessage());
        }
        return new Batch(due.size(), delivered);
    }

    private void recordFailure(OutgoingMail mail, Exception e) {
        // SMTP errors often quote the recipient: the log and the outbox keep its domain only
        String error = LogMasks.emails(e.getClass().getSimpleName() + ": " + e.getMessage());
        error = error.length() > 500 ? error.substring(0, 500) : error;
        int attempts = mail.attempts() + 1;
        if (attempts >= configuration.getMaxAttempts()) {
            LOG.error("mail {} abandoned after {} attempts: {}", mail.id(), attempts, error);
            outbox.markFailed(mail.id(), clock.instant(), error);
        } else {
            Duration delay = Duration.ofSeconds(Math.min(3600, 30L << Math.min(attempts - 1, 7)));
            LOG.warn("mail {} not sent (attempt {}), retry in {} s: {}", mail.id(), attempts, delay.toSeconds(), error);
            outbox.markRetry(mail.id(), clock.instant().plus(delay), error);
        }
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private Session smtpSession() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", configuration.getSmtpHost());
        properties.put("mail.smtp.port", String.valueOf(configuration.getSmtpPort()));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        properties.put("mail.smtp.auth", String.valueOf(!configuration.getSmtpUser().isEmpty()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(configuration.isSmtpStarttls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(configuration.isSmtpStarttls()));
        return Session.getInstance(properties);
    }

    private Message toMessage(Session session, OutgoingMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(configuration.getFrom()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(Instant.now(clock)));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.bodyText(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(mail.bodyHtml(), "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (mail.attachmentContent() == null) {
            message.setContent(alternative);
            return message;
        }
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent(mail.attachmentContent(), mail.attachmentType());
        attachment.setFileName(mail.attachmentName());
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(attachment);
        message.setContent(mixed);
        return message;
    }
}
