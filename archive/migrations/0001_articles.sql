-- Articles and their full-text indexes.
--
-- Small columns come first so that reading them never touches the overflow
-- pages that hold the text.
CREATE TABLE articles (
    id        INTEGER PRIMARY KEY,
    source    TEXT    NOT NULL DEFAULT '',
    pubday    INTEGER,                      -- YYYYMMDD in the article's own time zone; NULL when undated
    language  TEXT    NOT NULL DEFAULT '',
    hash      TEXT    NOT NULL UNIQUE,
    published TEXT    NOT NULL DEFAULT '',  -- RFC 3339, '' when unknown
    imported  TEXT    NOT NULL,
    origin    TEXT    NOT NULL DEFAULT '',
    url       TEXT    NOT NULL DEFAULT '',
    byline    TEXT    NOT NULL DEFAULT '',
    dateline  TEXT    NOT NULL DEFAULT '',
    credits   TEXT    NOT NULL DEFAULT '[]', -- JSON array of archive.Credit
    title     TEXT    NOT NULL DEFAULT '',
    text      TEXT    NOT NULL DEFAULT '',
    cjk       TEXT    NOT NULL DEFAULT ''    -- CJK and Thai runs as character bigrams, for the FTS index
);
CREATE INDEX articles_source ON articles (source, pubday);
CREATE INDEX articles_pubday ON articles (pubday);

-- One row per credited agency of an article.
CREATE TABLE article_agencies (
    article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    agency  TEXT    NOT NULL,
    role    TEXT    NOT NULL,
    PRIMARY KEY (article, agency, role)
) WITHOUT ROWID;
CREATE INDEX article_agencies_agency ON article_agencies (agency, article);

-- Full text over title and text, accent-insensitive. unicode61 does not
-- segment Chinese, Japanese or Thai, so those runs are also indexed as
-- overlapping character bigrams in the cjk column.
--
-- New rows are indexed by the store itself, at the end of each batch, not by
-- an insert trigger: a statement with triggers opens a savepoint, and FTS5
-- writes its pending index to disk at every savepoint, so a trigger made
-- one tiny index segment per article (and merges without end). Deletes and
-- updates, which are rare, keep their triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, cjk,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text, cjk) VALUES ('delete', old.id, old.title, old.text, old.cjk);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text, cjk ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text, cjk) VALUES ('delete', old.id, old.title, old.text, old.cjk);
    INSERT INTO articles_fts (rowid, title, text, cjk) VALUES (new.id, new.title, new.text, new.cjk);
END;

-- Files already imported, so that a re-run skips them without reading them.
CREATE TABLE imported_files (
    path  TEXT    PRIMARY KEY,
    size  INTEGER NOT NULL,
    mtime INTEGER NOT NULL
) WITHOUT ROWID;
