-- Postings of frequent search phrases, for exact BM25 over whole match sets
-- (see archive/bm25.go): the ids matching expr among the articles with
-- id <= upto, encoded as in match_cache, and for each of them, in ascending
-- id order, its weighted frequency (10 x title + body occurrences) as a
-- little-endian uint16. Rows of another fts_epoch are never used.
CREATE TABLE phrase_freqs (
    id    INTEGER PRIMARY KEY,
    expr  TEXT    NOT NULL UNIQUE,
    epoch INTEGER NOT NULL,
    upto  INTEGER NOT NULL,
    n     INTEGER NOT NULL,
    made  INTEGER NOT NULL, -- unix seconds, the oldest rows go first
    ids   BLOB    NOT NULL,
    freqs BLOB    NOT NULL
);
