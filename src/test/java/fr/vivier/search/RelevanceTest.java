package fr.vivier.search;

import fr.vivier.testsupport.IntegrationTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relevance test set on the demo directory (its own index): what buyers type must find what they look for.
 * The thresholds are the measured figures rounded down, so that a change that loses recall fails here.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelevanceTest implements IntegrationTest {
    @Inject
    ApplicationContext context;

    private SupplierSearch search;

    @BeforeAll
    void indexDemoDirectory() throws IOException {
        String prefix = context.getBean(SearchConfiguration.class).getIndexPrefix() + "relevance-";
        RelevanceSet.indexDemo(context, prefix);
        search = RelevanceSet.search(context, prefix);
    }

    @Test
    void recallAtTenOfTheRelevanceSetDoesNotFall() {
        List<RelevanceSet.Outcome> outcomes = RelevanceSet.run(search, RelevanceSet.load());
        RelevanceSet.Summary summary = RelevanceSet.summary(outcomes);
        String report = "\n" + RelevanceSet.table(outcomes) + summary;
        System.out.println(report);
        assertTrue(summary.recall() >= 0.46, report);
    }
}
