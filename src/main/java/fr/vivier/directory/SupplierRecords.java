package fr.vivier.directory;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records another feature keeps about a supplier (the recontact requests of sourcing; later its journal). The
 * directory does not know those features: it calls every bean of this type, within its own transaction, when a
 * structure registers, when a duplicate profile is merged, when the structure exports or erases its data, and
 * when staff open its page. So features depend on the directory, never the other way round.
 */
public interface SupplierRecords {
    /** What the structure asked for when registering, beyond its profile (« je souhaite être recontacté »). */
    void registered(long supplierId, SupplierProfile profile);

    /** The duplicate's records now belong to the kept profile; what moved, in French, for the history (empty if nothing). */
    Optional<String> merged(long keptId, long duplicateId);

    /** RGPD erasure: the personal data these records hold go; what the authority must keep stays, anonymous. */
    void erase(long supplierId);

    /** These records in the structure's RGPD export, by name. */
    Map<String, Object> export(long supplierId);

    /** The section of the staff page of the profile that shows these records. */
    StaffSection staffSection(long supplierId);

    /** What the structure itself sees of these records in its own space (opened by its emailed link); none by default. */
    default Optional<StaffSection> supplierSection(long supplierId) {
        return Optional.empty();
    }

    /** A titled list with a link to the feature's own page; {@code id} names the section for the page's anchors. */
    record StaffSection(String id, String title, List<Line> lines, String whenEmpty, @Nullable String link, @Nullable String linkText) { }

    /** One record: what it is, its status as a tag, and a note after it. */
    record Line(String text, @Nullable String status, @Nullable String note) { }
}
