-- Table of the Blooio webhook de-duplication store (JdbcWebhookDeduplicationStore), PostgreSQL.
-- @@TABLE_NAME@@ stands for the table's name (default BLOOIO_WEBHOOK_DEDUPLICATION, optionally
-- qualified by a schema) and @@INDEX_NAME@@ for its index's (<table without schema>_EXPIRES_IX).
-- STATE is LEASE or COMPLETED; EXPIRES_AT is in epoch milliseconds.

CREATE TABLE IF NOT EXISTS @@TABLE_NAME@@ (
	DEDUPLICATION_KEY VARCHAR(255) NOT NULL,
	OWNER_TOKEN VARCHAR(64) NOT NULL,
	STATE VARCHAR(9) NOT NULL,
	EXPIRES_AT BIGINT NOT NULL,
	PRIMARY KEY (DEDUPLICATION_KEY)
);

CREATE INDEX IF NOT EXISTS @@INDEX_NAME@@ ON @@TABLE_NAME@@ (EXPIRES_AT);
