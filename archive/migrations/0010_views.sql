-- Read-only views for outside tools (the sqlite3 command-line shell, a
-- notebook, a spreadsheet): the archive's articles with their credits and
-- story, and its links with their evidence, under names and columns that
-- stay when the tables under them change. docs/SCHEMA.md describes them.
-- Wiretrace itself never reads them.

-- One row per article. An article that no link joins to another is a
-- story of its own, which the stories table does not hold: its story is
-- its own id and the story's size 1.
CREATE VIEW v_articles AS
SELECT a.id,
       a.source,
       a.url,
       a.title,
       a.byline,
       a.dateline,
       nullif(a.published, '')             AS published,
       a.pubday,
       nullif(a.language, '')              AS language,
       a.origin,
       a.imported,
       (SELECT group_concat(g.agency || ' (' || g.role || ')', ', ')
          FROM article_agencies g WHERE g.article = a.id) AS credits,
       coalesce(sa.story, a.id)            AS story,
       coalesce(s.size, 1)                 AS story_size,
       nullif(s.origin_kind, '')           AS story_root,
       nullif(sa.parent_article, 0)        AS parent_article,
       nullif(sa.parent_agency, '')        AS parent_agency,
       a.text
  FROM articles a
  LEFT JOIN story_articles sa ON sa.article = a.id
  LEFT JOIN stories s ON s.id = sa.story;

-- One row per link between two articles: from the original to the copy
-- when directed is 1, in no known order when it is 0.
CREATE VIEW v_links AS
SELECT l.from_article,
       l.to_article,
       l.kind,
       l.directed,
       nullif(l.direction_evidence, '')    AS direction_evidence,
       l.direction_confidence,
       nullif(l.direction_reason, '')      AS direction_reason,
       l.reused,
       l.reused_copy,
       f.source                            AS from_source,
       f.title                             AS from_title,
       t.source                            AS to_source,
       t.title                             AS to_title,
       l.evidence,
       l.changes
  FROM links l
  JOIN articles f ON f.id = l.from_article
  JOIN articles t ON t.id = l.to_article;
