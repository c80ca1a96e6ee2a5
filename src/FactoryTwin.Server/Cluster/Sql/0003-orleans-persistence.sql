-- FactoryTwin's schema for the Orleans ADO.NET grain persistence provider 10.4.2 (Microsoft.Orleans.Persistence.AdoNet)
-- and its query contract: one row per grain state of a service (@ServiceId is ClusterOptions.ServiceId), and the four
-- statements the provider reads from OrleansQuery.
--
-- A row is named by the state's name, which Orleans passes as @GrainTypeString (the name in [PersistentState("name",
-- ...)]), and the grain's key, which the provider splits in three: an integer key is (0, key, extension), a Guid key
-- is (its first 8 bytes, its last 8 bytes, extension), and a string key is (0, 0, the string); "no extension" is stored
-- as '' (Orleans makes no key with an empty extension). The provider binds no grain type, so two grain classes that
-- use the same state name and the same key would share a row: give each grain class its own state name (the twin's
-- are "asset" and "line"). The hashes it also binds (@GrainIdHash, @GrainTypeHash) are not needed to find a row here
-- and are not stored.
--
-- Optimistic concurrency. The version is the state's etag. A first write (@GrainStateVersion NULL) creates the row with
-- version 1; every later write, clear or delete must name the stored version, and a write or clear bumps it. A
-- statement that finds another version (a stale activation, or a first write over an existing row) changes nothing and
-- returns no version, which the provider turns into an InconsistentStateException.

CREATE TABLE orleans_grain_state
(
    service_id text NOT NULL,
    state_name text NOT NULL,               -- the state's name in the grain ([PersistentState("name", ...)])
    grain_key_n0 bigint NOT NULL,
    grain_key_n1 bigint NOT NULL,
    grain_key_text text NOT NULL,           -- the string key, or the key extension; '' for none
    payload bytea NULL,                     -- the serialized state; NULL once cleared (the row keeps the version)
    version integer NOT NULL,
    modified timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, state_name, grain_key_n0, grain_key_n1, grain_key_text)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- The state and its version; no row when the grain was never written (or its state was deleted).
('ReadFromStorageKey', $sql$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_key_n0 = @GrainIdN0 AND grain_key_n1 = @GrainIdN1 AND grain_key_text = coalesce(@GrainIdExtensionString, '');
$sql$),

-- Writes the state: inserts version 1 when the caller read no version, else replaces the row of the version it read
-- and bumps that (wrapping to 1 after 2^31-1 writes). One row: the new version, NULL when nothing was written.
('WriteToStorageKey', $sql$
WITH inserted AS (
    INSERT INTO orleans_grain_state (service_id, state_name, grain_key_n0, grain_key_n1, grain_key_text, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''), @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
), updated AS (
    UPDATE orleans_grain_state
    SET payload = @PayloadBinary, version = version % 2147483647 + 1, modified = now()
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_key_n0 = @GrainIdN0 AND grain_key_n1 = @GrainIdN1 AND grain_key_text = coalesce(@GrainIdExtensionString, '')
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT coalesce((SELECT version FROM inserted), (SELECT version FROM updated)) AS "NewGrainStateVersion";
$sql$),

-- Clears the state but keeps the row and bumps its version, so a stale activation cannot write over the clearing.
-- Returns the new version; no row when the version moved on.
('ClearStorageKey', $sql$
UPDATE orleans_grain_state
SET payload = NULL, version = version % 2147483647 + 1, modified = now()
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_key_n0 = @GrainIdN0 AND grain_key_n1 = @GrainIdN1 AND grain_key_text = coalesce(@GrainIdExtensionString, '')
  AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion";
$sql$),

-- Deletes the row (AdoNetGrainStorageOptions.DeleteStateOnClear): the next write starts again at version 1. Returns
-- one row, the version the deleted state would have had next, so the provider sees a change; no row when the version
-- moved on.
('DeleteStorageKey', $sql$
DELETE FROM orleans_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_key_n0 = @GrainIdN0 AND grain_key_n1 = @GrainIdN1 AND grain_key_text = coalesce(@GrainIdExtensionString, '')
  AND version = @GrainStateVersion
RETURNING version % 2147483647 + 1 AS "DeletedAtVersion";
$sql$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
