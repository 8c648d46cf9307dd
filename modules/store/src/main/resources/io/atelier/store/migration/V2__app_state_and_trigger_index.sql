-- V2: small facts the app remembers between starts, and a fast trigger-word lookup.

-- Key/value facts about the store itself. 'last_daily_backup' holds the ISO date of the last daily backup
-- (empty: none yet); processes claim the day's backup by updating this row, so only one of them makes it.
CREATE TABLE app_state (
    state_key   VARCHAR(100)  PRIMARY KEY,
    state_value VARCHAR(1000) NOT NULL
);
INSERT INTO app_state (state_key, state_value) VALUES ('last_daily_backup', '');

-- Every New LoRA checks that its trigger word is unused: a lookup, not a scan of the library.
CREATE INDEX project_trigger_key ON project (trigger_key);
