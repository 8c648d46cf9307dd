-- V8: the epoch gallery. Every sample image of a run with what made it (written by the engine during training, or
-- generated afterwards on any base model at any LoRA strength), the run's best epoch, and ratings and notes per cell
-- (prompt_index >= 0) or per epoch (prompt_index = -1).
CREATE TABLE sample_image (
    id               UUID             PRIMARY KEY,
    run_id           UUID             NOT NULL,
    path             VARCHAR(4000)    NOT NULL,
    source           VARCHAR(20)      NOT NULL,
    epoch            INT              NOT NULL,
    step             BIGINT           NOT NULL,
    prompt_index     INT              NOT NULL,
    prompt           VARCHAR(8000)    NOT NULL,
    negative_prompt  VARCHAR(8000)    NOT NULL,
    seed             BIGINT,
    sampler          VARCHAR(100)     NOT NULL,
    cfg_scale        DOUBLE PRECISION NOT NULL,
    steps            INT              NOT NULL,
    width            INT              NOT NULL,
    height           INT              NOT NULL,
    base_model       VARCHAR(1000)    NOT NULL,
    base_model_sha256 VARCHAR(64),
    lora_strength    DOUBLE PRECISION NOT NULL,
    created          TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (run_id, path),
    FOREIGN KEY (run_id) REFERENCES run (id) ON DELETE CASCADE
);
CREATE INDEX sample_image_run ON sample_image (run_id, epoch, prompt_index);

CREATE TABLE run_pick (
    run_id     UUID          PRIMARY KEY,
    best_epoch INT           NOT NULL,
    note       VARCHAR(4000),
    picked     TIMESTAMP WITH TIME ZONE NOT NULL,
    FOREIGN KEY (run_id) REFERENCES run (id) ON DELETE CASCADE
);

CREATE TABLE gallery_rating (
    run_id       UUID          NOT NULL,
    epoch        INT           NOT NULL,
    prompt_index INT           NOT NULL,
    rating       INT,
    note         VARCHAR(4000),
    PRIMARY KEY (run_id, epoch, prompt_index),
    FOREIGN KEY (run_id) REFERENCES run (id) ON DELETE CASCADE
);
