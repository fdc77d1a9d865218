package fr.vivier.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The real reference data the benchmark draws from (the CSV files the portal loads). */
final class Reference {
    record Commune(String code, String name, String departement, String region, String epci, String ept, int population) { }

    record Sector(String group, String groupLabel, String code, String label, List<String> nafLabels) { }

    record Label(String code, boolean canExpire) { }

    final List<Commune> communes = new ArrayList<>();
    final long[] cumulativePopulation;
    final List<Sector> sectors = new ArrayList<>();
    final Map<String, List<Sector>> sectorsByGroup = new LinkedHashMap<>();
    final List<Label> labels = new ArrayList<>();

    Reference() {
        for (List<String> row : csv("communes.csv")) {
            communes.add(new Commune(row.get(0), row.get(1), row.get(2), row.get(3), blank(row.get(4)), blank(row.get(5)),
                Integer.parseInt(row.get(6))));
        }
        cumulativePopulation = new long[communes.size()];
        long total = 0;
        for (int i = 0; i < communes.size(); i++) {
            total += Math.max(1, communes.get(i).population());
            cumulativePopulation[i] = total;
        }
        Map<String, String> naf = new HashMap<>();
        for (List<String> row : csv("naf.csv")) {
            naf.put(row.get(0), row.get(1));
        }
        for (List<String> row : csv("sectors.csv")) {
            List<String> nafLabels = new ArrayList<>();
            for (String prefix : row.get(4).split(" ")) {
                if (naf.containsKey(prefix)) {
                    nafLabels.add(naf.get(prefix));
                }
            }
            Sector sector = new Sector(row.get(0), row.get(1), row.get(2), row.get(3), nafLabels);
            sectors.add(sector);
            sectorsByGroup.computeIfAbsent(sector.group(), g -> new ArrayList<>()).add(sector);
        }
        for (List<String> row : csv("labels.csv")) {
            labels.add(new Label(row.get(0), Boolean.parseBoolean(row.get(4))));
        }
    }

    /** A commune drawn with a probability proportional to its population. */
    Commune commune(Random random) {
        long target = (long) (random.nextDouble() * cumulativePopulation[cumulativePopulation.length - 1]);
        int index = java.util.Arrays.binarySearch(cumulativePopulation, target);
        return communes.get(index >= 0 ? index : -index - 1);
    }

    private static String blank(String value) {
        return value.isEmpty() ? null : value;
    }

    private static List<List<String>> csv(String file) {
        try (InputStream in = Reference.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IOException("reference/" + file + " absent du classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<List<String>> rows = parse(text);
            return rows.subList(1, rows.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
