-- Sorot warehouse, schema 7: review marks from the review dashboard (`sorot serve`).
-- Staff mark an article reviewed in the dashboard, which stores the mark in its own SQLite file (the dashboard
-- never opens the warehouse read-write); the ingest job merges the marks here under the writer lock, so the
-- published copy, notebooks and exports know what staff have already read. One row per article: the latest
-- mark wins.
CREATE TABLE article_reviews (
    article_id  VARCHAR PRIMARY KEY,
    reviewed_by VARCHAR,
    reviewed_at TIMESTAMPTZ NOT NULL,
    merged_at   TIMESTAMPTZ NOT NULL
);
