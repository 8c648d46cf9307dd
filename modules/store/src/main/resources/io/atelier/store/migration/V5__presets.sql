-- V5: user presets of training parameters. A preset has a name and a history: every save adds a new immutable
-- version (number, time, optional note, the values as JSON). Deleting a preset only marks it.
CREATE TABLE preset (
    id         UUID                     PRIMARY KEY,
    name       VARCHAR(200)             NOT NULL,
    name_key   VARCHAR(200)             NOT NULL,
    created    TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE
);
-- one live preset per name (case-insensitive): a deleted preset's key gets its id appended, out of the way
CREATE UNIQUE INDEX preset_name_key ON preset (name_key);

CREATE TABLE preset_version (
    preset_id UUID                     NOT NULL REFERENCES preset (id),
    version   INT                      NOT NULL,
    created   TIMESTAMP WITH TIME ZONE NOT NULL,
    note      VARCHAR(2000),
    config    CLOB                     NOT NULL,
    PRIMARY KEY (preset_id, version)
);
