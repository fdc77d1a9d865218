package fr.vivier.programming;

import fr.vivier.reference.ReferenceData;
import fr.vivier.reference.Sector;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the pages show of a line besides its fields: names of its sectors and places, and its amount as shown. */
public record LineView(ProgrammingLine line, List<String> sectorLabels, List<String> placeNames, List<LotView> lots, String amount) {

    public record LotView(ProgrammingLine.Lot lot, List<String> sectorLabels, String amount) { }

    static LineView of(ProgrammingLine line, ReferenceData reference, ReferenceData territories) {
        return of(line, sectorLabels(reference), territories, false);
    }

    /** @param band the public page shows amounts as bands ({@code vivier.programming.public-amounts = band}) */
    static LineView of(ProgrammingLine line, Map<String, String> sectorLabels, ReferenceData territories, boolean band) {
        List<LotView> lots = line.lots().stream().map(lot -> new LotView(lot, labels(lot.sectors(), sectorLabels),
            lot.estimatedAmount() == null ? "" : band ? AmountBand.of(lot.estimatedAmount()).label() : lot.amountFrench())).toList();
        return new LineView(line, labels(line.sectors(), sectorLabels),
            line.places().stream().map(place -> place.name(territories)).toList(), lots,
            band ? line.amountBand().label() : line.amountFrench());
    }

    static Map<String, String> sectorLabels(ReferenceData reference) {
        return reference.sectors().stream().collect(Collectors.toMap(Sector::code, Sector::label, (a, b) -> a));
    }

    private static List<String> labels(List<String> codes, Map<String, String> labels) {
        return codes.stream().map(code -> labels.getOrDefault(code, code)).toList();
    }

    static Function<ProgrammingLine, LineView> viewer(ReferenceData reference, ReferenceData territories, boolean band) {
        Map<String, String> labels = sectorLabels(reference);
        return line -> of(line, labels, territories, band);
    }
}
