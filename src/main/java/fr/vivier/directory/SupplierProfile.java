package fr.vivier.directory;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A validated, normalised profile, ready to be stored. Built only by {@link SupplierValidator}. */
public record SupplierProfile(
    Siret siret,
    String name,
    @Nullable String tradeName,
    LegalForm legalForm,
    CompanySize size,
    StructureKind kind,
    String communeCode,
    List<Area> areas,
    List<String> sectors,
    List<Label> labels,
    String description,
    List<String> offers,
    List<ClientReference> references,
    @Nullable String website,
    Contact contact,
    Set<ConsentKind> consents,
    @Nullable Recontact recontact) {

    public record Area(AreaType type, String code) { }

    public record ClientReference(String client, @Nullable Integer year, String object) { }

    public record Label(String code, @Nullable String proof, @Nullable LocalDate expiresOn) { }

    public record Contact(String name, @Nullable String role, String email, @Nullable String phone) { }

    public record Recontact(String topic, String message) { }
}
