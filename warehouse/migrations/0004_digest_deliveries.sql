-- Sorot warehouse, schema 4: the digest send log. Documented in docs/warehouse.md and docs/operations.md.
-- One row per recipient and send: `sorot digest --send` skips a recipient who already has a row for the week
-- (unless --force, which adds another row), so a week's digest reaches each recipient once however often
-- cron runs.

CREATE TABLE digest_deliveries (
    week       VARCHAR NOT NULL,
    recipient  VARCHAR NOT NULL,
    message_id VARCHAR NOT NULL,
    sent_at    TIMESTAMPTZ NOT NULL,
    forced     BOOLEAN NOT NULL DEFAULT false,
    smtp_host  VARCHAR,
    PRIMARY KEY (week, recipient, sent_at)
);
