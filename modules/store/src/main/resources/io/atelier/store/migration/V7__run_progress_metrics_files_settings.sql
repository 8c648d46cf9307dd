-- V7: what a run produces. Progress on the run row (for lists and the ETA), the metric series (seq grows with
-- every write so a reader can fetch just what changed), the files a run wrote
-- (checkpoints and samples, as the engine reported them), and the user's settings (engine folders, queue).
ALTER TABLE run ADD COLUMN step BIGINT;
ALTER TABLE run ADD COLUMN total_steps BIGINT;
ALTER TABLE run ADD COLUMN epoch INT;
ALTER TABLE run ADD COLUMN total_epochs INT;
ALTER TABLE run ADD COLUMN steps_per_second DOUBLE PRECISION;
ALTER TABLE run ADD COLUMN started TIMESTAMP WITH TIME ZONE;
ALTER TABLE run ADD COLUMN ended TIMESTAMP WITH TIME ZONE;
-- a queued run that continues from its saved state instead of starting over
ALTER TABLE run ADD COLUMN resume BOOLEAN DEFAULT FALSE NOT NULL;

-- Written at the engine's pace (100,000 values must go in within a second or so), so: no foreign key and one
-- index besides the key. A value written again for the same run, name and step is a new row; readers take the
-- newest (highest seq).
CREATE SEQUENCE run_metric_seq;
CREATE TABLE run_metric (
    seq          BIGINT           PRIMARY KEY,
    run_id       UUID             NOT NULL,
    name         VARCHAR(200)     NOT NULL,
    step         BIGINT           NOT NULL,
    epoch        INT              NOT NULL,
    metric_value DOUBLE PRECISION NOT NULL
);
CREATE INDEX run_metric_series ON run_metric (run_id, name, step);

CREATE TABLE run_file (
    run_id       UUID          NOT NULL,
    path         VARCHAR(4000) NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    epoch        INT           NOT NULL,
    step         BIGINT        NOT NULL,
    prompt_index INT           NOT NULL,
    created      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, path),
    FOREIGN KEY (run_id) REFERENCES run (id) ON DELETE CASCADE
);

CREATE TABLE setting (
    setting_key   VARCHAR(200)  PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);
