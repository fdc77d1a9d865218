package fr.vivier.search;

import java.util.List;

import static fr.vivier.shared.HtmlText.escape;

/**
 * The links of a facet's values, written as HTML here rather than by the template: a search page shows up to a hundred
 * of them, and Thymeleaf's work on their six attributes and texts was half of the page's rendering (README, « Request
 * path (issue 9) »). Every text is escaped ({@link fr.vivier.shared.HtmlText}); the page inserts the list with {@code th:utext}.
 */
final class FacetLinksHtml {
    private static final String ACTIVE = "<span class=\"visuellement-cache\"> — filtre actif, cliquer pour le retirer</span>";

    private FacetLinksHtml() {
    }

    /** {@code <li>} items: the value's label and count in a link that toggles it; a chosen value is aria-current. */
    static String items(List<SearchController.FacetLink> links) {
        StringBuilder html = new StringBuilder(links.size() * 320);
        for (SearchController.FacetLink link : links) {
            html.append("<li><a href=\"").append(escape(link.href())).append('"');
            if (link.selected()) {
                html.append(" aria-current=\"true\"");
            }
            html.append('>').append(escape(link.label()))
                .append(" <span class=\"facette__nombre\">(").append(link.count()).append(")</span>");
            if (link.selected()) {
                html.append(ACTIVE);
            }
            html.append("</a></li>\n");
        }
        return html.toString();
    }
}
