package fr.vivier.purchases;

import fr.vivier.sourcing.JournalService;
import fr.vivier.testsupport.Sirets;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Purchases made the way a person enters them, for the tests of other packages. */
public final class TestPurchases {
    private TestPurchases() {
    }

    /** A purchase of {@code direction}, notified on 2 March 2026; returns its id. */
    public static long create(PurchaseService purchases, String direction, long accountId) {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        cells.put(Column.OBJET, "Achat de test");
        cells.put(Column.DIRECTION, direction);
        cells.put(Column.PROCEDURE, "Procédure adaptée");
        cells.put(Column.MONTANT, "1000");
        cells.put(Column.DATE, "02/03/2026");
        cells.put(Column.TITULAIRES, Sirets.next());
        PurchaseService.Entry entry = purchases.enter(PurchaseForm.of(cells, "", List.of()), null, new JournalService.Viewer(accountId, "", true, null));
        return ((PurchaseService.Entry.Saved) entry).id();
    }
}
