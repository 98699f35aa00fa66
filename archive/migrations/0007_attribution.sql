-- Attribution (issue 21): whether a link says who copied whom, and each
-- story member's parent in its story's tree.

-- Whether the engine has evidence of who copied whom, and of which kinds
-- (comma-separated: credit, dates, translation_of_original). An arrow is
-- an accusation: links stored before are undirected until a relink.
ALTER TABLE links ADD COLUMN directed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE links ADD COLUMN direction_evidence TEXT NOT NULL DEFAULT '';

-- A story's root: 'article' (an article of the archive, origin_article),
-- 'agency' (a dispatch of origin_agency that is not in the archive) or
-- 'unknown' (a common source that is not in the archive).
ALTER TABLE stories ADD COLUMN origin_kind TEXT NOT NULL DEFAULT '';
-- Each member's parent: an article of the story (parent_article), an
-- agency's dispatch not in the archive (parent_agency), or neither (the
-- root, or a copy of an unknown common source).
ALTER TABLE story_articles ADD COLUMN parent_article INTEGER NOT NULL DEFAULT 0;
ALTER TABLE story_articles ADD COLUMN parent_agency TEXT NOT NULL DEFAULT '';

-- Stories stored before have no tree: they are recomputed from their
-- links at the next import or relink.
INSERT OR IGNORE INTO stories_stale (article) SELECT article FROM story_articles;
