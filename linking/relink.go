package linking

import (
	"context"
	"fmt"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/internal/par"
	"github.com/wiretrace/wiretrace/provenance"
)

// relinkBatch is how many articles a relink fingerprints or links at once.
const relinkBatch = 500

// relink is Service.Relink: in three phases, each recording its
// progress in the archive as it goes (see the package doc), it stores
// the fingerprints of every article, then links the articles in
// ascending order, batch by batch, by a session, as an import links them,
// then computes the stories whose links changed.
func relink(ctx context.Context, s *archive.Store, opt Options) (Stats, error) {
	var st Stats
	progress := opt.Progress
	if progress == nil {
		progress = func(string, int, int) {}
	}
	x := newSession(s)
	x.waiting = opt.Waiting
	if err := x.acquire(ctx); err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	defer func() {
		x.Wait() // a stopped relink's batches being stored
		x.Release(context.WithoutCancel(ctx))
	}()
	p, resumed, err := s.BeginRelink(ctx)
	if err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	if resumed && opt.Resumed != nil {
		opt.Resumed(p)
	}
	// Phase 1: the fingerprints of every article, stored in place.
	total, done := 0, 0
	if err := s.DB().QueryRowContext(ctx, "SELECT count(*), count(*) FILTER (WHERE id <= ?) FROM articles", p.Printed).Scan(&total, &done); err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	for {
		ids, err := s.ArticleIDsAfter(ctx, p.Printed, relinkBatch)
		if err != nil || len(ids) == 0 {
			if err != nil {
				return st, fmt.Errorf("relink: fingerprints: %w", err)
			}
			break
		}
		arts, err := s.Articles(ctx, ids)
		if err != nil {
			return st, fmt.Errorf("relink: fingerprints: %w", err)
		}
		fps := make(map[int64][]uint64, len(arts))
		list := make([]*wiretrace.Article, 0, len(arts))
		for _, a := range arts {
			list = append(list, a)
		}
		prints := make([][]uint64, len(list))
		par.Each(len(list), func(i int) { prints[i] = provenance.Fingerprints(list[i].Title, list[i].Text) })
		for i, a := range list {
			fps[a.ID] = prints[i]
		}
		p.Printed = ids[len(ids)-1]
		if err := s.SetRelinkFingerprints(ctx, fps, p.Printed); err != nil {
			return st, fmt.Errorf("relink: fingerprints: %w", err)
		}
		done += len(ids)
		total = max(total, done)
		progress("fingerprints", done, 0)
	}
	progress("fingerprints", done, done)

	// Phase 2: the links, in place, by a session that records the
	// relink's progress with each batch.
	x.relink, x.printed = true, p.Printed
	if err := s.DB().QueryRowContext(ctx, "SELECT count(*), count(*) FILTER (WHERE id <= ?) FROM articles", p.Linked).Scan(&total, &done); err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	st.Articles = total
	after := p.Linked
	for {
		ids, err := s.ArticleIDsAfter(ctx, after, relinkBatch)
		if err != nil {
			return st, fmt.Errorf("relink: %w", err)
		}
		if len(ids) == 0 {
			break
		}
		if err := x.Link(ctx, ids); err != nil {
			return st, fmt.Errorf("relink: %w", err)
		}
		after = ids[len(ids)-1]
		done += len(ids)
		progress("links", done, max(total, done))
	}
	if err := x.Wait(); err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	// Every story whose links changed, this relink's or a stopped one's.
	progress("stories", 0, total)
	x.marked = nil
	err = flushStories(ctx, s, func(upto int64) {
		n := 0
		s.DB().QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE id <= ?", upto).Scan(&n)
		progress("stories", n, total)
	})
	if err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	if err := s.EndRelink(ctx); err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	if err := s.DB().QueryRowContext(ctx, "SELECT count(*) FROM links").Scan(&st.Links); err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	if st.Stories, err = s.CountStories(ctx); err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	progress("stories", total, total)
	return st, nil
}
