package fr.vivier.meetings;

import fr.vivier.accounts.Account;
import fr.vivier.accounts.AccountService;
import fr.vivier.accounts.Role;
import fr.vivier.directory.ConsentKind;
import fr.vivier.directory.StructureKind;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierView;
import fr.vivier.mail.MailService;
import fr.vivier.reference.ReferenceData;
import fr.vivier.search.SearchQuery;
import fr.vivier.search.SearchResult;
import fr.vivier.search.SupplierSearch;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Invitations by segment: the published suppliers that supplier search finds for the chosen sectors, kinds and territory,
 * mailed through the outbox with their personal registration link, only those who consented to be contacted by the
 * authority (consent « recontact »), each structure once per event; and the buyers (enabled accounts) of the chosen
 * directions, each once per event, with the event's page where they register once signed in.
 */
@Singleton
public class InvitationService {
    private static final int PAGE = SearchQuery.MAX_PAGE_SIZE;
    /** Elasticsearch pages no deeper than 10 000 hits; a larger segment is to be narrowed. */
    static final int MAX_SEGMENT = 10_000;

    /** The segment as checked: search criteria, or the messages by field. */
    public sealed interface Segment {
        record Valid(List<String> sectors, List<String> kinds, boolean local, List<String> directions) implements Segment {
            /** Staff may invite only buyers: without a supplier criterion, no structure is invited. */
            public boolean invitesSuppliers() {
                return !sectors.isEmpty() || !kinds.isEmpty() || local;
            }
        }
        record Invalid(Map<String, String> errors) implements Segment { }
    }

    /** What sending did: structures mailed, left out for want of consent or contact, already invited; buyers mailed. */
    public record Sent(int mailed, int withoutConsent, int alreadyInvited, int buyers) { }

    private final SupplierSearch search;
    private final AccountService accounts;
    private final SupplierDirectory directory;
    private final MeetingRepository repository;
    private final RegistrationService registrations;
    private final MailService mail;
    private final EventCalendar calendar;
    private final ReferenceData reference;
    private final Clock clock;

    InvitationService(SupplierSearch search, AccountService accounts, SupplierDirectory directory, MeetingRepository repository, RegistrationService registrations,
                      MailService mail, EventCalendar calendar, ReferenceData reference, Clock clock) {
        this.search = search;
        this.accounts = accounts;
        this.directory = directory;
        this.repository = repository;
        this.registrations = registrations;
        this.mail = mail;
        this.calendar = calendar;
        this.reference = reference;
        this.clock = clock;
    }

    InvitationForm formOf(MeetingEvent event) {
        return new InvitationForm(event.audienceSectors(), event.audienceKinds(), event.audienceLocal() ? "oui" : null, List.of());
    }

    /** The directions that have at least one buyer who can sign in, by name. */
    public List<String> directions() {
        return accounts.enabledOfRole(Role.BUYER).stream().map(Account::direction).filter(d -> d != null && !d.isBlank()).map(String::strip)
            .distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    Segment segment(InvitationForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> sectors = form.secteurs() == null ? List.of() : form.secteurs().stream().filter(s -> !s.isBlank()).distinct().toList();
        if (sectors.stream().anyMatch(code -> !reference.sectorExists(code))) {
            errors.put("secteurs", "Choisissez les secteurs dans la liste.");
        }
        List<String> kinds = form.types() == null ? List.of() : form.types().stream().filter(s -> !s.isBlank()).distinct().toList();
        if (kinds.stream().anyMatch(code -> Arrays.stream(StructureKind.Family.values()).noneMatch(f -> f.name().equals(code)))) {
            errors.put("types", "Choisissez les types de structures dans la liste.");
        }
        List<String> directions = form.directions() == null ? List.of() : form.directions().stream().filter(s -> !s.isBlank()).distinct().toList();
        if (!directions().containsAll(directions)) {
            errors.put("directions", "Choisissez les directions dans la liste.");
        }
        if (sectors.isEmpty() && kinds.isEmpty() && !form.local() && directions.isEmpty()) {
            errors.put("secteurs", "Choisissez au moins un critère (secteurs, types de structures, territoire ou directions) : "
                + "l’invitation ne part pas à tout l’annuaire.");
        }
        return errors.isEmpty() ? new Segment.Valid(sectors, kinds, form.local(), directions) : new Segment.Invalid(errors);
    }

    /** How many published structures the segment holds; empty when search is unavailable. */
    public Optional<Long> count(Segment.Valid segment) {
        SearchResult result = search.search(query(segment, 1, 1));
        return result.degraded() ? Optional.empty() : Optional.of(result.total());
    }

    /** Mails the segment's consenting structures not invited yet; empty (nothing sent) when search is unavailable. */
    @Transactional
    public Optional<Sent> send(MeetingEvent event, Segment.Valid segment, long sentBy) {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; segment.invitesSuppliers() && (long) (page - 1) * PAGE < MAX_SEGMENT; page++) {
            SearchResult result = search.search(query(segment, page, PAGE));
            if (result.degraded()) {
                return Optional.empty();
            }
            result.hits().forEach(hit -> ids.add(hit.id()));
            if ((long) page * PAGE >= result.total()) {
                break;
            }
        }
        int mailed = 0;
        int withoutConsent = 0;
        int already = 0;
        for (int from = 0; from < ids.size(); from += PAGE) {
            for (SupplierView view : directory.publishedViews(ids.subList(from, Math.min(ids.size(), from + PAGE)))) {
                if (view.contact() == null || !view.consents().contains(ConsentKind.RECONTACT)) {
                    withoutConsent++;
                } else if (!repository.recordInvitation(event.id(), view.supplier().id(), sentBy, clock.instant())) {
                    already++;
                } else {
                    queue(event, view);
                    mailed++;
                }
            }
        }
        return Optional.of(new Sent(mailed, withoutConsent, already, inviteBuyers(event, segment.directions(), sentBy)));
    }

    private int inviteBuyers(MeetingEvent event, List<String> directions, long sentBy) {
        int mailed = 0;
        for (Account buyer : accounts.enabledOfRole(Role.BUYER)) {
            String direction = buyer.direction() == null ? "" : buyer.direction().strip();
            if (directions.contains(direction) && repository.recordBuyerInvitation(event.id(), buyer.id(), direction, sentBy, clock.instant())) {
                mail.queue(buyer.email(), "Invitation : " + event.title(), "meeting-buyer-invitation", Map.of(
                    "personName", buyer.displayName(),
                    "direction", direction,
                    "eventTitle", event.kind().label() + " — " + event.title(),
                    "when", event.when(),
                    "place", calendar.place(event),
                    "deadline", event.deadlineFrench(),
                    "registrationUrl", mail.baseUrl() + "/connexion?retour=" + PublicEventController.eventPath(event.id())));
                mailed++;
            }
        }
        return mailed;
    }

    @Transactional(readOnly = true)
    public int invited(long eventId) {
        return repository.countInvitations(eventId);
    }

    @Transactional(readOnly = true)
    public int invitedBuyers(long eventId) {
        return repository.countBuyerInvitations(eventId);
    }

    private void queue(MeetingEvent event, SupplierView view) {
        String link = mail.baseUrl() + PublicEventController.eventPath(event.id()) + "?invitation="
            + registrations.invitationToken(event.id(), view.supplier().id()) + "#inscription";
        mail.queue(view.contact().email(), "Invitation : " + event.title(), "meeting-invitation", Map.of(
            "personName", view.contact().name(),
            "supplierName", view.supplier().displayName(),
            "eventTitle", event.kind().label() + " — " + event.title(),
            "when", event.when(),
            "place", calendar.place(event),
            "deadline", event.deadlineFrench(),
            "registrationUrl", link));
    }

    private static SearchQuery query(Segment.Valid segment, int page, int size) {
        return new SearchQuery(null, List.of(), segment.sectors(), List.of(), segment.kinds(), List.of(), null, segment.local(), false,
            SearchQuery.Sort.NAME, page, size);
    }
}
