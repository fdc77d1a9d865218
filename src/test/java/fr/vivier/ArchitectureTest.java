package fr.vivier;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * DESIGN.md's rules on features, written down so that the build fails when one breaks. A feature is a package right
 * under fr.vivier with everything below it (directory.moderation belongs to directory).
 */
@AnalyzeClasses(packages = "fr.vivier", importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.OurSourcesOnly.class})
class ArchitectureTest {
    private static final String[] FEATURES = {"fr.vivier.accounts..", "fr.vivier.buyers..", "fr.vivier.demo..",
        "fr.vivier.directory..", "fr.vivier.health..", "fr.vivier.indicators..", "fr.vivier.meetings..", "fr.vivier.programming..", "fr.vivier.purchases..",
        "fr.vivier.search..", "fr.vivier.sourcing..", "fr.vivier.staff.."};

    /** The classes that may use JDBC without being a repository, and why. */
    private static final Map<String, String> JDBC_OUTSIDE_REPOSITORIES = Map.of(
        "fr.vivier.health.DatabaseProbe", "the health check borrows a pooled connection and asks whether it is valid: no SQL",
        "fr.vivier.shared.JobLocks", "PostgreSQL advisory locks for scheduled jobs: no table, one statement");

    @ArchTest
    static final ArchRule referenceMailAndSharedKnowNoFeature = noClasses()
        .that().resideInAnyPackage("fr.vivier.reference..", "fr.vivier.mail..", "fr.vivier.shared..")
        .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
        .because("reference data, mail and the shared helpers serve every feature (DESIGN.md)");

    @ArchTest
    static final ArchRule sharedKnowsNothingOfThePortal = noClasses()
        .that().resideInAPackage("fr.vivier.shared..")
        .should().dependOnClassesThat(resideInThePortalOutside("fr.vivier.shared"))
        .because("shared holds only neutral helpers");

    @ArchTest
    static final ArchRule directoryNeverDependsOnSearch = noClasses()
        .that().resideInAPackage("fr.vivier.directory..")
        .should().dependOnClassesThat().resideInAPackage("fr.vivier.search..")
        .because("the directory writes change events and keeps working while Elasticsearch is down (DESIGN.md)");

    @ArchTest
    static final ArchRule featuresDependOnEachOtherOneWay = slices().matching("fr.vivier.(*)..")
        .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule repositoriesAreUsedOnlyInTheirOwnFeature = classes()
        .that().haveNameMatching(".*Repositor(y|ies).*")
        .should(beUsedOnlyInTheirOwnFeature())
        .because("features talk through services, not through each other's tables (DESIGN.md)");

    @ArchTest
    static final ArchRule jdbcOnlyInRepositories = noClasses()
        .that().haveNameNotMatching(".*Repositor(y|ies).*")
        .and(notListedIn(JDBC_OUTSIDE_REPOSITORIES))
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
        .orShould().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
        .because("SQL lives in the owning feature's repositories");

    @ArchTest
    static final ArchRule otherFeaturesReachTheDirectoryThroughItsCore = noClasses()
        .that().resideOutsideOfPackages("fr.vivier.directory..", "fr.vivier.demo..")
        .should().dependOnClassesThat().resideInAnyPackage("fr.vivier.directory.*..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("fr.vivier.directory.DirectoryService")
        .because("other features read suppliers through SupplierDirectory; demo loads its structures through the same "
            + "path as a person registering, and staff moderating");

    private static DescribedPredicate<JavaClass> resideInThePortalOutside(String packageName) {
        return DescribedPredicate.describe("reside in fr.vivier outside " + packageName, javaClass ->
            javaClass.getPackageName().startsWith("fr.vivier") && !javaClass.getPackageName().startsWith(packageName));
    }

    private static DescribedPredicate<JavaClass> notListedIn(Map<String, String> allowed) {
        return DescribedPredicate.describe("are not listed as allowed", javaClass ->
            allowed.keySet().stream().noneMatch(name -> javaClass.getName().equals(name) || javaClass.getName().startsWith(name + "$")));
    }

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnFeature() {
        return new ArchCondition<>("be used only by classes of their own feature") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                String feature = feature(repository);
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    if (!feature(user).equals(feature)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** Leaves out what Micronaut generates at compile time ($Foo$Definition, $Foo$Intercepted…): it follows our classes. */
    static final class OurSourcesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/$");
        }
    }

    /** fr.vivier.directory.moderation.ModerationService → directory; a class right in fr.vivier is its own feature. */
    private static String feature(JavaClass javaClass) {
        String[] parts = javaClass.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : javaClass.getName();
    }
}
