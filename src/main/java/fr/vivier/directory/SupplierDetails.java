package fr.vivier.directory;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * What the profile pages show of a supplier (public page, the structure's own page, the staff page), with the
 * reference data's words in place of codes. Rendered by the one fragment views/fragments/supplier.html.
 */
public record SupplierDetails(
    String commune,
    String description,
    List<String> sectors,
    List<String> offers,
    List<Label> labels,
    List<String> areas,
    List<String> references,
    SupplierChildren.@Nullable Contact contact) {

    /** A declared label: its name, where it stands, until when it is valid ("" when it does not expire). */
    public record Label(String code, String name, @Nullable String proof, LabelState state, String expiresOn, String verifiedOn) { }
}
