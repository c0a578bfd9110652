-- Table of the Blooio catch-up checkpoint store (JdbcCatchUpCheckpointStore), PostgreSQL.
-- @@TABLE_NAME@@ stands for the table's name (default BLOOIO_WEBHOOK_CATCH_UP, optionally
-- qualified by a schema). One row per checkpoint name; CHECKPOINT_AT is in epoch milliseconds.

CREATE TABLE IF NOT EXISTS @@TABLE_NAME@@ (
	CHECKPOINT_NAME VARCHAR(255) NOT NULL,
	CHECKPOINT_AT BIGINT NOT NULL,
	PRIMARY KEY (CHECKPOINT_NAME)
);
