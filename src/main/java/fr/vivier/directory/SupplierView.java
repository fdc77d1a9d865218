package fr.vivier.directory;

import fr.vivier.reference.Commune;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Set;

/** A supplier with everything a profile page shows. */
public record SupplierView(
    Supplier supplier,
    @Nullable Commune commune,
    List<String> sectors,
    List<SupplierChildren.LabelRow> labels,
    List<SupplierChildren.Area> areas,
    List<String> offers,
    List<SupplierProfile.ClientReference> references,
    SupplierChildren.@Nullable Contact contact,
    Set<ConsentKind> consents) {

    /** Contact details reach buyers and staff only, and only with the structure's consent. */
    public boolean contactVisibleTo(boolean buyerOrStaff) {
        return buyerOrStaff && contact != null && consents.contains(ConsentKind.PUBLISH_CONTACT);
    }
}
