package fr.vivier.demo;

import fr.vivier.indicators.IndicatorSettings;
import fr.vivier.testsupport.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoIndicatorsTest implements IntegrationTest {
    @Inject
    DemoIndicators demo;
    @Inject
    IndicatorSettings settings;

    @Test
    void theDemoAuthorityPublishesItsAccessIndicatorsWithTargetsTheStaffFormAccepts() {
        // other tests of the suite may have set some of these indicators already: those are left as they are
        List<String> setBefore = DemoProfile.DEFAULT.codes().stream().filter(code -> settings.all().containsKey(code)).toList();

        assertEquals(Map.of(), demo.load(), "every demo target passes the staff form's rules");

        for (String code : DemoProfile.DEFAULT.codes()) {
            if (!setBefore.contains(code)) {
                assertTrue(settings.of(code).followed() && settings.of(code).published(), code);
                assertEquals(1, settings.targets(code).size(), code);
            }
        }
        assertEquals(Map.of(), demo.load(), "loading again changes nothing");
    }
}
