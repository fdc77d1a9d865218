package fr.vivier.search;

import fr.vivier.directory.DirectoryService;
import fr.vivier.directory.Supplier;
import fr.vivier.directory.SupplierInput;
import fr.vivier.directory.SupplierStatus;
import fr.vivier.directory.TestSuppliers;
import fr.vivier.reference.ReferenceData;
import fr.vivier.reference.Sector;
import fr.vivier.testsupport.Await;
import fr.vivier.testsupport.IntegrationTest;
import fr.vivier.testsupport.UniqueWords;
import fr.vivier.testsupport.WebClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search and facets against the real Elasticsearch, fed through the outbox like in production. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupplierSearchTest implements IntegrationTest {
    private static final List<SupplierInput.AreaInput> BONDY = List.of(new SupplierInput.AreaInput("COMMUNE", "93010"));
    private static final List<SupplierInput.AreaInput> ALLENC_ONLY = List.of(new SupplierInput.AreaInput("COMMUNE", "48003"));

    @Inject
    EmbeddedServer server;
    @Inject
    DirectoryService directory;
    @Inject
    SupplierSearch search;
    @Inject
    ReferenceData reference;
    @Inject
    io.micronaut.context.ApplicationContext context;

    private SearchQuery query(String text, List<String> kinds, String commune) {
        return new SearchQuery(text, List.of(), List.of(), List.of(), kinds, List.of(), commune, false, false,
            SearchQuery.Sort.RELEVANCE, 1, 20);
    }

    private SearchResult awaitHits(String text, long expected) {
        Await.until(() -> search.search(query(text, List.of(), null)).total() == expected, Duration.ofSeconds(5));
        return search.search(query(text, List.of(), null));
    }

    @Test
    void frenchTextMatchesWhateverTheAccentsPluralsAndElisions() {
        String word = UniqueWords.next();
        Supplier supplier = TestSuppliers.publish(directory, d -> {
            d.name = "Les Jardiniers " + word;
            d.kind = "ACI";
            d.communeCode = "48003";
            d.sectors = List.of("espaces-verts-entretien");
            d.areas = ALLENC_ONLY;
            d.description = "Sensibilisation à l’écologie et entretien des espaces verts par l’insertion.";
        });
        awaitHits(word, 1);
        for (String text : List.of("ecologie", "espace vert", "insertion", "ECOLOGIE")) {
            assertTrue(idsAtAllenc(text).contains(supplier.id()), text);
        }
        assertFalse(idsAtAllenc("menuiserie").contains(supplier.id()));
    }

    /** Suppliers working at Allenc (Lozère), where only this class's suppliers and national ones work. */
    private List<Long> idsAtAllenc(String text) {
        return search.search(new SearchQuery(text, List.of(), List.of(), List.of(), List.of(), List.of(), "48003", false, false,
            SearchQuery.Sort.RELEVANCE, 1, 100)).hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void publishedChangeIsSearchableWithinTwoSecondsAndSuspensionRemovesIt() {
        String word = UniqueWords.next();
        Supplier supplier = TestSuppliers.publish(directory, d -> {
            d.name = "Traiteur " + word;
            d.kind = "COMPANY";
            d.communeCode = "93048";
            d.sectors = List.of("restauration-traiteur");
            d.areas = List.of(new SupplierInput.AreaInput("DEPARTEMENT", "93"));
            d.description = "Buffets et plateaux-repas.";
        });
        long start = System.nanoTime();
        awaitHits(word, 1);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2_000, "searchable within 2 s");
        directory.changeStatus(supplier.id(), SupplierStatus.SUSPENDED, "test", "test");
        awaitHits(word, 0);
    }

    @Test
    void facetsKeepCountsOfOtherValuesWhenOneIsSelected() {
        String word = UniqueWords.next();
        TestSuppliers.publish(directory, d -> {
            d.name = "Atelier " + word + " un";
            d.kind = "ACI";
            d.sectors = List.of("espaces-verts-entretien");
            d.areas = BONDY;
            d.description = "";
        });
        TestSuppliers.publish(directory, d -> {
            d.name = "Atelier " + word + " deux";
            d.kind = "EI";
            d.sectors = List.of("espaces-verts-entretien");
            d.areas = BONDY;
            d.description = "";
        });
        TestSuppliers.publish(directory, d -> {
            d.name = "Atelier " + word + " trois";
            d.kind = "COMPANY";
            d.sectors = List.of("espaces-verts-entretien");
            d.areas = BONDY;
            d.description = "";
        });
        awaitHits(word, 3);
        SearchResult siaeOnly = search.search(query(word, List.of("SIAE"), null));
        assertEquals(2, siaeOnly.total());
        Map<String, Long> kinds = siaeOnly.facets().get("kind").stream()
            .collect(java.util.stream.Collectors.toMap(SearchResult.FacetValue::code, SearchResult.FacetValue::count));
        assertEquals(2L, kinds.get("SIAE"));
        assertEquals(1L, kinds.get("COMPANY"), "multi-select: the other values keep their counts");
        assertTrue(siaeOnly.facets().get("kind").stream().anyMatch(v -> v.code().equals("SIAE") && v.selected()));
        assertEquals(2L, siaeOnly.facets().get("sector").get(0).count(), "other facets follow the selection");
    }

    @Test
    void withTwoFacetsNarrowedEachCountsOverTheOtherOnlyAndLocalSuppliersAreCountedAmongTheHits() {
        String word = UniqueWords.next();
        TestSuppliers.publish(directory, d -> {
            d.name = "Régie " + word + " un";
            d.kind = "ACI";
            d.communeCode = "93010";
            d.sectors = List.of("espaces-verts-entretien");
            d.areas = BONDY;
            d.description = "";
        });
        TestSuppliers.publish(directory, d -> {
            d.name = "Régie " + word + " deux";
            d.kind = "ACI";
            d.communeCode = "13001";
            d.sectors = List.of("proprete-locaux");
            d.areas = BONDY;
            d.description = "";
        });
        TestSuppliers.publish(directory, d -> {
            d.name = "Régie " + word + " trois";
            d.kind = "COMPANY";
            d.communeCode = "93010";
            d.sectors = List.of("espaces-verts-entretien");
            d.areas = BONDY;
            d.description = "";
        });
        awaitHits(word, 3);

        SearchResult result = search.search(new SearchQuery(word, List.of(), List.of("espaces-verts-entretien"), List.of(), List.of("SIAE"),
            List.of(), null, false, false, SearchQuery.Sort.RELEVANCE, 1, 20));

        assertEquals(1, result.total());
        assertEquals(Map.of("SIAE", 1L, "COMPANY", 1L), counts(result, "kind"), "kinds among the suppliers of the chosen sector");
        assertEquals(Map.of("espaces-verts-entretien", 1L, "proprete-locaux", 1L), counts(result, "sector"), "sectors among SIAE");
        assertEquals(Map.of("TPE", 1L), counts(result, "size"), "other facets among the hits");
        assertEquals(Map.of("true", 1L), counts(result, "local"), "Bondy is on the territory, Marseille is not");
        assertEquals(Map.of("true", 2L), counts(search.search(query(word, List.of(), null)), "local"));
    }

    private static Map<String, Long> counts(SearchResult result, String facet) {
        return result.facets().get(facet).stream().filter(v -> v.count() > 0)
            .collect(java.util.stream.Collectors.toMap(SearchResult.FacetValue::code, SearchResult.FacetValue::count));
    }

    @Test
    void untilAFamilyOrASectorIsChosenTheSectorFacetNamesTheMostFrequentSectorsOnly() {
        String word = UniqueWords.next();
        List<String> sectors = reference.sectors().subList(0, SupplierSearch.FEW_SECTORS + 2).stream().map(Sector::code).toList();
        int half = sectors.size() / 2;
        TestSuppliers.publish(directory, d -> {
            d.name = "Multiservices " + word;
            d.kind = "COMPANY";
            d.sectors = sectors.subList(0, half);
            d.description = "";
        });
        TestSuppliers.publish(directory, d -> {
            d.name = "Polyvalente " + word;
            d.kind = "COMPANY";
            d.sectors = sectors.subList(half, sectors.size());
            d.description = "";
        });
        awaitHits(word, 2);

        SearchResult anySector = search.search(query(word, List.of(), null));
        SearchResult oneSector = search.search(new SearchQuery(word, List.of(), List.of(sectors.get(0)), List.of(), List.of(),
            List.of(), null, false, false, SearchQuery.Sort.RELEVANCE, 1, 20));

        assertEquals(SupplierSearch.FEW_SECTORS + 1, anySector.facets().get("sector").size(), "enough for the page to see there are too many");
        assertEquals(sectors.size(), oneSector.facets().get("sector").size(), "every sector once the visitor narrows by sector");
        assertTrue(oneSector.facets().get("sector").stream().allMatch(v -> v.count() == 1));
    }

    @Test
    void placeOfExecutionFindsSuppliersWhoseAreaCoversIt() {
        String word = UniqueWords.next();
        TestSuppliers.publish(directory, d -> {
            d.name = "Département " + word;
            d.kind = "COMPANY";
            d.sectors = List.of("proprete-locaux");
            d.areas = List.of(new SupplierInput.AreaInput("DEPARTEMENT", "93"));
            d.description = "";
        });
        TestSuppliers.publish(directory, d -> {
            d.name = "Intercommunalité " + word;
            d.kind = "COMPANY";
            d.sectors = List.of("proprete-locaux");
            d.areas = List.of(new SupplierInput.AreaInput("EPCI", "200057875"));
            d.description = "";
        });
        TestSuppliers.publish(directory, d -> {
            d.name = "National " + word;
            d.kind = "COMPANY";
            d.communeCode = "75056";
            d.sectors = List.of("proprete-locaux");
            d.areas = List.of(new SupplierInput.AreaInput("NATIONAL", "FR"));
            d.description = "";
        });
        TestSuppliers.publish(directory, d -> {
            d.name = "Paris seulement " + word;
            d.kind = "COMPANY";
            d.communeCode = "75056";
            d.sectors = List.of("proprete-locaux");
            d.areas = List.of(new SupplierInput.AreaInput("COMMUNE", "75056"));
            d.description = "";
        });
        awaitHits(word, 4);
        assertEquals(3, search.search(query(word, List.of(), "93048")).total(), "Montreuil: département, EPT Est Ensemble, national");
        assertEquals(2, search.search(query(word, List.of(), "75056")).total(), "Paris: national and Paris only");
    }

    @Test
    void socialEconomyComesFirstAmongEquallyRelevantSuppliers() {
        String word = UniqueWords.next();
        TestSuppliers.publish(directory, d -> {
            d.name = "Nettoyage " + word;
            d.kind = "COMPANY";
            d.communeCode = "75056";
            d.sectors = List.of("proprete-locaux");
            d.areas = BONDY;
            d.description = "";
        });
        TestSuppliers.publish(directory, d -> {
            d.name = "Nettoyage " + word;
            d.kind = "EA";
            d.communeCode = "75056";
            d.sectors = List.of("proprete-locaux");
            d.areas = BONDY;
            d.description = "";
        });
        SearchResult result = awaitHits(word, 2);
        assertEquals("STPA", result.hits().get(0).family());
        assertTrue(result.hits().get(0).why().stream().anyMatch(w -> w.startsWith("Texte")));
    }

    @Test
    void apiReturnsHitsAndFacetsAndRefusesUnknownCodes() {
        String word = UniqueWords.next();
        TestSuppliers.publish(directory, d -> {
            d.name = "Menuiserie " + word;
            d.kind = "EI";
            d.sectors = List.of("espaces-verts-entretien");
            d.areas = BONDY;
            d.description = "Menuiseries bois.";
        });
        awaitHits(word, 1);
        WebClient client = new WebClient(server.getURI());
        HttpResponse<String> response = client.get("/api/v1/suppliers/search?q=" + word + "&kind=SIAE");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"total\":1"));
        assertTrue(response.body().contains("\"degraded\":false"));
        assertTrue(response.body().contains("\"facets\":{\"sectorGroup\""));
        assertTrue(response.body().contains("\"highlight\":["));
        assertFalse(response.body().contains("@test.vivier.example"), "never contact data");
        assertEquals(400, client.get("/api/v1/suppliers/search?sector=inconnu").statusCode());
        assertEquals(400, client.get("/api/v1/suppliers/search?pageSize=1000").statusCode());
    }

    @Test
    void wordsFoundByTheirBeginningOrASynonymAreHighlightedToo() {
        String word = UniqueWords.next();
        Supplier supplier = TestSuppliers.publish(directory, d -> {
            d.name = "Atelier du canal";
            d.offers = List.of();
            d.areas = BONDY;
            d.description = "Des " + word + "eries pour le ménage des bureaux.";
        });
        SearchResult byBeginning = awaitHits(word, 1);
        assertEquals(List.of(word + "eries"), highlighted(byBeginning.hits().get(0)));

        SearchResult withSynonym = search.search(query(word + " nettoyage", List.of(), null));
        SearchResult.Hit hit = withSynonym.hits().stream().filter(h -> h.id() == supplier.id()).findFirst().orElseThrow();
        assertEquals(List.of(word + "eries", "ménage"), highlighted(hit), "« ménage » is a synonym of « nettoyage »");
    }

    private static List<String> highlighted(SearchResult.Hit hit) {
        return hit.highlight().stream().filter(Highlighter.Segment::highlighted).map(Highlighter.Segment::text).toList();
    }

    @Test
    void eachResultShowsItsCommuneWithItsDepartement() {
        String word = UniqueWords.next();
        TestSuppliers.publish(directory, d -> {
            d.name = "Conserverie " + word;
            d.communeCode = "93048";
            d.areas = BONDY;
        });
        assertEquals("Montreuil (93)", awaitHits(word, 1).hits().get(0).commune());
        assertTrue(new WebClient(server.getURI()).get("/fournisseurs?q=" + word).body()
            .contains("<p class=\"resultat__meta\"><span>Montreuil (93)</span>"));
        assertTrue(new WebClient(server.getURI()).get("/api/v1/suppliers/search?q=" + word).body()
            .contains("\"commune\":\"Montreuil (93)\""));
    }

    @Test
    void pastTheCountedHitsTheTotalSaysAtLeastThatMany() {
        String word = UniqueWords.next();
        for (String name : List.of("un", "deux", "trois")) {
            TestSuppliers.publish(directory, d -> {
                d.name = "Blanchisserie " + word + " " + name;
                d.areas = BONDY;
            });
        }
        SearchResult exact = awaitHits(word, 3);
        assertFalse(exact.totalIsLowerBound());
        assertEquals("3 fournisseurs trouvés", exact.totalText());

        SearchResult capped = searchCountingUpTo(2).search(query(word, List.of(), null));
        assertEquals(2, capped.total());
        assertTrue(capped.totalIsLowerBound());
        assertEquals("plus de 2 fournisseurs trouvés", capped.totalText());
        assertEquals(3, capped.hits().size(), "every hit is still there, only counting stops");
        assertEquals(3L, capped.facets().get("kind").stream().mapToLong(SearchResult.FacetValue::count).sum(), "facets still count them all");

        HttpResponse<String> api = new WebClient(server.getURI()).get("/api/v1/suppliers/search?q=" + word);
        assertTrue(api.body().contains("\"total\":3,\"totalIsLowerBound\":false"), api.body());
        assertTrue(new WebClient(server.getURI()).get("/fournisseurs?q=" + word).body().contains("3 fournisseurs trouvés"));
    }

    @Test
    void aTotalOverTenThousandReadsPlusDeDixMille() {
        SearchResult capped = new SearchResult(10_000, true, 1, 20, List.of(), Map.of(), false, null, null);
        assertEquals("plus de 10\u202f000 fournisseurs trouvés", capped.totalText());
        assertEquals("1 fournisseur trouvé", new SearchResult(1, false, 1, 20, List.of(), Map.of(), false, null, null).totalText());
    }

    /** The portal's search, on the same index, counting hits up to {@code max}. */
    private SupplierSearch searchCountingUpTo(int max) {
        SearchConfiguration configuration = new SearchConfiguration();
        configuration.setIndexPrefix(context.getBean(SearchConfiguration.class).getIndexPrefix());
        configuration.setMaxCountedHits(max);
        return new SupplierSearch(context.getBean(co.elastic.clients.elasticsearch.ElasticsearchAsyncClient.class), configuration,
            context.getBean(HitTexts.class), context.getBean(Highlighter.class), reference, context.getBean(SupplierDocuments.class),
            context.getBean(FacetLabels.class), context.getBean(FullTextQuery.class),
            context.getBean(java.util.concurrent.ExecutorService.class, io.micronaut.inject.qualifiers.Qualifiers.byName(io.micronaut.scheduling.TaskExecutors.BLOCKING)));
    }

    @Test
    void emptyListsStayInApiAnswers() {
        WebClient client = new WebClient(server.getURI());
        HttpResponse<String> nothing = client.get("/api/v1/suppliers/search?q=" + UniqueWords.next());
        assertEquals(200, nothing.statusCode(), nothing.body());
        assertTrue(nothing.body().contains("\"hits\":[]"), nothing.body());
        HttpResponse<String> noSuggestion = client.get("/api/v1/suppliers/suggest?q=" + UniqueWords.next());
        assertEquals("{\"suggestions\":[]}", noSuggestion.body());
    }

    @Test
    void aSearchFindingNothingOffersTheClosestWordsSuppliersUse() {
        String word = UniqueWords.next();
        TestSuppliers.publish(directory, d -> {
            d.name = "Menuiserie " + word;
            d.kind = "EI";
            d.sectors = List.of("second-oeuvre-menuiserie");
            d.areas = BONDY;
            d.description = "Menuiseries bois.";
        });
        awaitHits(word, 1);
        String typo = "s" + word.substring(1);
        WebClient browser = new WebClient(server.getURI());
        String page = browser.get("/fournisseurs?q=" + typo + "&kind=SIAE").body();
        assertTrue(page.contains("Aucun fournisseur ne correspond"), "the first letter is wrong: beyond the fuzzy layer");
        assertTrue(page.contains("Vouliez-vous dire <a href=\"/fournisseurs?q=" + word + "&amp;kind=SIAE\">" + word + "</a>"), page);
        assertFalse(browser.get("/fournisseurs?q=" + UniqueWords.next()).body().contains("Vouliez-vous dire"), "no word close enough");
        HttpResponse<String> api = browser.get("/api/v1/suppliers/search?q=" + typo + "&kind=SIAE");
        assertEquals(200, api.statusCode());
        assertTrue(api.body().contains("\"didYouMean\":{\"text\":\"" + word + "\",\"href\":\"/api/v1/suppliers/search?q=" + word + "&kind=SIAE\"}"),
            api.body());
        assertFalse(browser.get("/api/v1/suppliers/search?q=" + UniqueWords.next()).body().contains("didYouMean"), "no word close enough");
        assertFalse(browser.get("/api/v1/suppliers/search?q=" + word).body().contains("didYouMean"), "only when nothing is found");
    }

    @Test
    void aTextLongerThanTheBoxAcceptsIsRefusedWithAMessageNeverCut() {
        String text = ("espaces verts " + UniqueWords.next() + " ").repeat(10).strip();
        WebClient browser = new WebClient(server.getURI());
        String page = browser.get("/fournisseurs?q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)).body();
        assertTrue(page.contains("Votre recherche compte " + text.length() + " caractères : 200 au plus. Raccourcissez-la"), page);
        assertTrue(page.contains("value=\"" + text + "\""), "the whole text stays in the box, for the person to shorten");
        assertTrue(page.contains("aria-describedby=\"erreur-q\""), "the message is tied to the box");
        assertFalse(page.contains("maxlength=\"200\""), "the browser no longer cuts a pasted text silently");
        HttpResponse<String> api = new WebClient(server.getURI()).get("/api/v1/suppliers/search?q="
            + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, api.statusCode());
        assertTrue(api.body().contains("200 au plus"), api.body());
    }

    @Test
    void searchPageShowsResultsFacetLinksAndAnEmptyState() {
        String word = UniqueWords.next();
        TestSuppliers.publish(directory, d -> {
            d.name = "Blanchisserie " + word;
            d.kind = "ESAT";
            d.sectors = List.of("espaces-verts-entretien");
            d.areas = BONDY;
            d.description = "Linge plat.";
        });
        awaitHits(word, 1);
        WebClient browser = new WebClient(server.getURI());
        String page = browser.get("/fournisseurs?q=" + word).body();
        assertTrue(page.contains("1 fournisseur trouvé"));
        assertTrue(page.contains("Blanchisserie " + word));
        assertTrue(page.contains("kind=STPA"), "facet links toggle values in the URL");
        String empty = browser.get("/fournisseurs?q=" + UniqueWords.next()).body();
        assertTrue(empty.contains("Aucun fournisseur ne correspond"));
    }
}
