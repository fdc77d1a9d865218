package fr.vivier.health;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * GET /health: overall status plus each dependency. PostgreSQL down makes the portal DOWN (503);
 * Elasticsearch down only DEGRADED (200): directory and forms keep working, search says it is unavailable.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class HealthController {
    private final DatabaseProbe database;
    private final ElasticsearchClient elasticsearch;

    HealthController(DatabaseProbe database, ElasticsearchClient elasticsearch) {
        this.database = database;
        this.elasticsearch = elasticsearch;
    }

    @Serdeable
    record Health(String status, Map<String, Component> components) { }

    @Serdeable
    record Component(String status, String detail) { }

    @Get("/health")
    HttpResponse<Health> health() {
        Component postgres = postgres();
        Component search = elasticsearch();
        boolean databaseUp = "UP".equals(postgres.status());
        String overall = !databaseUp ? "DOWN" : "UP".equals(search.status()) ? "UP" : "DEGRADED";
        Health health = new Health(overall, Map.of("postgresql", postgres, "elasticsearch", search));
        return databaseUp ? HttpResponse.ok(health) : HttpResponse.<Health>serverError(health).status(503);
    }

    private Component postgres() {
        try {
            // no version: an anonymous page must not tell an attacker which software to target
            database.check();
            return new Component("UP", "joignable");
        } catch (Exception e) {
            return new Component("DOWN", "injoignable");
        }
    }

    private Component elasticsearch() {
        try {
            var health = elasticsearch.cluster().health();
            String status = health.status().jsonValue();
            return new Component("red".equals(status) ? "DOWN" : "UP", "cluster " + status);
        } catch (Exception e) {
            return new Component("DOWN", "injoignable");
        }
    }
}
