package fr.vivier.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a structure declares about itself, as typed (HTML form, JSON API or CSV import): every path
 * goes through {@link SupplierValidator} and then the same service, so the rules are the same everywhere.
 */
@Serdeable
public record SupplierInput(
    @Nullable String siret,
    @Nullable String name,
    @Nullable String tradeName,
    @Nullable String legalForm,
    @Nullable String size,
    @Nullable String kind,
    @Nullable String communeCode,
    @Nullable List<AreaInput> interventionArea,
    @Nullable List<String> sectors,
    @Nullable List<LabelInput> labels,
    @Nullable String description,
    @Nullable List<String> offers,
    @Nullable List<ReferenceInput> references,
    @Nullable String website,
    @Nullable ContactInput contact,
    @Nullable ConsentsInput consents,
    @Nullable RecontactInput recontactRequest) {

    @Serdeable
    public record AreaInput(@Nullable String type, @Nullable String code) { }

    @Serdeable
    public record LabelInput(@Nullable String code, @Nullable String proof, @Nullable String expiresOn) { }

    @Serdeable
    public record ReferenceInput(@Nullable String client, @Nullable String year, @Nullable String object) { }

    @Serdeable
    public record ContactInput(@Nullable String name, @Nullable String role, @Nullable String email, @Nullable String phone) { }

    @Serdeable
    public record ConsentsInput(boolean publishContact, boolean recontact, boolean alerts) { }

    @Serdeable
    public record RecontactInput(@Nullable String topic, @Nullable String message) { }
}
