-- Sorot warehouse, schema 3: the topic classifier's facets and human label corrections.
-- Documented in docs/warehouse.md ("Classifier facets and corrections").

-- Regions an article is about (province, regency/city), dateline first.
CREATE TABLE article_regions (
    article_id    VARCHAR NOT NULL,
    position      INTEGER NOT NULL,
    province      VARCHAR,
    province_code VARCHAR,
    regency       VARCHAR,
    regency_code  VARCHAR,
    mention       VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    candidates    VARCHAR[],
    PRIMARY KEY (article_id, position)
);

-- People quoted in an article, with their role as the article gives it.
CREATE TABLE article_quotes (
    article_id VARCHAR NOT NULL,
    position   INTEGER NOT NULL,
    name       VARCHAR,
    role       VARCHAR,
    mentions   INTEGER NOT NULL,
    PRIMARY KEY (article_id, position)
);

-- Every human correction of an article's labels (`sorot label`), never rewritten: the next `sorot train`
-- learns from them, and `sorot reclassify` applies them again on top of the new model's labels.
CREATE SEQUENCE label_correction_ids START 1;
CREATE TABLE label_corrections (
    correction_id  INTEGER PRIMARY KEY DEFAULT nextval('label_correction_ids'),
    article_id     VARCHAR NOT NULL,
    added          VARCHAR[] NOT NULL,
    removed        VARCHAR[] NOT NULL,
    labels_before  VARCHAR[] NOT NULL,
    labels_after   VARCHAR[] NOT NULL,
    tahap_after    VARCHAR NOT NULL,
    tagger_version VARCHAR NOT NULL,
    corrected_by   VARCHAR,
    note           VARCHAR,
    corrected_at   TIMESTAMPTZ NOT NULL
);
