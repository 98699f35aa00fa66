-- Match sets of frequent search expressions (a common word, a phrase or a
-- prefix that matches a large share of the archive), so that a search does
-- not enumerate hundreds of thousands of FTS5 matches again. Each row holds
-- the ids matching expr among the articles with id <= upto, as a bitset or
-- as delta-coded varints (see archive/matchcache.go); a search extends a row
-- to newer articles by asking FTS5 only for ids above upto.
--
-- fts_epoch counts the changes that can alter the match set of ids already
-- covered: deleted articles and edited titles or texts. A row whose epoch is
-- not the current one is never used.
CREATE TABLE match_cache (
    id    INTEGER PRIMARY KEY,
    expr  TEXT    NOT NULL UNIQUE,
    epoch INTEGER NOT NULL,
    upto  INTEGER NOT NULL,
    n     INTEGER NOT NULL,
    made  INTEGER NOT NULL, -- unix seconds, the oldest rows go first
    ids   BLOB    NOT NULL
);
INSERT INTO meta (key, value) VALUES ('fts_epoch', 0);

CREATE TRIGGER articles_epoch_ad AFTER DELETE ON articles BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'fts_epoch';
END;
-- An edit of the indexed text also moves generation, so that searches
-- reread the counters.
CREATE TRIGGER articles_epoch_au AFTER UPDATE OF id, title, text, cjk ON articles BEGIN
    UPDATE meta SET value = value + 1 WHERE key IN ('fts_epoch', 'generation');
END;
