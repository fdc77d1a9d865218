package fr.vivier.meetings.speed;

import fr.vivier.mail.MailService;
import fr.vivier.meetings.EventService;
import fr.vivier.meetings.MeetingEvent;
import fr.vivier.meetings.Participant;
import fr.vivier.meetings.Registration;
import fr.vivier.web.ServerKeys;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Suppliers have no account: each registered supplier of a speed-meeting gets by mail a personal link, signed with the
 * registration id, to the page where it chooses the buyers it wants to meet.
 */
@Singleton
class SupplierWishLinks {
    static final String KEY = "meeting-wishes";

    private final ServerKeys keys;
    private final MailService mail;
    private final WishService wishes;

    SupplierWishLinks(ServerKeys keys, MailService mail, WishService wishes) {
        this.keys = keys;
        this.mail = mail;
        this.wishes = wishes;
    }

    String path(Registration registration, long eventId) {
        return "/rencontres/" + eventId + "/souhaits-fournisseur/" + registration.id() + "/"
            + keys.sign(KEY, String.valueOf(registration.id()).getBytes(StandardCharsets.UTF_8));
    }

    /** The confirmed supplier registration the link names, when the portal signed it. */
    @Transactional(readOnly = true)
    Optional<Registration> verified(long eventId, long registrationId, String signature) {
        if (!signature.matches("[0-9a-f]{64}")
            || !keys.verify(KEY, String.valueOf(registrationId).getBytes(StandardCharsets.UTF_8), signature)) {
            return Optional.empty();
        }
        return Optional.ofNullable(wishes.confirmed(eventId).get(registrationId)).filter(r -> r.participant() == Participant.SUPPLIER);
    }

    /** Mails each confirmed supplier of the event its link, through the outbox; how many were mailed. */
    @Transactional
    int mailAll(MeetingEvent event) {
        List<Registration> suppliers = wishes.confirmed(event.id()).values().stream()
            .filter(r -> r.participant() == Participant.SUPPLIER).toList();
        for (Registration supplier : suppliers) {
            mail.queue(supplier.email(), "Speed-meeting : choisissez qui rencontrer — " + event.title(), "meeting-wishes", Map.of(
                "personName", supplier.personName(),
                "supplierName", supplier.organisation(),
                "eventTitle", event.title(),
                "when", event.when(),
                "wishesUrl", mail.baseUrl() + path(supplier, event.id())));
        }
        return suppliers.size();
    }
}
