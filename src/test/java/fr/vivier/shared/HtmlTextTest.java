package fr.vivier.shared;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlTextTest {

    @Test
    void escapesWhatIsSignificantInElementsAndQuotedAttributes() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot; l&#39;atelier", HtmlText.escape("<b> & \"x\" l'atelier"));
        assertEquals("/fournisseurs?q=pain&amp;kind=STPA&amp;sector=boulangerie", HtmlText.escape("/fournisseurs?q=pain&kind=STPA&sector=boulangerie"));
        assertEquals("Espaces verts — entretien", HtmlText.escape("Espaces verts — entretien"));
        assertEquals("", HtmlText.escape(""));
    }
}
