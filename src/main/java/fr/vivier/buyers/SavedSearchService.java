package fr.vivier.buyers;

import fr.vivier.search.SearchQueries;
import fr.vivier.search.SearchQuery;
import fr.vivier.shared.SecretTokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.simple.SimpleHttpParameters;
import io.micronaut.http.uri.QueryStringDecoder;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Searches buyers keep, and their unsubscribe links (one per saved search, stored hashed). */
@Singleton
public class SavedSearchService {
    private final BuyerRepositories.SavedSearches searches;
    private final SearchQueries queries;
    private final Clock clock;

    SavedSearchService(BuyerRepositories.SavedSearches searches, SearchQueries queries, Clock clock) {
        this.searches = searches;
        this.queries = queries;
        this.clock = clock;
    }

    /** Keeps the search in its canonical form (unknown filters dropped, back on page 1). */
    @Transactional
    public SavedSearch save(long accountId, String name, @Nullable String queryString) {
        String canonical = SearchQueries.toQueryString(SearchQueries.atPage(parse(queryString), 1));
        return searches.save(new SavedSearch(null, accountId, name.strip(), canonical, true,
            SecretTokens.sha256(SecretTokens.newSecret()), clock.instant(), null));
    }

    /**
     * The search a saved query string stands for. Decoded here rather than through {@code HttpRequest.GET(…)}: in the
     * packaged portal (no HTTP client on its class path) such a request has no parameters, and every saved search
     * came back as the whole directory.
     */
    public SearchQuery parse(@Nullable String queryString) {
        String clean = queryString == null ? "" : queryString.strip().replaceFirst("^\\?", "");
        Map<CharSequence, List<String>> parameters = new LinkedHashMap<>(new QueryStringDecoder(clean, false).parameters());
        return queries.parse(new SimpleHttpParameters(parameters, ConversionService.SHARED)).query();
    }

    public Page<SavedSearch> of(long accountId, int page, int size) {
        return searches.findByAccountId(accountId, Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
    }

    public Optional<SavedSearch> owned(long id, long accountId) {
        return searches.findById(id).filter(search -> search.accountId() == accountId);
    }

    public Optional<SavedSearch> find(long id) {
        return searches.findById(id);
    }

    @Transactional
    public void subscribe(SavedSearch search, boolean subscribed) {
        searches.update(search.withSubscribed(subscribed));
    }

    @Transactional
    public void delete(SavedSearch search) {
        searches.deleteById(search.id());
    }

    public Optional<SavedSearch> forUnsubscribeToken(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return searches.findByUnsubscribeTokenHash(SecretTokens.sha256(token));
    }

    /**
     * A fresh unsubscribe secret for the digest about to be mailed. Only its hash is kept, so the secret cannot be
     * read back: each digest carries a new one, and the link of the latest digest is the one that works.
     */
    @Transactional
    public String newUnsubscribeToken(SavedSearch search) {
        String secret = SecretTokens.newSecret();
        searches.update(new SavedSearch(search.id(), search.accountId(), search.name(), search.query(), search.subscribed(),
            SecretTokens.sha256(secret), search.createdAt(), search.lastDigestAt()));
        return secret;
    }
}
