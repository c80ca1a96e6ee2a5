-- FactoryTwin's schema for the Orleans ADO.NET 10.4.2 query contract: the query table.
--
-- The ADO.NET providers of Orleans 10.4.2 (clustering, grain persistence, reminders) bring no SQL of their own. When a
-- silo starts, each provider reads its statements with "SELECT QueryKey, QueryText FROM OrleansQuery" and from then on
-- runs them with named parameters (@DeploymentId, @GrainIdHash, ...), reading the results back by column name. The
-- table's name and its two columns are therefore fixed by the providers; the statements stored in it, and the tables
-- they use, are FactoryTwin's own (scripts 0002 to 0004, one per provider).
--
-- Every statement is stored with an upsert, so a later release that changes one ships a new script that upserts that
-- key again; ClusterSchema applies it once, with the rest of the schema, when the first upgraded node starts.

CREATE TABLE OrleansQuery
(
    QueryKey varchar(64) NOT NULL PRIMARY KEY,
    QueryText text NOT NULL
);
