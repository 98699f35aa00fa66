-- Provenance: what package provenance computes at import time, stored so
-- that the app only reads it. `wiretrace relink` recomputes all of it.

-- The fingerprint index: one row per (fingerprint, article). Fingerprints
-- are below 2^47, so each is stored in at most 6 bytes.
CREATE TABLE fingerprints (
    fp      INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (fp, article)
) WITHOUT ROWID;

-- The fingerprints of each article, sorted and delta-encoded as uvarints,
-- so that they can be removed from the index without a second index on
-- (article).
CREATE TABLE article_fingerprints (
    article INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    fps     BLOB    NOT NULL
);

-- Reuse and translation links, from the original to the copy.
CREATE TABLE links (
    from_article         INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    to_article           INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind                 TEXT    NOT NULL,             -- 'reuse' or 'translation'
    direction_confidence REAL    NOT NULL DEFAULT 0,
    direction_reason     TEXT    NOT NULL DEFAULT '',
    reused               REAL    NOT NULL DEFAULT 0,   -- share of the original found in the copy
    reused_copy          REAL    NOT NULL DEFAULT 0,   -- share of the copy taken from the original
    evidence             TEXT    NOT NULL DEFAULT '[]', -- JSON: passages as byte ranges of the two texts (archive/linktext.go)
    changes              TEXT    NOT NULL DEFAULT '{}', -- JSON archive.Changes, paragraphs as byte ranges
    UNIQUE (from_article, to_article, kind)
);
-- A rowid table: its rows are a few hundred bytes, which WITHOUT ROWID
-- tables store poorly.
CREATE INDEX links_to ON links (to_article, from_article);

-- Stories of two or more articles; an article without links is a story
-- of its own and is not stored here.
CREATE TABLE stories (
    id             INTEGER PRIMARY KEY,          -- the smallest article id of the story
    origin_agency  TEXT    NOT NULL DEFAULT '',
    origin_article INTEGER NOT NULL,
    size           INTEGER NOT NULL
);
CREATE TABLE story_articles (
    article INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    lag     INTEGER NOT NULL DEFAULT 0           -- nanoseconds behind the origin, 0 when unknown
);
CREATE INDEX story_articles_story ON story_articles (story);
