-- Sorot warehouse, schema 5: what analyses need beside the raw tables. Documented in docs/warehouse.md.
-- Daily totals per source give every count its denominator; the search tables configure and log the
-- full-text index (fts extension, schema fts_main_articles, kept up to date by warehouse/search.py);
-- v_story_reach answers "who carried this story".

CREATE TABLE source_daily_totals (
    source_id        VARCHAR,
    day              DATE NOT NULL,
    articles         INTEGER NOT NULL,
    stories          INTEGER NOT NULL,
    wire_copies      INTEGER NOT NULL,
    exact_duplicates INTEGER NOT NULL,
    words            BIGINT NOT NULL,
    pages_fetched    INTEGER NOT NULL,
    pages_failed     INTEGER NOT NULL,
    refreshed_at     TIMESTAMPTZ NOT NULL
);

-- Words the search index leaves out: Indonesian function words only. Common published lists also drop
-- ibu, bapak, bawah ("di bawah umur"), terhadap ("kekerasan terhadap perempuan") and kasus, which are
-- exactly this project's cues, so they are not here.
CREATE TABLE search_stopwords (sw VARCHAR NOT NULL);
INSERT INTO search_stopwords VALUES
    ('yang'), ('dan'), ('di'), ('ke'), ('dari'), ('ini'), ('itu'), ('dengan'), ('untuk'), ('pada'),
    ('dalam'), ('juga'), ('akan'), ('oleh'), ('atau'), ('karena'), ('sebagai'), ('bahwa'), ('telah'),
    ('sudah'), ('tersebut'), ('para'), ('dapat'), ('bisa'), ('saat'), ('hingga'), ('namun'), ('serta'),
    ('agar'), ('yaitu'), ('yakni'), ('pun'), ('adalah'), ('ialah'), ('merupakan'), ('sebuah'), ('lagi'),
    ('pula'), ('tetapi'), ('tapi'), ('jika'), ('kalau'), ('maka'), ('sehingga'), ('antara'), ('nya');

CREATE TABLE search_index_log (
    refreshed_at TIMESTAMPTZ NOT NULL,
    mode         VARCHAR NOT NULL,
    added        INTEGER NOT NULL,
    documents    INTEGER NOT NULL,
    seconds      DOUBLE NOT NULL,
    config       VARCHAR NOT NULL
);

CREATE VIEW v_story_reach AS
SELECT a.story_id,
       st.title,
       st.first_article_id,
       arg_min(a.source_id, coalesce(a.published_at, a.first_seen_at)) AS first_source_id,
       bool_or(coalesce(s.is_wire_agency, false)) AS from_wire_agency,
       min(a.published_at) AS first_published_at,
       max(a.published_at) AS last_published_at,
       date_diff('minute', min(a.published_at), max(a.published_at)) / 60.0 AS spread_hours,
       count(*) AS articles,
       count(DISTINCT a.source_id) AS outlets,
       list(DISTINCT coalesce(s.name, a.source_id) ORDER BY coalesce(s.name, a.source_id))
           FILTER (WHERE a.source_id IS NOT NULL) AS outlet_names,
       list(DISTINCT s.region ORDER BY s.region) FILTER (WHERE s.region IS NOT NULL) AS outlet_regions,
       count(*) FILTER (WHERE a.is_wire_copy) AS wire_copies,
       count(*) FILTER (WHERE a.exact_duplicate_of IS NOT NULL) AS exact_duplicates
FROM articles a
LEFT JOIN sources s ON s.source_id = a.source_id
LEFT JOIN stories st ON st.story_id = a.story_id
GROUP BY a.story_id, st.title, st.first_article_id;

CREATE VIEW v_source_daily AS
SELECT t.source_id, s.name AS source_name, s.outlet_type, s.region AS source_region, t.day,
       strftime(t.day, '%G-W%V') AS iso_week, t.articles, t.stories, t.wire_copies, t.exact_duplicates,
       t.words, t.pages_fetched, t.pages_failed
FROM source_daily_totals t LEFT JOIN sources s ON s.source_id = t.source_id;
