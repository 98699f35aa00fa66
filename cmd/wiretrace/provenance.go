package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/internal/termsafe"
	"github.com/wiretrace/wiretrace/provenance"
)

func init() {
	register(&command{
		name:    "provenance",
		usage:   "[--db FILE] [--json] [--singletons=false] [ID] | --graph [--format graphml|gexf|csv]",
		summary: "show where an article's text came from, or all stories and the syndication graph",
		run:     runProvenance,
	})
}

// provenanceOut is the JSON shape of the provenance command.
type provenanceOut struct {
	Article *articleRef             `json:"article,omitempty"`
	Stories []storyOut              `json:"stories"`
	Links   []wiretrace.Link        `json:"links"`
	Credits []archive.ArticleCredit `json:"credits"`
	Graph   []archive.GraphEdge     `json:"graph,omitempty"`
}

type articleRef struct {
	ID     int64  `json:"id"`
	Title  string `json:"title"`
	Source string `json:"source"`
	Origin string `json:"origin,omitempty"`
}

type storyOut struct {
	ID       int64       `json:"id"`
	Origin   originOut   `json:"origin"`
	Articles []memberOut `json:"articles"`
}

// originOut is a story's origin: its supplier agency, and its root
// article (kind "article"), or its earliest article when the root is not
// in the archive (kind "agency": the agency's dispatch; "unknown": a
// common source).
type originOut struct {
	Agency  string `json:"agency,omitempty"`
	Article int64  `json:"article"`
	Kind    string `json:"kind,omitempty"`
}

type memberOut struct {
	Article    int64     `json:"article"`
	Source     string    `json:"source"`
	Title      string    `json:"title"`
	Language   string    `json:"language"`
	Published  time.Time `json:"published,omitzero"`
	LagSeconds int64     `json:"lag_seconds,omitempty"`
	// DerivedFrom: {"agency": NAME} | {"article": ID} |
	// {"unknown_source": true} | null for the story's root.
	DerivedFrom   *wiretrace.DerivedFrom `json:"derived_from"`
	DatePrecision string                 `json:"date_precision,omitempty"` // "minute", "day", or none when undated
}

func toStoryOut(st wiretrace.Story) storyOut {
	o := storyOut{ID: st.ID, Origin: originOut{Agency: st.OriginAgency, Article: st.OriginArticle, Kind: st.OriginKind}, Articles: []memberOut{}}
	for _, m := range st.Articles {
		o.Articles = append(o.Articles, memberOut{Article: m.Article, Source: m.Source, Title: m.Title,
			Language: m.Language, Published: m.Published, LagSeconds: int64(m.Lag / time.Second),
			DerivedFrom: m.DerivedFrom, DatePrecision: m.DatePrecision})
	}
	return o
}

func runProvenance(ctx context.Context, env *Env, args []string) error {
	c := commands["provenance"]
	fs := newFlags(c, env)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print stories, links and credits as JSON")
	singles := fs.Bool("singletons", true, "without ID: also list the articles that are stories of their own")
	graph := fs.Bool("graph", false, "write the outlet/agency network to standard output, for Gephi or NetworkX")
	format := fs.String("format", "graphml", "with --graph: `FORMAT` graphml, gexf or csv (an edge list)")
	pos, err := parseFlags(c, env, fs, args)
	if err == errHelp {
		fmt.Fprintln(env.Stdout, "\nWith ID: the article's credits, its links (reuse, translation) with direction, share reused,")
		fmt.Fprintln(env.Stdout, "evidence and changes, and its story. Without ID: every story, link and credit, and the")
		fmt.Fprintln(env.Stdout, "agency/outlet syndication graph. Links are computed at import; 'wiretrace relink' recomputes them.")
		return nil
	}
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return &usageError{err: fmt.Errorf("provenance: want at most one article ID"), usage: "wiretrace provenance " + c.usage}
	}
	if *graph {
		if len(pos) > 0 || *asJSON {
			return &usageError{err: fmt.Errorf("provenance: --graph takes no ID and no --json"), usage: "wiretrace provenance " + c.usage}
		}
		return writeNetwork(ctx, env, *db, *format)
	}
	var id int64
	if len(pos) == 1 {
		if id, err = strconv.ParseInt(pos[0], 10, 64); err != nil {
			return &usageError{err: fmt.Errorf("provenance: %q is not an article ID", pos[0]), usage: "wiretrace provenance " + c.usage}
		}
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	out := provenanceOut{Stories: []storyOut{}, Links: []wiretrace.Link{}, Credits: []archive.ArticleCredit{}}
	var pv *wiretrace.Provenance
	if id != 0 {
		if pv, err = s.Provenance(ctx, id); err != nil {
			return err
		}
		a := pv.Article
		out.Article = &articleRef{ID: a.ID, Title: a.Title, Source: a.Source, Origin: a.Origin}
		for _, cr := range a.Credits {
			out.Credits = append(out.Credits, archive.ArticleCredit{Article: a.ID, Agency: cr.Agency, Role: cr.Role})
		}
		out.Links = append(out.Links, pv.LinksOf(id)...)
		out.Stories = append(out.Stories, toStoryOut(pv.Story))
	} else {
		sts, err := s.Stories(ctx, *singles)
		if err != nil {
			return err
		}
		for _, st := range sts {
			out.Stories = append(out.Stories, toStoryOut(st))
		}
		links, err := s.AllLinks(ctx)
		if err != nil {
			return err
		}
		out.Links = append(out.Links, links...)
		cr, err := s.AllCredits(ctx)
		if err != nil {
			return err
		}
		out.Credits = append(out.Credits, cr...)
		if out.Graph, err = s.Graph(ctx); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(env.Stdout, out)
	}
	if pv != nil {
		return printProvenance(env.Stdout, out, pv)
	}
	return printAll(ctx, env.Stdout, s, out)
}

// printProvenance prints one article's provenance: its credits, its
// links in detail and its story, every article named from pv.
func printProvenance(stdout io.Writer, out provenanceOut, pv *wiretrace.Provenance) error {
	name := func(id int64) string {
		if b, ok := pv.Briefs[id]; ok && b.Source != "" {
			return fmt.Sprintf("#%d (%s)", id, termsafe.Line(b.Source))
		}
		return fmt.Sprintf("#%d", id)
	}
	// Titles, outlets, agencies and evidence come from the imported
	// files: every field is escaped and kept on its line (termsafe).
	w := termsafe.NewWriter(stdout)
	fmt.Fprintf(w, "#%d %s\n%s\n\n", out.Article.ID, termsafe.Line(out.Article.Title), termsafe.Line(orUnknown(out.Article.Source)))
	printCredits(w, out.Credits, false)
	printLinks(w, out.Links, name, true)
	credits := map[int64][]wiretrace.Credit{}
	for _, m := range pv.Story.Articles {
		credits[m.Article] = pv.Credits(m.Article)
	}
	printStories(w, out.Stories, credits)
	return nil
}

// printAll prints every credit, link and story and the syndication graph.
func printAll(ctx context.Context, stdout io.Writer, s *archive.Store, out provenanceOut) error {
	titles := map[int64]string{}
	for _, st := range out.Stories {
		for _, m := range st.Articles {
			titles[m.Article] = m.Source
		}
	}
	name := func(id int64) string {
		if src, ok := titles[id]; ok && src != "" {
			return fmt.Sprintf("#%d (%s)", id, termsafe.Line(src))
		}
		if b, err := s.Briefs(ctx, []int64{id}); err == nil && b[id] != nil && b[id].Source != "" {
			return fmt.Sprintf("#%d (%s)", id, termsafe.Line(b[id].Source))
		}
		return fmt.Sprintf("#%d", id)
	}
	w := termsafe.NewWriter(stdout)
	printCredits(w, out.Credits, true)
	printLinks(w, out.Links, name, false)
	printGraph(w, out.Graph)
	credits := map[int64][]wiretrace.Credit{}
	var ids []int64
	for _, st := range out.Stories {
		for _, m := range st.Articles {
			ids = append(ids, m.Article)
		}
	}
	briefs, err := s.Briefs(ctx, ids)
	if err != nil {
		return err
	}
	for id, b := range briefs {
		credits[id] = b.Credits
	}
	printStories(w, out.Stories, credits)
	return nil
}

func printCredits(w io.Writer, cs []archive.ArticleCredit, withArticle bool) {
	fmt.Fprintf(w, "credits (%d):\n", len(cs))
	if len(cs) == 0 {
		fmt.Fprintln(w, "  none: the article credits no agency")
	}
	for _, c := range cs {
		if withArticle {
			fmt.Fprintf(w, "  #%-6d %-12s %s\n", c.Article, termsafe.Line(c.Agency), termsafe.Line(c.Role))
		} else {
			fmt.Fprintf(w, "  %-12s %s\n", termsafe.Line(c.Agency), termsafe.Line(c.Role))
		}
	}
	fmt.Fprintln(w)
}

func printLinks(w io.Writer, links []wiretrace.Link, name func(int64) string, detail bool) {
	fmt.Fprintf(w, "links (%d):\n", len(links))
	for _, l := range links {
		if l.Directed {
			fmt.Fprintf(w, "  %s -> %s  %s, %.0f%% of the original reused (%.0f%% of the copy), direction %.2f (%s): %s\n",
				name(l.From), name(l.To), termsafe.Line(l.Kind), 100*l.Reused, 100*l.ReusedOfCopy, l.DirectionConfidence,
				termsafe.Line(strings.Join(l.DirectionEvidence, ", ")), termsafe.Line(l.DirectionReason))
		} else {
			what := "share text"
			if l.Kind == wiretrace.LinkTranslation {
				what = "translations of each other"
			}
			fmt.Fprintf(w, "  %s — %s  %s (no evidence of direction), %.0f%% and %.0f%% shared: %s\n",
				name(l.From), name(l.To), what, 100*l.Reused, 100*l.ReusedOfCopy, termsafe.Line(l.DirectionReason))
		}
		if !detail {
			continue
		}
		ch := l.Changes
		var notes []string
		if ch.NewHeadline {
			notes = append(notes, "new headline")
		}
		if len(ch.Cut) > 0 {
			notes = append(notes, fmt.Sprintf("%d paragraphs cut", len(ch.Cut)))
		}
		if len(ch.Added) > 0 {
			notes = append(notes, fmt.Sprintf("%d paragraphs added", len(ch.Added)))
		}
		if ch.Credited {
			notes = append(notes, "credits its source")
		} else {
			notes = append(notes, "UNDECLARED copy: credits no source")
		}
		fmt.Fprintf(w, "    changes: %s\n", strings.Join(notes, ", "))
		for _, a := range ch.Altered {
			fmt.Fprintf(w, "    altered: %s\n", termsafe.Line(a))
		}
		for i, e := range l.Evidence {
			if i == 5 {
				fmt.Fprintf(w, "    ... %d more passages\n", len(l.Evidence)-5)
				break
			}
			fmt.Fprintf(w, "    < %s\n    > %s\n", clipLine(e.FromText, 160), clipLine(e.ToText, 160))
		}
	}
	fmt.Fprintln(w)
}

func printGraph(w io.Writer, g []archive.GraphEdge) {
	fmt.Fprintf(w, "syndication graph (%d edges):\n", len(g))
	for _, e := range g {
		fmt.Fprintf(w, "  %-24s -> %-24s %-11s %d\n", clipLine(e.From, 24), clipLine(orUnknown(e.To), 24), termsafe.Line(e.Kind), e.Count)
	}
	fmt.Fprintln(w)
}

func printStories(w io.Writer, sts []storyOut, credits map[int64][]wiretrace.Credit) {
	fmt.Fprintf(w, "stories (%d):\n", len(sts))
	for _, st := range sts {
		origin := "origin unknown"
		if st.Origin.Agency != "" {
			origin = "origin " + termsafe.Line(st.Origin.Agency)
		}
		fmt.Fprintf(w, "  story %d, %s, %d articles\n", st.ID, origin, len(st.Articles))
		if st.Origin.Kind == "" {
			// Stored before stories were trees: recomputed at the next
			// import or relink.
			fmt.Fprintf(w, "    (no tree yet: run 'wiretrace relink')\n")
			for _, m := range st.Articles {
				fmt.Fprintf(w, "    %s\n", memberLine(m, "", credits[m.Article]))
			}
			continue
		}
		printTree(w, st, credits)
	}
}

// printTree prints a story as an indented tree: its root (an article, or
// an original that is not in the archive), then each member under its
// parent.
func printTree(w io.Writer, st storyOut, credits map[int64][]wiretrace.Credit) {
	in := map[int64]bool{}
	langs := map[string]int{}
	var rootLang string
	for _, m := range st.Articles {
		in[m.Article] = true
		langs[m.Language]++
		if m.DerivedFrom == nil {
			rootLang = m.Language
		}
	}
	if rootLang == "" {
		best := 0
		for l, n := range langs {
			if n > best || n == best && l < rootLang {
				rootLang, best = l, n
			}
		}
	}
	children := map[int64][]memberOut{} // by parent article; 0 for the root
	var roots []memberOut
	for _, m := range st.Articles {
		switch d := m.DerivedFrom; {
		case d == nil:
			roots = append(roots, m)
		case d.Article != 0 && in[d.Article]:
			children[d.Article] = append(children[d.Article], m)
		default:
			children[0] = append(children[0], m)
		}
	}
	var walk func(ms []memberOut, indent string)
	walk = func(ms []memberOut, indent string) {
		for i, m := range ms {
			branch, next := "├─ ", "│  "
			if i == len(ms)-1 {
				branch, next = "└─ ", "   "
			}
			fmt.Fprintf(w, "    %s%s%s\n", indent, branch, memberLine(m, rootLang, credits[m.Article]))
			walk(children[m.Article], indent+next)
		}
	}
	switch st.Origin.Kind {
	case wiretrace.OriginAgency:
		fmt.Fprintf(w, "    %s dispatch (not in archive)\n", termsafe.Line(st.Origin.Agency))
	case wiretrace.OriginUnknown:
		fmt.Fprintf(w, "    common source (not in archive, not known)\n")
	}
	for _, r := range roots {
		fmt.Fprintf(w, "    %s · original\n", memberLine(r, rootLang, credits[r.Article]))
		walk(children[r.Article], "")
	}
	walk(children[0], "")
}

// memberLine describes a story member: outlet, language when it is not
// the story's, whether it credits its source, then id, day and title.
func memberLine(m memberOut, storyLang string, cs []wiretrace.Credit) string {
	name := clipLine(orUnknown(m.Source), 40)
	var parts []string
	if m.Language != "" && storyLang != "" && m.Language != storyLang {
		name += " (" + termsafe.Line(m.Language) + ")"
		parts = append(parts, "translation")
	}
	var named, photos []string
	for _, c := range cs {
		switch c.Role {
		case wiretrace.RolePhoto:
			photos = append(photos, termsafe.Line(c.Agency)+" photos")
		case wiretrace.RoleCited:
			named = append(named, "cites "+termsafe.Line(c.Agency))
		default:
			named = append(named, termsafe.Line(c.Agency))
		}
	}
	switch {
	case len(named) > 0:
		parts = append(parts, "credits "+strings.Join(append(named, photos...), ", "))
	case len(photos) > 0:
		parts = append(parts, strings.Join(photos, ", ")+", credits nobody for the text — undeclared")
	default:
		parts = append(parts, "credits nobody — undeclared")
	}
	day := "undated"
	switch {
	case m.Published.IsZero():
	case m.DatePrecision == wiretrace.PrecisionDay:
		day = m.Published.Format("2006-01-02")
	default:
		day = m.Published.Format("2006-01-02 15:04")
	}
	lag := provenance.Lag(time.Duration(m.LagSeconds) * time.Second)
	if lag != "" {
		lag = " +" + lag
	}
	return fmt.Sprintf("%s · %s  #%d %s%s %s", name, strings.Join(parts, " · "), m.Article, day, lag, clipLine(m.Title, 60))
}

// clipLine folds s onto one line of at most n characters, escaped
// (termsafe.Line) after the cut.
func clipLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > n {
		s = string(r[:n-1]) + "…"
	}
	return termsafe.Line(s)
}
