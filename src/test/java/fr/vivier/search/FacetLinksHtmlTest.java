package fr.vivier.search;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FacetLinksHtmlTest {

    @Test
    void eachValueIsALinkWithItsCountAndTheChosenOneIsCurrent() {
        String html = FacetLinksHtml.items(List.of(
            new SearchController.FacetLink("ESAT / EA", 12, true, "/fournisseurs?q=pain&kind=STPA"),
            new SearchController.FacetLink("Insertion (SIAE)", 3, false, "/fournisseurs?q=pain&kind=SIAE")));

        Elements links = Jsoup.parseBodyFragment("<ul>" + html + "</ul>").select("ul > li > a");
        assertEquals(2, links.size());
        Element chosen = links.get(0);
        assertEquals("/fournisseurs?q=pain&kind=STPA", chosen.attr("href"));
        assertEquals("true", chosen.attr("aria-current"));
        assertEquals("ESAT / EA (12) — filtre actif, cliquer pour le retirer", chosen.text());
        assertFalse(links.get(1).hasAttr("aria-current"));
        assertEquals("Insertion (SIAE) (3)", links.get(1).text());
    }

    @Test
    void labelsAndAddressesAreEscaped() {
        String html = FacetLinksHtml.items(List.of(
            new SearchController.FacetLink("<script>alert('x')</script> & co", 1, false, "/fournisseurs?q=\"><b>x</b>&label=a")));

        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>"), html);
        Element link = Jsoup.parseBodyFragment("<ul>" + html + "</ul>").selectFirst("a");
        assertEquals("<script>alert('x')</script> & co (1)", link.text());
        assertEquals("/fournisseurs?q=\"><b>x</b>&label=a", link.attr("href"));
        assertTrue(link.select("b").isEmpty());
    }
}
