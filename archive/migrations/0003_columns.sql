-- A change counter, and a persisted snapshot of the compact columns that
-- searches filter and count on (source, day, language, agencies by id), so
-- that a new process does not rebuild them from the rows.
CREATE TABLE meta (
    key   TEXT    PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('generation', 0), ('rewrites', 0);

-- generation counts every change; rewrites counts the changes that are not
-- appends of new articles (deletes, updates), which need a full rebuild.
-- Appends are counted by the store, once per batch (see the note on
-- triggers in 0001).
CREATE TRIGGER articles_gen_ad AFTER DELETE ON articles BEGIN
    UPDATE meta SET value = value + 1 WHERE key IN ('generation', 'rewrites');
END;
CREATE TRIGGER articles_gen_au AFTER UPDATE OF id, source, pubday, language ON articles BEGIN
    UPDATE meta SET value = value + 1 WHERE key IN ('generation', 'rewrites');
END;
-- Credits added to an older article (relinking) change its columns.
CREATE TRIGGER agencies_gen_ai AFTER INSERT ON article_agencies
    WHEN new.article < (SELECT max(id) FROM articles) BEGIN
    UPDATE meta SET value = value + 1 WHERE key IN ('generation', 'rewrites');
END;
CREATE TRIGGER agencies_gen_ad AFTER DELETE ON article_agencies BEGIN
    UPDATE meta SET value = value + 1 WHERE key IN ('generation', 'rewrites');
END;

CREATE TABLE column_snapshot (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL,
    data       BLOB    NOT NULL
);
