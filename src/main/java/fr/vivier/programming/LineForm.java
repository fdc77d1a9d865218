package fr.vivier.programming;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

/** A programming line as typed in the staff form; {@link LineValidator} turns it into a {@link LineInput}. */
@Introspected
@Serdeable
public record LineForm(
    @NotBlank(message = "Indiquez l’année de la programmation.")
    @Size(max = 4, message = "L’année s’écrit avec quatre chiffres, par exemple 2027.")
    @Nullable String year,
    @NotBlank(message = "Indiquez la référence de la ligne.")
    @Size(max = 40, message = "La référence ne doit pas dépasser 40 caractères.")
    @Nullable String reference,
    @NotBlank(message = "Indiquez l’objet de l’achat.")
    @Size(max = 300, message = "L’objet ne doit pas dépasser 300 caractères.")
    @Nullable String object,
    @Size(max = 5000, message = "La description ne doit pas dépasser 5 000 caractères.")
    @Nullable String description,
    @Size(max = 160, message = "La direction ne doit pas dépasser 160 caractères.")
    @Nullable String direction,
    @Size(max = 20, message = "Choisissez au plus 20 secteurs.")
    @Nullable List<@Size(max = 80, message = "Choisissez un secteur dans la liste.") String> sectors,
    @Size(max = 200, message = "Les codes CPV ne doivent pas dépasser 200 caractères.")
    @Nullable String cpvCodes,
    @NotBlank(message = "Indiquez le montant estimé en € HT.")
    @Size(max = 30, message = "Le montant estimé doit être un nombre, par exemple 45 000 ou 12 500,50.")
    @Nullable String estimatedAmount,
    @Size(max = 2) @Nullable String expectedQuarter,
    @Size(max = 2) @Nullable String expectedMonth,
    @NotBlank(message = "Choisissez la procédure envisagée.")
    @Size(max = 24, message = "Choisissez la procédure envisagée dans la liste.")
    @Nullable String procedure,
    @NotBlank(message = "Choisissez la nature du marché.")
    @Size(max = 24, message = "Choisissez la nature du marché dans la liste.")
    @Nullable String nature,
    @Size(max = 400, message = "Les lieux d’exécution ne doivent pas dépasser 400 caractères.")
    @Nullable String places,
    @Nullable String socialClause,
    @Nullable String socialCriterion,
    @Size(max = 8, message = "Choisissez la réservation dans la liste.")
    @Nullable String reservation,
    @Nullable String environmentalClause,
    @Nullable String environmentalCriterion,
    @Size(max = 300, message = "Les thèmes environnementaux ne doivent pas dépasser 300 caractères.")
    @Nullable String environmentalThemes,
    @Nullable String variants,
    @Nullable String innovative,
    @Size(max = 200, message = "Le contact ne doit pas dépasser 200 caractères.")
    @Nullable String contact,
    @Size(max = LOT_ROWS) @Nullable List<@Size(max = 300, message = "L’objet d’un lot ne doit pas dépasser 300 caractères.") String> lotObject,
    @Size(max = LOT_ROWS) @Nullable List<@Size(max = 80, message = "Choisissez le secteur du lot dans la liste.") String> lotSector,
    @Size(max = LOT_ROWS) @Nullable List<@Size(max = 30, message = "Le montant d’un lot doit être un nombre.") String> lotAmount) {

    public static final int LOT_ROWS = 10;

    public static LineForm empty(int year, String direction) {
        return new LineForm(String.valueOf(year), "", "", "", direction, List.of(), "", "", "", "", "ADAPTED", "CONTRACT", "",
            null, null, "NONE", null, null, "", null, null, "", List.of(), List.of(), List.of());
    }

    public static LineForm of(ProgrammingLine line) {
        List<String> objects = new ArrayList<>();
        List<String> sectors = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        for (ProgrammingLine.Lot lot : line.lots()) {
            objects.add(lot.object());
            sectors.add(lot.sectors().isEmpty() ? "" : lot.sectors().get(0));
            amounts.add(lot.estimatedAmount() == null ? "" : lot.estimatedAmount().toPlainString().replace('.', ','));
        }
        return new LineForm(String.valueOf(line.year()), line.reference(), line.object(), line.description(), line.direction(),
            line.sectors(), String.join(" ", line.cpvCodes()), line.estimatedAmount().toPlainString().replace('.', ','),
            String.valueOf(line.expectedQuarter()), line.expectedMonth() == null ? "" : String.valueOf(line.expectedMonth()),
            line.procedure().name(), line.nature().name(),
            String.join(" ", line.places().stream().map(Place::code).toList()), flag(line.socialClause()),
            flag(line.socialCriterion()), line.reservation().name(), flag(line.environmentalClause()),
            flag(line.environmentalCriterion()), line.environmentalThemes(), flag(line.variants()), flag(line.innovative()),
            line.contact(), objects, sectors, amounts);
    }

    private static @Nullable String flag(boolean value) {
        return value ? "on" : null;
    }

    static boolean checked(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    public boolean hasSector(String code) {
        return sectors != null && sectors.contains(code);
    }

    public String lotObjectAt(int index) { return row(lotObject, index); }
    public String lotSectorAt(int index) { return row(lotSector, index); }
    public String lotAmountAt(int index) { return row(lotAmount, index); }

    /** The value of lot row {@code index} of one of the lot columns, "" past its end. */
    public static String row(@Nullable List<String> column, int index) {
        return column == null || index >= column.size() || column.get(index) == null ? "" : column.get(index);
    }
}
