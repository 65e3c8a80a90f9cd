-- States of entity replays kept every so many rows (audit.reader.ReplayStates), so that an "as of"
-- replays only the rows after the latest one instead of the entity's whole history. Derived data,
-- not audit rows: any of them may be deleted at any time and is made again by the next replay;
-- each is checked against the rows (their count) and its MAC (a key derived from the seal key)
-- before it is used.
CREATE TABLE entity_replay_state (
    entity_type        VARCHAR(128)             NOT NULL,
    entity_id          VARCHAR(128)             NOT NULL,
    last_id            BIGINT                   NOT NULL,
    row_count          INTEGER                  NOT NULL,
    latest_occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    state              TEXT                     NOT NULL,
    mac                VARCHAR(64)              NOT NULL,
    PRIMARY KEY (entity_type, entity_id, last_id)
);
