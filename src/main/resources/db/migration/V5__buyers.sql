-- Buyers' tools: under-40 k€ shortlists, favourites lists, saved searches with their email digest.

CREATE TABLE shortlist (
    id           BIGSERIAL PRIMARY KEY,
    account_id   BIGINT       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    object       VARCHAR(200) NOT NULL,
    sector       VARCHAR(80)  NOT NULL REFERENCES sector (code),
    commune      VARCHAR(5)   NOT NULL REFERENCES commune (code),
    keywords     VARCHAR(200),
    social_first BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX shortlist_by_account ON shortlist (account_id, created_at DESC, id DESC);

CREATE TABLE shortlist_supplier (
    shortlist_id BIGINT  NOT NULL REFERENCES shortlist (id) ON DELETE CASCADE,
    supplier_id  BIGINT  NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
    selected     BOOLEAN NOT NULL DEFAULT FALSE,
    position     INT     NOT NULL,
    PRIMARY KEY (shortlist_id, supplier_id)
);

CREATE TABLE favourite_list (
    id         BIGSERIAL PRIMARY KEY,
    account_id BIGINT       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name       VARCHAR(100) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);
-- one name per buyer, whatever the case: « Nettoyage » and « nettoyage » are the same list to a person
CREATE UNIQUE INDEX favourite_list_name_per_account ON favourite_list (account_id, lower(name));

CREATE TABLE favourite_list_supplier (
    list_id     BIGINT      NOT NULL REFERENCES favourite_list (id) ON DELETE CASCADE,
    supplier_id BIGINT      NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
    added_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (list_id, supplier_id)
);

CREATE TABLE saved_search (
    id                      BIGSERIAL PRIMARY KEY,
    account_id              BIGINT        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name                    VARCHAR(100)  NOT NULL,
    query                   VARCHAR(2000) NOT NULL,
    subscribed              BOOLEAN       NOT NULL DEFAULT TRUE,
    unsubscribe_token_hash  VARCHAR(64)   NOT NULL UNIQUE,
    created_at              TIMESTAMPTZ   NOT NULL,
    last_digest_at          TIMESTAMPTZ
);
CREATE INDEX saved_search_by_account ON saved_search (account_id, created_at DESC, id DESC);
CREATE INDEX saved_search_subscribed ON saved_search (id) WHERE subscribed;

-- Suppliers already considered for a saved search: mailed in a digest, or published before the search was
-- saved. A supplier is mailed at most once per saved search.
CREATE TABLE saved_search_notified (
    saved_search_id BIGINT      NOT NULL REFERENCES saved_search (id) ON DELETE CASCADE,
    supplier_id     BIGINT      NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
    notified_at     TIMESTAMPTZ NOT NULL,
    mailed          BOOLEAN     NOT NULL,
    PRIMARY KEY (saved_search_id, supplier_id)
);
