package fr.vivier.demo;

import fr.vivier.programming.PublicProgramming;
import fr.vivier.programming.PublicQuery;
import fr.vivier.testsupport.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoProgrammingTest implements IntegrationTest {
    @Inject
    DemoProgramming demo;
    @Inject
    PublicProgramming programming;

    @Test
    void theDemoYearIsPublishedOnceWithLotsReservedLinesAndEveryQuarter() {
        int lines = demo.load();
        assertEquals(lines, demo.load(), "charger deux fois ne change rien");
        assertTrue(lines >= 40, "une quarantaine de lignes : " + lines);
        PublicQuery year = programming.parse(null, String.valueOf(demo.year()), null, null, null, null, null, null, null, null, "100");
        PublicProgramming.Result result = programming.search(year);
        List<String> demoReferences = DemoProgramming.lines().stream().map(DemoProgramming.Line::reference).toList();
        long published = result.lines().stream().filter(view -> demoReferences.contains(view.line().reference())).count();
        assertEquals(lines, published);
        assertTrue(result.counts().get("trimestre").stream().allMatch(count -> count.count() >= 5), result.counts().get("trimestre").toString());
        assertTrue(result.counts().get("reserve").get(0).count() >= 10);
        assertTrue(result.lines().stream().filter(view -> !view.line().lots().isEmpty()).count() >= 5);
    }
}
