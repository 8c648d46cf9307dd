-- V4: values computed from a file's content and worth keeping between runs (image quality measures, ...), by kind
-- and content hash. Only a cache: anything here can be computed again, so it is never backed up on its own.
CREATE TABLE content_cache (
    kind       VARCHAR(100)             NOT NULL,
    cache_key  VARCHAR(200)             NOT NULL,
    cache_value CLOB                    NOT NULL,
    stored_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, cache_key)
);
