-- A kept replay state (audit.reader.ReplayStates) is "settled" once no transaction that was open
-- when it was kept is still open and the entity's rows up to it were counted after that: no row up
-- to its position can appear any more, and the state is used without counting them again (on
-- PostgreSQL; the embedded H2 database counts every time). kept_at is the database's clock when it
-- was kept. The states kept so far are derived data without it: they go, and the next replay
-- keeps them again.
DELETE FROM entity_replay_state;
ALTER TABLE entity_replay_state ADD COLUMN kept_at TIMESTAMP WITH TIME ZONE NOT NULL;
ALTER TABLE entity_replay_state ADD COLUMN settled BOOLEAN DEFAULT FALSE NOT NULL;
