package fr.vivier.bench;

import fr.vivier.testsupport.Sirets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes a DECP 2.0 file of N contracts (seeded, repeatable) for {@code ./vivier bench decp}: realistic fields, a
 * modification on one contract in five, a subcontractor on one in ten, holders drawn from a pool of 5 000 SIRETs.
 * Usage: DecpGenerator N FILE [SEED].
 */
public final class DecpGenerator {
    private static final String[] PROCEDURES = {"Procédure adaptée", "Appel d'offres ouvert", "Appel d'offres restreint",
        "Procédure avec négociation", "Marché passé sans publicité ni mise en concurrence préalable", "Dialogue compétitif"};
    private static final String[] CPV = {"45000000", "77310000", "90910000", "30192000", "55524000", "79710000", "34144900"};
    private static final String[] SOCIAL = {"\"Pas de considération sociale\"", "\"Clause sociale\"", "\"Critère social\"",
        "\"Clause sociale\", \"Critère social\"", "\"Marché réservé\""};
    private static final String[] ENVIRONMENTAL = {"\"Pas de considération environnementale\"", "\"Clause environnementale\"",
        "\"Critère environnemental\""};

    private DecpGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42L);
        String[] holders = new String[5_000];
        for (int i = 0; i < holders.length; i++) {
            holders[i] = Sirets.next();
        }
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            out.write("{\"marches\": {\"marche\": [\n");
            for (int i = 0; i < count; i++) {
                LocalDate notified = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(365 * 5));
                int amount = 5_000 + random.nextInt(2_000_000);
                out.write(i == 0 ? "" : ",\n");
                out.write("""
                    {"id": "BENCH%08d", "acheteur": {"id": "21930010400018"}, "nature": "Marché", "objet": "Marché de banc d'essai n°%d",
                     "codeCPV": "%s", "procedure": "%s", "formePrix": "Forfaitaire", "montant": %d, "dateNotification": "%s",
                     "dureeMois": %d, "marcheInnovant": %b, "attributionAvance": %b, "tauxAvance": 0.1, "offresRecues": %d,
                     "typeGroupementOperateurs": "Pas de groupement", "sousTraitanceDeclaree": %b,
                     "considerationsSociales": {"considerationSociale": [%s]},
                     "considerationsEnvironnementales": {"considerationEnvironnementale": [%s]},
                     "lieuExecution": {"code": "93010", "typeCode": "Code commune"},
                     "titulaires": [{"titulaire": {"id": "%s", "typeIdentifiant": "SIRET"}}]""".formatted(i, i, CPV[random.nextInt(CPV.length)],
                    PROCEDURES[random.nextInt(PROCEDURES.length)], amount, notified, 1 + random.nextInt(48), random.nextInt(10) == 0,
                    random.nextBoolean(), 1 + random.nextInt(8), i % 10 == 0, SOCIAL[random.nextInt(SOCIAL.length)],
                    ENVIRONMENTAL[random.nextInt(ENVIRONMENTAL.length)], holders[random.nextInt(holders.length)]));
                if (i % 10 == 0) {
                    out.write(", \"actesSousTraitance\": [{\"acteSousTraitance\": {\"id\": 1, \"sousTraitant\": {\"id\": \""
                        + holders[random.nextInt(holders.length)] + "\", \"typeIdentifiant\": \"SIRET\"}, \"montant\": 1000}}]");
                }
                if (i % 5 == 0) {
                    out.write(", \"modifications\": [{\"modification\": {\"id\": 1, \"montant\": " + (amount + 1000)
                        + ", \"dureeMois\": 24, \"dateNotificationModification\": \"" + notified.plusDays(30) + "\"}}]");
                }
                out.write("}");
            }
            out.write("\n]}}\n");
        }
    }
}
