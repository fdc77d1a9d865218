-- The purchases' indicator figures, pre-aggregated (issue 13): one row per month of notification and direction
-- (lower-cased, as the indicators filter it), holding each measure's number of records and amount € HT in the order
-- of fr.vivier.purchases.PurchaseFigures.Measure. `definition` fingerprints that order and the measures' SQL: a row
-- computed under another definition is recomputed before it is read. The figures are never typed: every write to
-- purchase or purchase_party marks its bucket stale (triggers below, so imports, forms and COPY alike), and the next
-- read of that year recomputes the stale buckets from the records before answering.

CREATE TABLE purchase_figure_bucket (
    year            INT       NOT NULL,
    month           INT       NOT NULL CHECK (month BETWEEN 1 AND 12),
    direction_key   TEXT      NOT NULL,
    definition      TEXT      NOT NULL,
    insertion_hours BIGINT    NOT NULL,
    records         BIGINT[]  NOT NULL,
    amounts         NUMERIC[] NOT NULL,
    PRIMARY KEY (year, month, direction_key)
);

CREATE TABLE purchase_figure_stale (
    year          INT  NOT NULL,
    month         INT  NOT NULL,
    direction_key TEXT NOT NULL,
    PRIMARY KEY (year, month, direction_key)
);

-- The records already there: every bucket is stale until first read.
INSERT INTO purchase_figure_stale (year, month, direction_key)
SELECT DISTINCT CAST(extract(year FROM notified_on) AS int), CAST(extract(month FROM notified_on) AS int), lower(direction)
FROM purchase;

-- Statement-level triggers with transition tables: one INSERT of the distinct buckets per statement, whatever its size.
CREATE FUNCTION purchase_figures_mark_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO purchase_figure_stale (year, month, direction_key)
    SELECT DISTINCT CAST(extract(year FROM notified_on) AS int), CAST(extract(month FROM notified_on) AS int), lower(direction)
    FROM new_purchases
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION purchase_figures_mark_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO purchase_figure_stale (year, month, direction_key)
    SELECT DISTINCT CAST(extract(year FROM notified_on) AS int), CAST(extract(month FROM notified_on) AS int), lower(direction)
    FROM old_purchases
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION purchase_figures_mark_parties() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO purchase_figure_stale (year, month, direction_key)
    SELECT DISTINCT CAST(extract(year FROM p.notified_on) AS int), CAST(extract(month FROM p.notified_on) AS int), lower(p.direction)
    FROM changed_parties x JOIN purchase p ON p.id = x.purchase_id
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION purchase_figures_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM purchase_figure_bucket;
    DELETE FROM purchase_figure_stale;
    RETURN NULL;
END $$;

CREATE TRIGGER purchase_figures_insert AFTER INSERT ON purchase REFERENCING NEW TABLE AS new_purchases
    FOR EACH STATEMENT EXECUTE FUNCTION purchase_figures_mark_new();
CREATE TRIGGER purchase_figures_update_new AFTER UPDATE ON purchase REFERENCING NEW TABLE AS new_purchases
    FOR EACH STATEMENT EXECUTE FUNCTION purchase_figures_mark_new();
CREATE TRIGGER purchase_figures_update_old AFTER UPDATE ON purchase REFERENCING OLD TABLE AS old_purchases
    FOR EACH STATEMENT EXECUTE FUNCTION purchase_figures_mark_old();
CREATE TRIGGER purchase_figures_delete AFTER DELETE ON purchase REFERENCING OLD TABLE AS old_purchases
    FOR EACH STATEMENT EXECUTE FUNCTION purchase_figures_mark_old();
CREATE TRIGGER purchase_figures_truncate AFTER TRUNCATE ON purchase
    FOR EACH STATEMENT EXECUTE FUNCTION purchase_figures_forget();

CREATE TRIGGER purchase_figures_party_insert AFTER INSERT ON purchase_party REFERENCING NEW TABLE AS changed_parties
    FOR EACH STATEMENT EXECUTE FUNCTION purchase_figures_mark_parties();
CREATE TRIGGER purchase_figures_party_update_new AFTER UPDATE ON purchase_party REFERENCING NEW TABLE AS changed_parties
    FOR EACH STATEMENT EXECUTE FUNCTION purchase_figures_mark_parties();
CREATE TRIGGER purchase_figures_party_update_old AFTER UPDATE ON purchase_party REFERENCING OLD TABLE AS changed_parties
    FOR EACH STATEMENT EXECUTE FUNCTION purchase_figures_mark_parties();
CREATE TRIGGER purchase_figures_party_delete AFTER DELETE ON purchase_party REFERENCING OLD TABLE AS changed_parties
    FOR EACH STATEMENT EXECUTE FUNCTION purchase_figures_mark_parties();
