-- V6: training runs and the queue. A run's spec is frozen as JSON when it is queued; its state only moves along
-- RunState's arrows. queue_position orders the queued runs; pid and process_start identify the engine process so
-- the runner can tell, after a crash, whether it still lives.
CREATE TABLE run (
    id             UUID                     PRIMARY KEY,
    project_folder VARCHAR(4000)            NOT NULL,
    engine         VARCHAR(100)             NOT NULL,
    spec           CLOB                     NOT NULL,
    state          VARCHAR(20)              NOT NULL,
    reason         VARCHAR(4000),
    queue_position BIGINT,
    pid            BIGINT,
    process_start  TIMESTAMP WITH TIME ZONE,
    created        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX run_state ON run (state);
