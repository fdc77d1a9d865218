package fr.vivier.purchases;

import fr.vivier.programming.Vocabulary;
import fr.vivier.web.FrenchFormat;

import java.util.List;
import java.util.function.Function;

/** A record's values in French words, for its page. */
record PurchaseView(String procedure, String nature, String category, String priceForm, String social, String environmental,
                    String themes, String reservation, String amount, String initialAmount, String notifiedOn, String duration) {

    static PurchaseView of(PurchaseRow row) {
        return new PurchaseView(
            label(Vocabulary.Procedure.values(), Vocabulary.Procedure::label, row.procedure()),
            label(Vocabulary.Nature.values(), Vocabulary.Nature::label, row.nature()),
            row.category() == null ? "Non renseignée" : label(PurchaseVocabulary.Category.values(), PurchaseVocabulary.Category::label, row.category()),
            row.priceForm() == null ? "Non renseignée" : label(PurchaseVocabulary.PriceForm.values(), PurchaseVocabulary.PriceForm::label, row.priceForm()),
            labels(PurchaseVocabulary.SocialConsideration.values(), PurchaseVocabulary.SocialConsideration::label, row.socialConsiderations(),
                "Pas de considération sociale"),
            labels(PurchaseVocabulary.EnvironmentalConsideration.values(), PurchaseVocabulary.EnvironmentalConsideration::label,
                row.environmentalConsiderations(), "Pas de considération environnementale"),
            labels(PurchaseVocabulary.EnvironmentalTheme.values(), PurchaseVocabulary.EnvironmentalTheme::label, row.environmentalThemes(), "Aucun"),
            label(Vocabulary.Reservation.values(), Vocabulary.Reservation::label, row.reservation()),
            FrenchFormat.amountHt(row.amount()), FrenchFormat.amountHt(row.initialAmount()), FrenchFormat.date(row.notifiedOn()),
            row.durationMonths() == null ? "Non renseignée" : row.durationMonths() + " mois");
    }

    private static <E extends Enum<E>> String label(E[] values, Function<E, String> label, String name) {
        for (E value : values) {
            if (value.name().equals(name)) {
                return label.apply(value);
            }
        }
        return name;
    }

    private static <E extends Enum<E>> String labels(E[] values, Function<E, String> label, List<String> names, String none) {
        return names.isEmpty() ? none : String.join(", ", names.stream().map(name -> label(values, label, name)).toList());
    }
}
