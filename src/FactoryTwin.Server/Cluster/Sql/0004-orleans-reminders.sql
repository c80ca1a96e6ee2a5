-- FactoryTwin's schema for the Orleans ADO.NET reminder provider 10.4.2 (Microsoft.Orleans.Reminders.AdoNet) and its
-- query contract: one row per reminder of a grain of a service (@ServiceId is ClusterOptions.ServiceId), and the seven
-- statements the provider reads from OrleansQuery.
--
-- Each silo's reminder service owns a range of the consistent-hash ring and reads the reminders of the grains whose
-- hash lies in it. The provider binds the ring's unsigned 32-bit hashes cast to signed integers, and stores the grain's
-- hash the same way, so the ranges compare as plain integers. A range (begin, end] excludes its begin and includes its
-- end; when begin < end (as signed integers) it is one interval (ReadRangeRows1Key), otherwise it wraps around the end
-- of the ring (ReadRangeRows2Key: above begin or up to end; begin = end is the whole ring).
--
-- The version is the reminder's etag: every upsert bumps it, and a delete must name the current one.

CREATE TABLE orleans_reminder
(
    service_id text NOT NULL,
    grain_id text NOT NULL,                 -- GrainId.ToString(); the provider parses it back
    reminder_name text NOT NULL,
    grain_hash integer NOT NULL,            -- the grain's position on the ring (GrainId.GetUniformHashCode as signed)
    start_time timestamptz NOT NULL,        -- first due time
    period_ms bigint NOT NULL,              -- period, in milliseconds
    version integer NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- A silo's reminder service reads its ring range.
CREATE INDEX ix_orleans_reminder_ring ON orleans_reminder (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Registers a reminder or changes its schedule. One row: its new version (1 when new, else bumped, wrapping to 1
-- after 2^31-1 changes).
('UpsertReminderRowKey', $sql$
INSERT INTO orleans_reminder (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 1)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET grain_hash = excluded.grain_hash, start_time = excluded.start_time, period_ms = excluded.period_ms,
    version = orleans_reminder.version % 2147483647 + 1
RETURNING version AS "Version";
$sql$),

-- One reminder of a grain; no row when it has none of that name.
('ReadReminderRowKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$sql$),

-- All reminders of a grain.
('ReadReminderRowsKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId;
$sql$),

-- The reminders of a ring range that does not wrap: begin < hash <= end.
('ReadRangeRows1Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$sql$),

-- The reminders of a ring range that wraps around: hash > begin or hash <= end (the whole ring when begin = end).
('ReadRangeRows2Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$sql$),

-- Unregisters a reminder if it still has the version the caller read. One boolean: whether it was deleted.
('DeleteReminderRowKey', $sql$
WITH deleted AS (
    DELETE FROM orleans_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted);
$sql$),

-- Every reminder of the service (Orleans calls it from tests and tools only).
('DeleteReminderRowsKey', $sql$
DELETE FROM orleans_reminder WHERE service_id = @ServiceId;
$sql$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
