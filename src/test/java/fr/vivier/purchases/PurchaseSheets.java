package fr.vivier.purchases;

import fr.vivier.sourcing.JournalService;

import java.util.EnumMap;
import java.util.Map;

/** Purchases entered as a person fills the entry form, field by field under the spreadsheet's headers, for other packages' tests. */
public final class PurchaseSheets {
    private PurchaseSheets() {
    }

    /** {@code cells} by the spreadsheet template's header (« objet », « montant_ht », « titulaires »…); returns the record's id. */
    public static long enter(PurchaseService purchases, long accountId, Map<String, String> cells) {
        Map<Column, String> byColumn = new EnumMap<>(Column.class);
        cells.forEach((header, value) -> {
            Column column = java.util.Arrays.stream(Column.values()).filter(c -> c.header().equals(header)).findFirst()
                .orElseThrow(() -> new AssertionError("colonne inconnue : " + header));
            byColumn.put(column, value);
        });
        PurchaseService.Entry entry = purchases.enter(PurchaseForm.of(byColumn, "", java.util.List.of()), null,
            new JournalService.Viewer(accountId, "", true, null));
        if (entry instanceof PurchaseService.Entry.Invalid invalid) {
            throw new AssertionError("achat de test refusé : " + invalid.errors());
        }
        return ((PurchaseService.Entry.Saved) entry).id();
    }
}
