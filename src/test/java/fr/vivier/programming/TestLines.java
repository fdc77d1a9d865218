package fr.vivier.programming;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Programming lines made by each test for itself, with a unique reference. */
public final class TestLines {
    public static final int YEAR = 2027;

    private TestLines() {
    }

    public static final class Draft {
        public String year = String.valueOf(YEAR);
        public String reference = newReference();
        public String object = "Entretien des espaces verts des écoles";
        public String description = "Tonte, taille des haies et désherbage sans produits phytosanitaires.";
        public String direction = "Direction de l’environnement";
        public List<String> sectors = new ArrayList<>(List.of("espaces-verts-entretien"));
        public String cpv = "77310000";
        public String amount = "85 000";
        public String quarter = "2";
        public String month = "";
        public String procedure = "ADAPTED";
        public String nature = "CONTRACT";
        public String places = "93010";
        public String socialClause;
        public String reservation = "NONE";
        public String environmentalClause = "on";
        public List<String> lotObject = new ArrayList<>();
        public List<String> lotSector = new ArrayList<>();
        public List<String> lotAmount = new ArrayList<>();

        public Draft lot(String object, String sector, String amount) {
            lotObject.add(object);
            lotSector.add(sector);
            lotAmount.add(amount);
            return this;
        }

        public LineForm toForm() {
            return new LineForm(year, reference, object, description, direction, sectors, cpv, amount, quarter, month, procedure, nature,
                places, socialClause, null, reservation, environmentalClause, null, "Zéro phyto", null, null,
                "Service des parcs — parcs@est-ensemble.example", lotObject, lotSector, lotAmount);
        }
    }

    public static String newReference() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static Editor staff() {
        return new Editor(null, "Agent de test", true, null);
    }

    public static long create(ProgrammingService programming) {
        return create(programming, draft -> { });
    }

    public static long create(ProgrammingService programming, Consumer<Draft> customiser) {
        Draft draft = new Draft();
        customiser.accept(draft);
        ProgrammingService.Saved saved = programming.create(draft.toForm(), staff());
        if (saved instanceof ProgrammingService.Saved.Invalid invalid) {
            throw new AssertionError("ligne de test invalide : " + invalid.errors());
        }
        return ((ProgrammingService.Saved.Done) saved).id();
    }

    public static long published(ProgrammingService programming, Consumer<Draft> customiser) {
        long id = create(programming, customiser);
        programming.setPublished(id, true, staff());
        return id;
    }
}
