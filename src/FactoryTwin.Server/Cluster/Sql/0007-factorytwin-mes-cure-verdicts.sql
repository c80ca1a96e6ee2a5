-- FactoryTwin: the twin's cure verdicts of the bodies that left an oven (docs/mes.md), kept for the performance export
-- across restarts. One row per body, its latest verdict; every node writes the bodies it sees leave (the same row, so a
-- write twice is harmless), and keeps the newest Mes:RememberedCureVerdicts bodies by the time they were written.

CREATE TABLE factorytwin_mes_cure_verdicts
(
    part_id text NOT NULL PRIMARY KEY,
    oven text NOT NULL,
    verdict text NOT NULL,
    cure_index double precision NOT NULL,
    worst_point text NOT NULL,
    predicted_at timestamptz NOT NULL,
    written bigint NOT NULL
);

CREATE INDEX factorytwin_mes_cure_verdicts_by_written ON factorytwin_mes_cure_verdicts (written);

CREATE SEQUENCE factorytwin_mes_cure_verdicts_written;
