-- V3: the tags a tagger model wrote into captions, so the tag editor can show which tags were model-made and how
-- sure the model was. Keyed by the image's content hash: renaming an image keeps them, new pixels start afresh.
CREATE TABLE tagger_tag (
    image_sha256 VARCHAR(64)              NOT NULL,
    tag          VARCHAR(500)             NOT NULL,
    category     VARCHAR(20)              NOT NULL,
    probability  REAL                     NOT NULL,
    model        VARCHAR(500)             NOT NULL,
    tagged_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (image_sha256, tag)
);
