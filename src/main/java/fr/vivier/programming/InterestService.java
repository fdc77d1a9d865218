package fr.vivier.programming;

import fr.vivier.directory.ConsentKind;
import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.directory.SupplierSummary;
import fr.vivier.directory.SupplierView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Suppliers' interests in published lines: declare, withdraw, the co-contracting board, the buyers' view. */
@Singleton
public class InterestService {
    private static final Logger LOG = LoggerFactory.getLogger(InterestService.class);
    static final String ALREADY = "Vous avez déjà dit « ça me concerne » pour cette ligne (ou ce lot) : retirez d’abord votre manifestation pour la modifier.";

    private final InterestRepository interests;
    private final SupplierDirectory directory;
    private final Clock clock;

    InterestService(InterestRepository interests, SupplierDirectory directory, Clock clock) {
        this.interests = interests;
        this.directory = directory;
        this.clock = clock;
    }

    /** A supplier of a session may declare interests while its profile is pending or published. */
    public Optional<SupplierSummary> activeSupplier(@Nullable Long supplierId) {
        return supplierId == null ? Optional.empty() : directory.summary(supplierId)
            .filter(s -> s.status() == SupplierStatus.PUBLISHED || s.status() == SupplierStatus.PENDING);
    }

    /** @return the French message of each field in error; empty when the interest is recorded */
    @Transactional
    public Map<String, String> declare(ProgrammingLine line, long supplierId, InterestForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        Vocabulary.InterestRole role = null;
        try {
            role = Vocabulary.InterestRole.valueOf(LineValidator.text(form.role()));
        } catch (IllegalArgumentException e) {
            errors.put("role", "Choisissez comment vous êtes concerné : titulaire, co-traitant ou sous-traitant.");
        }
        Long lotId = null;
        String lot = LineValidator.text(form.lot());
        if (!lot.isEmpty()) {
            lotId = line.lots().stream().filter(l -> String.valueOf(l.id()).equals(lot)).map(ProgrammingLine.Lot::id).findFirst().orElse(null);
            if (lotId == null) {
                errors.put("lot", "Choisissez un lot de cette ligne dans la liste.");
            }
        }
        if (!line.published()) {
            errors.put("role", "Cette ligne n’est plus publiée.");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Optional<Long> id = interests.insert(line.id(), lotId, supplierId, role, LineValidator.text(form.message()),
            form.visibleChecked(), clock.instant());
        if (id.isEmpty()) {
            return Map.of("role", ALREADY);
        }
        LOG.info("interest {} of supplier {} in programming line {}", id.get(), supplierId, line.id());
        return Map.of();
    }

    @Transactional
    public boolean withdraw(long interestId, long supplierId) {
        return interests.withdraw(interestId, supplierId, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<Interest> ofSupplierOnLine(long supplierId, long lineId) {
        return interests.activeOfSupplierOnLine(supplierId, lineId);
    }

    /** An interested supplier as the co-contracting board shows it; the contact only with its publication consent. */
    public record BoardEntry(Interest interest, String supplierName, String kind, String commune, @Nullable String lotLabel,
                             @Nullable String contactName, @Nullable String contactEmail, @Nullable String contactPhone) { }

    /** « Bourse à la co-traitance »: the published suppliers that chose to be visible to the other interested ones. */
    @Transactional(readOnly = true)
    public List<BoardEntry> board(ProgrammingLine line) {
        List<Interest> visible = interests.activeOnLine(line.id()).stream().filter(Interest::visible).toList();
        Map<Long, SupplierView> views = directory.publishedViews(visible.stream().map(Interest::supplierId).distinct().toList())
            .stream().collect(Collectors.toMap(view -> view.supplier().id(), Function.identity()));
        return visible.stream().filter(interest -> views.containsKey(interest.supplierId())).map(interest -> {
            SupplierView view = views.get(interest.supplierId());
            boolean contact = view.contact() != null && view.consents().contains(ConsentKind.PUBLISH_CONTACT);
            return new BoardEntry(interest, view.supplier().displayName(), view.supplier().kind().label(),
                view.commune() == null ? view.supplier().communeCode() : view.commune().displayName(), lotLabel(line, interest.lotId()),
                contact ? view.contact().name() : null, contact ? view.contact().email() : null, contact ? view.contact().phone() : null);
        }).toList();
    }

    /** Every interest on the line with its supplier, for buyers and staff. */
    public record Interested(Interest interest, SupplierSummary supplier, @Nullable String lotLabel) { }

    @Transactional(readOnly = true)
    public List<Interested> interested(ProgrammingLine line) {
        List<Interest> all = interests.activeOnLine(line.id());
        Map<Long, SupplierSummary> suppliers = directory.summaries(all.stream().map(Interest::supplierId).distinct().toList())
            .stream().collect(Collectors.toMap(SupplierSummary::id, Function.identity()));
        return all.stream().filter(interest -> suppliers.containsKey(interest.supplierId()))
            .map(interest -> new Interested(interest, suppliers.get(interest.supplierId()), lotLabel(line, interest.lotId()))).toList();
    }

    static @Nullable String lotLabel(ProgrammingLine line, @Nullable Long lotId) {
        return lotId == null ? null : line.lots().stream().filter(lot -> lot.id() == lotId)
            .map(lot -> "Lot " + lot.number() + " : " + lot.object()).findFirst().orElse(null);
    }
}
