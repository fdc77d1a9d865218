package fr.vivier.buyers;

import fr.vivier.accounts.SecurityAudit;
import fr.vivier.accounts.SecurityEvent;
import fr.vivier.shared.ClientAddress;
import fr.vivier.web.CurrentUser;
import fr.vivier.web.PageRenderer;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exports carry personal data (the contacts of consenting structures): each one is written to the security journal
 * (who, from where, how many rows and contacts), and an account gets at most {@code vivier.exports.max-per-hour}.
 */
@Singleton
class ExportJournal {
    static final String TOO_MANY = "Vous avez fait beaucoup d’exports en une heure : pour protéger les coordonnées des "
        + "structures, réessayez un peu plus tard.";

    private final SecurityAudit audit;
    private final ClientAddress clientAddress;
    private final PageRenderer pages;
    private final Clock clock;
    private final int maxPerHour;

    ExportJournal(SecurityAudit audit, ClientAddress clientAddress, PageRenderer pages, Clock clock,
                  @Value("${vivier.exports.max-per-hour:30}") int maxPerHour) {
        this.audit = audit;
        this.clientAddress = clientAddress;
        this.pages = pages;
        this.clock = clock;
        this.maxPerHour = maxPerHour;
    }

    /** The 429 page when the account is over its hourly quota; otherwise journals the export and returns empty. */
    Optional<HttpResponse<?>> refuseOrRecord(HttpRequest<?> request, Authentication authentication, String what, List<SupplierRow> rows) {
        long accountId = CurrentUser.of(authentication).accountId();
        if (audit.countSince(SecurityEvent.CONTACT_EXPORT, accountId, clock.instant().minus(Duration.ofHours(1))) >= maxPerHour) {
            return Optional.of(pages.render(request, HttpStatus.TOO_MANY_REQUESTS, "errors/429", Map.of("message", TOO_MANY)));
        }
        long contacts = rows.stream().filter(row -> row.contactEmail() != null || row.contactPhone() != null).count();
        audit.record(SecurityEvent.CONTACT_EXPORT, accountId, accountId, clientAddress.of(request),
            what + " : " + rows.size() + " structure(s), " + contacts + " coordonnée(s)");
        return Optional.empty();
    }
}
