-- Sorot warehouse, schema 1. Documented column by column in docs/warehouse.md.

CREATE TABLE sources (
    source_id     VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,
    outlet_type   VARCHAR NOT NULL,
    region        VARCHAR,
    homepage      VARCHAR,
    timezone      VARCHAR NOT NULL,
    language      VARCHAR NOT NULL,
    is_wire_agency BOOLEAN NOT NULL
);

CREATE TABLE crawl_runs (
    run_id         VARCHAR PRIMARY KEY,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ,
    sources        VARCHAR[] NOT NULL,
    pages_archived INTEGER NOT NULL DEFAULT 0,
    pages_failed   INTEGER NOT NULL DEFAULT 0,
    articles_new   INTEGER NOT NULL DEFAULT 0,
    status         VARCHAR NOT NULL,
    note           VARCHAR
);

CREATE TABLE fetched_pages (
    run_id         VARCHAR NOT NULL,
    url            VARCHAR NOT NULL,
    canonical_url  VARCHAR,
    source_id      VARCHAR,
    fetched_at     TIMESTAMPTZ,
    kind           VARCHAR NOT NULL,
    http_status    INTEGER,
    archive_file   VARCHAR,
    archive_offset BIGINT,
    outcome        VARCHAR NOT NULL,
    reason         VARCHAR
);

CREATE TABLE stories (
    story_id           VARCHAR PRIMARY KEY,
    first_article_id   VARCHAR NOT NULL,
    title              VARCHAR,
    first_published_at TIMESTAMPTZ,
    article_count      INTEGER NOT NULL,
    outlet_count       INTEGER NOT NULL
);

CREATE TABLE articles (
    article_id        VARCHAR PRIMARY KEY,
    canonical_url     VARCHAR NOT NULL UNIQUE,
    url               VARCHAR NOT NULL,
    source_id         VARCHAR,
    title             VARCHAR,
    published_at      TIMESTAMPTZ,
    modified_at       TIMESTAMPTZ,
    published_text    VARCHAR,
    author            VARCHAR,
    editor            VARCHAR,
    dateline          VARCHAR,
    section           VARCHAR,
    tags              VARCHAR[],
    language          VARCHAR NOT NULL,
    text              VARCHAR NOT NULL,
    word_count        INTEGER NOT NULL,
    content_hash      VARCHAR NOT NULL,
    exact_duplicate_of VARCHAR,
    story_id          VARCHAR NOT NULL,
    similar_to        VARCHAR,
    similarity        DOUBLE,
    is_wire_copy      BOOLEAN NOT NULL,
    wire_agency       VARCHAR,
    tahap             VARCHAR NOT NULL,
    tagger_version    VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    parser_version    VARCHAR NOT NULL,
    minhash           BLOB NOT NULL,
    run_id            VARCHAR,
    first_seen_at     TIMESTAMPTZ NOT NULL,
    warnings          VARCHAR[]
);

CREATE TABLE article_labels (
    article_id     VARCHAR NOT NULL,
    label          VARCHAR NOT NULL,
    score          DOUBLE NOT NULL,
    evidence       JSON,
    tagger_version VARCHAR NOT NULL,
    PRIMARY KEY (article_id, label)
);

CREATE VIEW v_articles AS
SELECT a.article_id, a.source_id, s.name AS source_name, s.outlet_type, s.region AS source_region,
       a.title, a.url, a.published_at, a.dateline, a.author, a.editor, a.language, a.word_count,
       a.story_id, a.is_wire_copy, a.wire_agency, a.exact_duplicate_of, a.tahap,
       coalesce((SELECT list(l.label ORDER BY l.label) FROM article_labels l WHERE l.article_id = a.article_id),
                []::VARCHAR[]) AS labels,
       a.tagger_version
FROM articles a LEFT JOIN sources s ON s.source_id = a.source_id;
