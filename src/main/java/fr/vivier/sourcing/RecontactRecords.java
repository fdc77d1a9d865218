package fr.vivier.sourcing;

import fr.vivier.accounts.AccountService;
import fr.vivier.directory.SupplierProfile;
import fr.vivier.directory.SupplierRecords;
import fr.vivier.web.FrenchFormat;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The recontact requests as records of a supplier: created at registration, following merges, exports and erasure. */
@Singleton
class RecontactRecords implements SupplierRecords {
    private final RecontactRequestRepository requests;
    private final AccountService accounts;
    private final Clock clock;

    RecontactRecords(RecontactRequestRepository requests, AccountService accounts, Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void registered(long supplierId, SupplierProfile profile) {
        if (profile.recontact() != null) {
            requests.save(new RecontactRequest(null, supplierId, profile.recontact().topic(), String.join(" ", profile.sectors()),
                profile.recontact().message(), RecontactRequest.Status.NEW, null, clock.instant(), null, null, null, null));
        }
    }

    @Override
    public Optional<String> merged(long keptId, long duplicateId) {
        int moved = requests.moveToSupplier(duplicateId, keptId);
        return Optional.of(moved + " demande(s) de recontact reprise(s)");
    }

    /** The requests stay for the answer-delay indicator, closed and without the structure's message. */
    @Override
    public void erase(long supplierId) {
        Instant now = clock.instant();
        requests.findBySupplierId(supplierId).forEach(request -> requests.update(new RecontactRequest(request.id(),
            supplierId, request.topic(), request.sectors(), "", RecontactRequest.Status.CLOSED, request.assignedTo(),
            request.createdAt(), request.assignedAt(), request.answeredAt(), now, request.remindedAt())));
    }

    @Override
    public Map<String, Object> export(long supplierId) {
        return Map.of("recontactRequests", requests.findBySupplierId(supplierId));
    }

    @Override
    public StaffSection staffSection(long supplierId) {
        List<Line> lines = requests.findBySupplierId(supplierId).stream()
            .sorted(Comparator.comparing(RecontactRequest::createdAt).reversed())
            .map(request -> new Line(request.topic() + " — demandée le " + FrenchFormat.dateTime(request.createdAt()),
                request.status().label(), request.assignedTo() == null ? null : "suivie par " + assignee(request.assignedTo())))
            .toList();
        return new StaffSection("recontact", "Demandes de recontact", lines, "Aucune demande de recontact.",
            "/agents/demandes-recontact", "Toutes les demandes de recontact");
    }

    private String assignee(long accountId) {
        return RecontactQueueService.agentName(accounts, accountId);
    }
}
