package fr.vivier.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The published suppliers of some sectors whose intervention area covers some places (prefixed area codes, see
 * {@link SupplierDocument}), ranked like supplier search (SIAE/STPA/ESS and local boosts), or with SIAE/STPA/ESS
 * always first for a purchase that may be reserved. Used by the programming to match lines with suppliers.
 */
@Singleton
public class SupplierMatching {
    private static final Logger LOG = LoggerFactory.getLogger(SupplierMatching.class);
    private static final double SOCIAL_ECONOMY_FIRST = 1000;

    private final ElasticsearchAsyncClient client;
    private final SearchConfiguration configuration;
    private final SearchBoosts boosts;

    SupplierMatching(ElasticsearchAsyncClient client, SearchConfiguration configuration, SearchBoosts boosts) {
        this.client = client;
        this.configuration = configuration;
        this.boosts = boosts;
    }

    public record Matches(long total, List<Long> ids) { }

    /** Empty when Elasticsearch does not answer within the timeout. */
    public Optional<Matches> match(Collection<String> sectors, Collection<String> areaCodes, boolean socialEconomyFirst, int limit,
                                   long timeoutMillis) {
        if (sectors.isEmpty() || areaCodes.isEmpty()) {
            return Optional.of(new Matches(0, List.of()));
        }
        double socialWeight = socialEconomyFirst ? SOCIAL_ECONOMY_FIRST : boosts.getSocialEconomy();
        try {
            SearchResponse<Map> response = client.search(s -> s.index(configuration.alias("suppliers"))
                .size(limit).trackTotalHits(t -> t.enabled(true)).source(src -> src.fetch(false))
                .query(q -> q.functionScore(fs -> fs
                    .query(inner -> inner.bool(b -> b
                        .filter(f -> f.terms(t -> t.field("sectors").terms(v -> v.value(values(sectors)))))
                        .filter(f -> f.terms(t -> t.field("areaCodes").terms(v -> v.value(values(areaCodes)))))))
                    .functions(f -> f.filter(fq -> fq.terms(t -> t.field("family")
                        .terms(v -> v.value(List.of(FieldValue.of("SIAE"), FieldValue.of("STPA"), FieldValue.of("ESS"))))))
                        .weight(socialWeight))
                    .functions(f -> f.filter(fq -> fq.term(t -> t.field("local").value(true))).weight(boosts.getLocal()))
                    .scoreMode(FunctionScoreMode.Multiply)
                    .boostMode(FunctionBoostMode.Replace)))
                .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("sortName").order(SortOrder.Asc))), Map.class)
                .get(timeoutMillis, TimeUnit.MILLISECONDS);
            long total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
            return Optional.of(new Matches(total, response.hits().hits().stream().map(Hit::id).map(Long::valueOf).toList()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            LOG.warn("matching degraded: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static List<FieldValue> values(Collection<String> codes) {
        return codes.stream().distinct().map(FieldValue::of).toList();
    }
}
