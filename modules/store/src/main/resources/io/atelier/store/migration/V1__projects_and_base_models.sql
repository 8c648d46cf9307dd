-- V1: the library of LoRA projects and the base-model registry.

-- One row per project folder known to the library. The folder's atelier.json stays the truth about the
-- project; these columns are a copy so the library can list and search without opening every folder.
CREATE TABLE project (
    id                UUID          PRIMARY KEY,
    name              VARCHAR(120)  NOT NULL,
    trigger_word      VARCHAR(64)   NOT NULL,
    -- TriggerWord.key(trigger_word): the form uniqueness is checked in (case-insensitive)
    trigger_key       VARCHAR(64)   NOT NULL,
    kind              VARCHAR(20)   NOT NULL,
    base_model_family VARCHAR(20)   NOT NULL,
    created           TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    -- absolute, normalised path
    folder            VARCHAR(4096) NOT NULL,
    registered_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    last_opened       TIMESTAMP(9) WITH TIME ZONE,
    CONSTRAINT project_folder_unique UNIQUE (folder)
);

-- Checkpoints the user trains on and samples with. One row per file, and one per content.
CREATE TABLE base_model (
    -- absolute, normalised path of the .safetensors file
    file       VARCHAR(4096) PRIMARY KEY,
    name       VARCHAR(400)  NOT NULL,
    family     VARCHAR(20)   NOT NULL,
    size_bytes BIGINT        NOT NULL,
    sha256     CHAR(64)      NOT NULL,
    added      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT base_model_sha256_unique UNIQUE (sha256)
);
