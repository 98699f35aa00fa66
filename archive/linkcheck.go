package archive

import (
	"context"
	"fmt"
)

// LinkProblems reports what is unfinished or out of date in the
// archive's provenance: a relink that was stopped (its progress), a
// link lock left by a process that died while it linked, articles stored
// but never linked (an import stopped before it linked them; those an
// import left unlinked on purpose, with --no-link, are not counted), and
// articles whose stories are out of date while nobody is linking. Check
// calls it; the problems say which command finishes the work.
func (s *Store) LinkProblems(ctx context.Context) ([]Problem, error) {
	var out []Problem
	p, unfinished, err := s.RelinkState(ctx)
	if err != nil {
		return nil, fmt.Errorf("link check: %w", err)
	}
	if unfinished {
		out = append(out, Problem{"relink", fmt.Sprintf("a relink was stopped (fingerprints up to article %d, links up to article %d): run 'wiretrace relink' to finish it", p.Printed, p.Linked)})
	}
	h, held, err := s.LinkLockHolder(ctx)
	if err != nil {
		return nil, fmt.Errorf("link check: %w", err)
	}
	live := held && h.alive()
	if held && !live {
		out = append(out, Problem{"linking", fmt.Sprintf("a wiretrace process (%s) stopped while it linked this archive; the next import or relink finishes its work", h)})
	}
	var unlinked, stale int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id > max(
		coalesce((SELECT value FROM meta WHERE key = 'linked_upto'), 0),
		coalesce((SELECT value FROM meta WHERE key = 'link_skip_upto'), 0))`).Scan(&unlinked); err != nil {
		return nil, fmt.Errorf("link check: %w", err)
	}
	if unlinked > 0 && !live {
		out = append(out, Problem{"unlinked", fmt.Sprintf("%d articles were stored but never linked: run the import again, or 'wiretrace relink'", unlinked)})
	}
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM stories_stale s JOIN articles a ON a.id = s.article").Scan(&stale); err != nil {
		return nil, fmt.Errorf("link check: %w", err)
	}
	if stale > 0 && !live {
		out = append(out, Problem{"stories", fmt.Sprintf("%d articles have stories out of date: run 'wiretrace relink'", stale)})
	}
	return out, nil
}
