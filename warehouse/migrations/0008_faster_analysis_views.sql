-- Sorot warehouse, schema 8: the analysis views of schema 6, faster at a million articles; the same
-- columns, the same rows (documented in docs/warehouse.md). Region lists are built with list_distinct
-- (about twice as fast as an ordered DISTINCT aggregate), and the weekly coverage joins the regions of the
-- labelled articles directly instead of first de-duplicating every region row: its counts are distinct
-- counts, so a province named twice in one article still counts once.

CREATE OR REPLACE VIEW v_articles AS
WITH labels AS (
    SELECT article_id,
           list(label ORDER BY label) AS labels,
           map(list(label ORDER BY label), list(score ORDER BY label)) AS label_scores
    FROM article_labels GROUP BY article_id
),
regions AS (
    SELECT article_id,
           list_sort(list_distinct(list(province))) AS provinces,
           list_sort(list_distinct(list(regency))) AS regencies,
           arg_min(province, position) FILTER (WHERE province IS NOT NULL) AS main_province
    FROM article_regions GROUP BY article_id
),
quotes AS (
    SELECT article_id, count(*) AS quoted_people FROM article_quotes GROUP BY article_id
),
corrections AS (
    SELECT DISTINCT article_id FROM label_corrections
)
SELECT a.article_id, a.source_id, s.name AS source_name, s.outlet_type, s.region AS source_region,
       a.title, a.url, a.published_at,
       timezone('Asia/Jakarta', a.published_at)::DATE AS published_date,
       strftime(timezone('Asia/Jakarta', a.published_at), '%G-W%V') AS iso_week,
       a.dateline, a.author, a.editor, a.section, a.language, a.word_count,
       a.story_id, st.outlet_count AS story_outlets, st.article_count AS story_articles,
       a.is_wire_copy, a.wire_agency, a.exact_duplicate_of, a.tahap,
       coalesce(l.labels, []::VARCHAR[]) AS labels,
       l.label_scores,
       coalesce(list_contains(l.labels, 'kekerasan'), false) AS is_kekerasan,
       coalesce(list_contains(l.labels, 'gender'), false) AS is_gender,
       coalesce(list_contains(l.labels, 'korban_perempuan'), false) AS victim_female,
       coalesce(list_contains(l.labels, 'korban_anak'), false) AS victim_child,
       coalesce(list_contains(l.labels, 'korban_anak') OR list_contains(l.labels, 'kekerasan_seksual'), false)
           AS victim_protected,
       coalesce(r.provinces, []::VARCHAR[]) AS provinces,
       coalesce(r.regencies, []::VARCHAR[]) AS regencies,
       r.main_province,
       coalesce(q.quoted_people, 0) AS quoted_people,
       c.article_id IS NOT NULL AS corrected,
       a.tagger_version, a.first_seen_at
FROM articles a
LEFT JOIN sources s ON s.source_id = a.source_id
LEFT JOIN stories st ON st.story_id = a.story_id
LEFT JOIN labels l ON l.article_id = a.article_id
LEFT JOIN regions r ON r.article_id = a.article_id
LEFT JOIN quotes q ON q.article_id = a.article_id
LEFT JOIN corrections c ON c.article_id = a.article_id;

CREATE OR REPLACE VIEW v_weekly_coverage AS
WITH denominators AS (
    SELECT source_id, strftime(day, '%G-W%V') AS iso_week,
           CAST(min(date_trunc('week', day)) AS DATE) AS week_start,
           CAST(sum(articles) AS BIGINT) AS outlet_articles
    FROM source_daily_totals GROUP BY ALL
),
labelled AS (
    SELECT l.label, a.article_id, a.story_id, a.source_id,
           strftime(timezone('Asia/Jakarta', a.published_at), '%G-W%V') AS iso_week
    FROM article_labels l JOIN articles a ON a.article_id = l.article_id
    WHERE a.published_at IS NOT NULL
),
placed AS (
    SELECT x.*, r.province AS region
    FROM labelled x
    LEFT JOIN article_regions r ON r.article_id = x.article_id AND r.province IS NOT NULL
)
SELECT p.iso_week, d.week_start, p.source_id, s.name AS source_name, s.outlet_type, s.region AS source_region,
       p.region, p.label,
       count(DISTINCT p.article_id) AS articles,
       count(DISTINCT p.story_id) AS stories,
       d.outlet_articles,
       count(DISTINCT p.article_id) / nullif(d.outlet_articles, 0) AS share
FROM placed p
LEFT JOIN denominators d ON d.source_id IS NOT DISTINCT FROM p.source_id AND d.iso_week = p.iso_week
LEFT JOIN sources s ON s.source_id = p.source_id
GROUP BY p.iso_week, d.week_start, p.source_id, s.name, s.outlet_type, s.region, p.region, p.label,
         d.outlet_articles;
