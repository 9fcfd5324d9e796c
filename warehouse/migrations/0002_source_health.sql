-- Schema 2: source health snapshots, written after every load (see warehouse/health.py).

CREATE TABLE source_health (
    source_id                  VARCHAR NOT NULL,
    computed_at                TIMESTAMPTZ NOT NULL,
    status                     VARCHAR NOT NULL,
    note                       VARCHAR,
    last_fetch_at              TIMESTAMPTZ,
    last_new_article_at        TIMESTAMPTZ,
    last_published_at          TIMESTAMPTZ,
    articles_7d                INTEGER NOT NULL,
    articles_28d               INTEGER NOT NULL,
    articles_per_day_28d       DOUBLE NOT NULL,
    feed_errors_7d             INTEGER NOT NULL,
    fetch_errors_7d            INTEGER NOT NULL,
    pages_7d                   INTEGER NOT NULL,
    extraction_failures_7d     INTEGER NOT NULL,
    extraction_failure_rate_7d DOUBLE,
    extraction_failure_rate_before DOUBLE,
    PRIMARY KEY (source_id, computed_at)
);
