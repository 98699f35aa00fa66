-- New fingerprints go into a small table first and move into the big
-- index in bulk (archive/links.go, setFingerprintsTx). A batch's rows land
-- on random keys, so inserting them straight into the big index rewrote
-- most of its pages in every batch (134 MB of a 100k-article archive per
-- batch of 500); the small table stays within the page cache, and a merge
-- walks the big index once, in key order. Lookups read both tables.
CREATE TABLE fingerprints_recent (
    fp      INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (fp, article)
) WITHOUT ROWID;

-- Row counts of the two tables, kept by the store, which decides from them
-- when to merge.
INSERT INTO meta (key, value) SELECT 'fingerprints_rows', count(*) FROM fingerprints;
INSERT INTO meta (key, value) VALUES ('fingerprints_recent_rows', 0);

-- Articles whose links changed since their story was last computed. An
-- import stores links batch by batch and recomputes the stories of these
-- articles every few thousand of them and at its end, instead of after
-- every batch: the copies of a story arrive in many batches, and its
-- story was computed again for each. Kept in the archive, so that an
-- interrupted import leaves the work for the next one, not wrong stories.
CREATE TABLE stories_stale (
    article INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
);

-- The last article whose links were stored (by an import or a relink,
-- which link articles in ascending order): the articles after it that an
-- import stored but did not link, because it was stopped, are linked by
-- the next import.
INSERT INTO meta (key, value) SELECT 'linked_upto', coalesce(max(article), 0) FROM article_fingerprints;
