package fr.vivier.sourcing;

import fr.vivier.directory.StructureKind;

/** The kind of structure a journal entry is about, as the directory said on the day of the entry; stored by name. */
public enum SupplierFamily {
    SIAE("SIAE"),
    STPA("ESAT, EA (STPA)"),
    ESS("Autre structure de l’ESS"),
    COMPANY("Entreprise (hors ESS)"),
    UNREGISTERED("Hors annuaire");

    private final String label;

    SupplierFamily(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static SupplierFamily of(StructureKind kind) {
        return valueOf(kind.family().name());
    }
}
