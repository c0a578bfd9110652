-- an application's own schema, created by spring.sql.init before the Blooio table goes into it
CREATE SCHEMA IF NOT EXISTS APP;
