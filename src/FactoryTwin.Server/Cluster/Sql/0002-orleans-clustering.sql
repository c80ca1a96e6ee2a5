-- FactoryTwin's schema for the Orleans ADO.NET clustering provider 10.4.2 (Microsoft.Orleans.Clustering.AdoNet) and
-- its query contract: the membership table of each cluster (@DeploymentId is ClusterOptions.ClusterId) with one row per
-- silo start, and the nine statements the provider reads from OrleansQuery.
--
-- Optimistic concurrency. Each cluster has one version row. A silo reads the table (every result row carries the
-- version), decides, and writes with the version it read (@Version): an insert or update of a silo row succeeds only
-- while that is still the stored version, and bumps it in the same statement. Otherwise it returns false and Orleans
-- reads again and retries. The provider hands the table version out as the etag of every silo row, too (it reads a
-- single "Version" column), so a row changed by another silo since the read fails the same check. Only the heartbeat
-- (UpdateIAmAlivetimeKey) leaves the version alone: it is not a membership change.

CREATE TABLE orleans_membership_version
(
    deployment_id text NOT NULL PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    modified timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orleans_membership_silo
(
    deployment_id text NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address text NOT NULL,                  -- the silo's IP address
    port integer NOT NULL,                  -- its silo-to-silo port
    generation integer NOT NULL,            -- its start stamp: a silo restarted on the same endpoint is a new row
    silo_name text NOT NULL,
    host_name text NOT NULL,
    status integer NOT NULL,                -- Orleans' SiloStatus: 1 Created, 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead
    proxy_port integer NOT NULL,            -- its gateway port for clients; 0 when it is no gateway
    suspect_times text NULL,                -- "silo,time|silo,time...": who suspects it since when, written and parsed by Orleans
    start_time timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,   -- its last heartbeat
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- The gateway list (active silos) and the clean-up of dead ones select by status.
CREATE INDEX ix_orleans_membership_silo_status ON orleans_membership_silo (deployment_id, status);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- A new cluster: its version row, once. One boolean: whether this call made it.
('InsertMembershipVersionKey', $sql$
WITH made AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM made);
$sql$),

-- The whole table: one row per silo, each with the table version. The version row is left-joined so that a cluster
-- without silos still returns one row, its version, with NULL silo columns (the provider reads no silo from it).
('MembershipReadAllKey', $sql$
SELECT v.version AS "Version",
       s.address AS "Address", s.port AS "Port", s.generation AS "Generation",
       s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status", s.proxy_port AS "ProxyPort",
       s.suspect_times AS "SuspectTimes", s.start_time AS "StartTime", s.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership_silo s ON s.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
$sql$),

-- One silo's row, with the table version; the version alone when the silo has no row.
('MembershipReadRowKey', $sql$
SELECT v.version AS "Version",
       s.address AS "Address", s.port AS "Port", s.generation AS "Generation",
       s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status", s.proxy_port AS "ProxyPort",
       s.suspect_times AS "SuspectTimes", s.start_time AS "StartTime", s.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership_silo s
       ON s.deployment_id = v.deployment_id AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
$sql$),

-- A silo joins: its row is added and the version bumped, both or neither. False when the version moved on since the
-- caller read it, or when the silo has a row already.
('InsertMembershipKey', $sql$
WITH bumped AS (
    UPDATE orleans_membership_version
    SET version = version % 2147483647 + 1, modified = now()
    WHERE deployment_id = @DeploymentId AND version = @Version
      AND NOT EXISTS (SELECT 1 FROM orleans_membership_silo
                      WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), added AS (
    INSERT INTO orleans_membership_silo
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM added);
$sql$),

-- A silo's status, suspicions and heartbeat change, and the version is bumped, both or neither. False when the version
-- moved on since the caller read it, or when the silo has no row.
('UpdateMembershipKey', $sql$
WITH bumped AS (
    UPDATE orleans_membership_version
    SET version = version % 2147483647 + 1, modified = now()
    WHERE deployment_id = @DeploymentId AND version = @Version
      AND EXISTS (SELECT 1 FROM orleans_membership_silo
                  WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), changed AS (
    UPDATE orleans_membership_silo s
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM bumped b
    WHERE s.deployment_id = b.deployment_id AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM changed);
$sql$),

-- The heartbeat: only the silo's own time, without a version check or bump.
('UpdateIAmAlivetimeKey', $sql$
UPDATE orleans_membership_silo
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$sql$),

-- The gateways clients may connect to: the silos in status @Status (Active) that have a gateway port.
('GatewaysQueryKey', $sql$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership_silo
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$sql$),

-- The whole cluster, version row and (by the foreign key's cascade) silo rows.
('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
$sql$),

-- Forgets silos that are dead (6) and have sent no heartbeat since @IAmAliveTime. Dead is final in Orleans (a restart
-- is a new generation, so a new row), so no version check is needed.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM orleans_membership_silo
WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime;
$sql$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
