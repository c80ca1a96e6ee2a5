-- FactoryTwin: the MES schedule the nodes of a cluster share (docs/mes.md): the active B2MML OperationsSchedule
-- document exactly as it was imported, with its id and import time. One row; each import replaces it in one statement
-- with a new version, which every node compares with the one it parsed last, re-reading the document only when it differs.

CREATE TABLE factorytwin_mes_schedule
(
    id smallint NOT NULL PRIMARY KEY CHECK (id = 1),
    schedule_id text NOT NULL,
    document bytea NOT NULL,
    imported timestamptz NOT NULL,
    version bigint NOT NULL
);

-- Versions are never reused (a row deleted by hand and imported again still gets a new one), so "differs" means "changed".
CREATE SEQUENCE factorytwin_mes_schedule_version;
