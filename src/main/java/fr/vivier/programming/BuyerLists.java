package fr.vivier.programming;

import fr.vivier.buyers.FavouriteList;
import fr.vivier.buyers.FavouritesService;
import fr.vivier.buyers.Shortlist;
import fr.vivier.buyers.ShortlistService;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The buyer's own lists, as the page of a line offers them for its matched and interested structures: its recent
 * purchases under 40 000 € HT (shortlists) and its favourite lists. A list is named by a value such as « achat-12 » or
 * « favoris-7 », and only the buyer's own lists are accepted.
 */
@Singleton
class BuyerLists {
    private static final int RECENT_SHORTLISTS = 20;
    private static final String SHORTLIST = "achat-";
    private static final String FAVOURITES = "favoris-";

    private final ShortlistService shortlists;
    private final FavouritesService favourites;

    BuyerLists(ShortlistService shortlists, FavouritesService favourites) {
        this.shortlists = shortlists;
        this.favourites = favourites;
    }

    /** A list in the select, grouped as « Achats de moins de 40 000 € HT » or « Favoris ». */
    record Choice(String value, String label, boolean shortlist) { }

    enum Added { SHORTLIST, FAVOURITES }

    List<Choice> choices(long accountId) {
        List<Choice> choices = new ArrayList<>();
        for (Shortlist shortlist : shortlists.recentOf(accountId, RECENT_SHORTLISTS)) {
            choices.add(new Choice(SHORTLIST + shortlist.id(), shortlist.object() + " (" + shortlist.createdOnFrench() + ")", true));
        }
        for (FavouriteList list : favourites.allOf(accountId)) {
            choices.add(new Choice(FAVOURITES + list.id(), list.name(), false));
        }
        return choices;
    }

    /** Empty when the list is not one of the buyer's, or the structure is not published. */
    Optional<Added> add(long accountId, @Nullable String list, long supplierId) {
        if (list == null) {
            return Optional.empty();
        }
        if (list.startsWith(SHORTLIST) && id(list, SHORTLIST) != null) {
            return shortlists.find(id(list, SHORTLIST)).filter(shortlist -> shortlist.accountId() == accountId)
                .filter(shortlist -> shortlists.add(shortlist, supplierId)).map(shortlist -> Added.SHORTLIST);
        }
        if (list.startsWith(FAVOURITES) && id(list, FAVOURITES) != null) {
            return favourites.owned(id(list, FAVOURITES), accountId)
                .filter(owned -> favourites.add(owned, supplierId)).map(owned -> Added.FAVOURITES);
        }
        return Optional.empty();
    }

    private static @Nullable Long id(String value, String prefix) {
        String digits = value.substring(prefix.length());
        return digits.matches("\\d{1,18}") ? Long.valueOf(digits) : null;
    }
}
