package fr.vivier.programming;

import fr.vivier.directory.SupplierSummary;
import fr.vivier.web.CurrentUser;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.session.http.SessionForRequest;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the public page of a line shows around « ça me concerne »: the form for the structure of the session (opened
 * by its emailed link, see directory.space), its current interests, and the co-contracting board, which only
 * structures interested in the line, buyers and staff see.
 */
@Singleton
class InterestBoard {
    /** The session attribute the supplier space sets when a structure opens its emailed link (directory.space). */
    static final String SUPPLIER_ATTRIBUTE = "supplierId";

    private final InterestService interests;

    InterestBoard(InterestService interests) {
        this.interests = interests;
    }

    Optional<SupplierSummary> supplierOf(HttpRequest<?> request) {
        return interests.activeSupplier(SessionForRequest.find(request)
            .flatMap(session -> session.get(SUPPLIER_ATTRIBUTE, Long.class)).orElse(null));
    }

    Map<String, Object> model(HttpRequest<?> request, ProgrammingLine line, InterestForm form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        Optional<SupplierSummary> supplier = supplierOf(request);
        List<Interest> own = supplier.map(s -> interests.ofSupplierOnLine(s.id(), line.id())).orElse(List.of());
        boolean staffOrBuyer = request.getUserPrincipal(Authentication.class).map(CurrentUser::of)
            .map(user -> user.isBuyer() || user.isStaff()).orElse(false);
        model.put("supplier", supplier.orElse(null));
        model.put("ownInterests", own.stream().map(interest -> new OwnInterest(interest,
            InterestService.lotLabel(line, interest.lotId()))).toList());
        model.put("interestForm", form);
        model.put("interestErrors", errors);
        model.put("roles", Vocabulary.InterestRole.values());
        model.put("board", !own.isEmpty() || staffOrBuyer ? interests.board(line) : null);
        return model;
    }

    record OwnInterest(Interest interest, String lotLabel) { }
}
