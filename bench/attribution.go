package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/gen"
)

// AttributionOptions set up one attribution run: a generated corpus with
// its hard cases (gen.Config.Hard), imported with provenance linking, its
// links and stories scored against the truth.
type AttributionOptions struct {
	Articles int
	Seed     int64   // 0 means 7
	Hard     float64 // share of agency stories made hard; 0 means 0.3, negative none
	// Files imports the corpus as files, so credits and dates come from
	// the importer (agency.Detect, date-only stamps as the files state
	// them); otherwise the generated articles are stored with the credits
	// a perfect detector would find.
	Files bool
	Dir   string // holds the archive (and files); created if needed
	Log   io.Writer
}

// Tally counts links of one class: how many, how many the engine drew as
// arrows, how many of the arrows point from the true original.
type Tally struct {
	Links, Drawn, Right int
}

// Accuracy is Right / Drawn, or -1 with no arrows.
func (t Tally) Accuracy() float64 {
	if t.Drawn == 0 {
		return -1
	}
	return float64(t.Right) / float64(t.Drawn)
}

// Attribution holds the figures of one attribution run.
type Attribution struct {
	Articles int
	Seed     int64
	Hard     float64
	Files    bool
	// Directed reports that the archive's links say whether they are
	// directed (wiretrace.Link.Directed); without it every link counts as an
	// arrow, as the app drew them, and evidence kinds come from the
	// direction reason's text.
	Directed       bool
	Links          gen.Scores
	LinkPerArticle LinkTime
	// All links; Oriented: links whose truth has an original (one of the
	// pair derives from the other); Siblings: links between copies of one
	// dispatch, neither derived from the other; Unseen: siblings of a
	// dispatch not in the corpus; Knowable / Unknowable: oriented links
	// whose pair does or does not carry evidence of the direction.
	All, Oriented, Siblings, Unseen, Knowable, Unknowable Tally
	// ByEvidence tallies oriented links per evidence kind the engine gave
	// (a link with two kinds counts under both; "none" for none);
	// ByCase per hard case of the truth ("normal" for none).
	ByEvidence, ByCase map[string]*Tally
	// Agency recall: copies, translations and merges whose supplier agency
	// the archive has as a supplier credit or as their story's origin.
	Copies, AgencyFound int
	AgencyByCase        map[string][2]int // found, copies
	// DerivedFrom: members whose stored parent is the true one, of those
	// with a true parent, when stories carry parents (else DerivedN is 0).
	DerivedN, DerivedRight int
	// Origins: stories of two or more articles whose origin is right (the
	// dispatch when it is in the corpus, the agency when it is not).
	OriginN, OriginRight int
	Seconds              float64 // the whole run
}

var (
	linkType     = reflect.TypeOf(wiretrace.Link{})
	_, hasDirect = linkType.FieldByName("Directed")
	_, hasKinds  = linkType.FieldByName("DirectionEvidence")
)

// linkDirection returns whether l is drawn as an arrow and the kinds of
// evidence for it, with whatever fields wiretrace.Link has.
func linkDirection(l wiretrace.Link) (bool, []string) {
	v := reflect.ValueOf(l)
	directed := true
	if hasDirect {
		directed = v.FieldByName("Directed").Bool()
	}
	var kinds []string
	if hasKinds {
		kinds, _ = v.FieldByName("DirectionEvidence").Interface().([]string)
	} else {
		kinds = reasonKinds(l.DirectionReason)
	}
	if len(kinds) == 0 {
		kinds = []string{"none"}
	}
	return directed, kinds
}

// reasonKinds sorts the reasons of a direction, as provenance words them,
// into evidence kinds.
func reasonKinds(reason string) []string {
	var out []string
	add := func(k string) {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	for _, r := range strings.Split(reason, "; ") {
		switch {
		case r == "", strings.HasPrefix(r, "no evidence"):
		case strings.Contains(r, "credits nobody"):
			add("credit_vs_nobody")
		case strings.Contains(r, "published earlier"):
			add(gen.EvidenceDates)
		case strings.Contains(r, "contained in"):
			add(gen.EvidenceEdits)
		case strings.Contains(r, " credits "):
			add(gen.EvidenceCredit)
		default:
			add("other")
		}
	}
	return out
}

// RunAttribution generates, imports with linking and scores one corpus.
func RunAttribution(ctx context.Context, o AttributionOptions) (*Attribution, error) {
	start := time.Now()
	if o.Seed == 0 {
		o.Seed = 7
	}
	if o.Hard == 0 {
		o.Hard = 0.3
	}
	dir := filepath.Join(o.Dir, fmt.Sprintf("attr-%g", o.Hard))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	g := gen.New(gen.Config{Articles: o.Articles, Seed: o.Seed, Credits: !o.Files, Hard: o.Hard})
	mode := "db"
	if o.Files {
		mode = "files"
	}
	dbPath := filepath.Join(dir, fmt.Sprintf("attr-%d-%d-%s.db", o.Articles, o.Seed, mode))
	for _, p := range []string{dbPath, dbPath + "-wal", dbPath + "-shm"} {
		os.Remove(p)
	}
	var lt linkTimer
	opts := Options{Articles: o.Articles, Seed: o.Seed, Dir: dir, Files: o.Files, Log: o.Log}
	bl := &batchLinker{timer: &lt}
	opts.flush = bl.flush
	opts.Link = func(ctx context.Context, s *archive.Store, ids []int64) error {
		t := time.Now()
		err := bl.link(ctx, s, ids)
		lt.add(len(ids), time.Since(t))
		return err
	}
	if err := importCorpus(ctx, &opts, g, dbPath, &Report{}); err != nil {
		return nil, err
	}
	rep := &Attribution{Articles: o.Articles, Seed: o.Seed, Hard: o.Hard, Files: o.Files, Directed: hasDirect, LinkPerArticle: lt.figures()}
	if err := scoreAttribution(ctx, g, dbPath, rep); err != nil {
		return nil, err
	}
	rep.Seconds = time.Since(start).Seconds()
	opts.logf("attribution at %d: %d links, %.3f drawn, direction %.3f, agency recall %.3f, %.2f ms/article",
		o.Articles, rep.All.Links, share(rep.All.Drawn, rep.All.Links), rep.Oriented.Accuracy(), share(rep.AgencyFound, rep.Copies), rep.LinkPerArticle.All)
	return rep, nil
}

func share(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func caseName(tr *gen.Truth) string {
	if tr.Hard == "" {
		return "normal"
	}
	return tr.Hard
}

// scoreAttribution reads the links, credits and stories of the archive at
// dbPath and scores them against g's truth.
func scoreAttribution(ctx context.Context, g *gen.Generator, dbPath string, rep *Attribution) error {
	truth := make([]gen.Truth, 0, g.Len())
	byName := make(map[string]int64, g.Len())
	for _, tr := range g.All() {
		truth = append(truth, tr)
		byName[filepath.Base(tr.Origin)] = tr.ID
	}
	s, err := archive.Open(dbPath)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	defer s.Close()
	toTruth := map[int64]int64{}
	fromTruth := map[int64]int64{}
	supplier := map[int64][]string{} // truth ID: supplier agencies credited in the archive
	err = s.Each(ctx, func(a *wiretrace.Article) error {
		if id, ok := byName[filepath.Base(a.Origin)]; ok {
			toTruth[a.ID], fromTruth[id] = id, a.ID
			supplier[id] = a.Agencies(wiretrace.RoleSupplier)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	links, err := s.AllLinks(ctx)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	rep.ByEvidence, rep.ByCase, rep.AgencyByCase = map[string]*Tally{}, map[string]*Tally{}, map[string][2]int{}
	tally := func(m map[string]*Tally, k string) *Tally {
		if m[k] == nil {
			m[k] = &Tally{}
		}
		return m[k]
	}
	pairs := make([]gen.Pair, 0, len(links))
	for _, l := range links {
		a, b := toTruth[l.From], toTruth[l.To]
		pairs = append(pairs, gen.MakePair(a, b))
		drawn, kinds := linkDirection(l)
		rel := gen.Relate(truth, a, b)
		ts := []*Tally{&rep.All}
		switch {
		case rel.Orig != 0:
			ts = append(ts, &rep.Oriented, tally(rep.ByCase, caseName(&truth[rel.Orig-1])))
			if rel.Knowable() {
				ts = append(ts, &rep.Knowable)
			} else {
				ts = append(ts, &rep.Unknowable)
			}
			for _, k := range kinds {
				ts = append(ts, tally(rep.ByEvidence, k))
			}
		case rel.Share:
			ts = append(ts, &rep.Siblings)
			if rel.Unseen {
				ts = append(ts, &rep.Unseen)
			}
		}
		for _, t := range ts {
			t.Links++
			if drawn {
				t.Drawn++
				if rel.Orig != 0 && a == rel.Orig {
					t.Right++
				}
			}
		}
	}
	rep.Links = gen.Score(truth, pairs)

	stories, err := s.Stories(ctx, false)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	origin := map[int64]string{} // truth ID: its story's origin agency
	for _, st := range stories {
		for _, m := range st.Articles {
			origin[toTruth[m.Article]] = st.OriginAgency
		}
		scoreStory(truth, toTruth, st, rep)
	}
	for i := range truth {
		tr := &truth[i]
		if tr.Supplier == "" || tr.Kind == gen.KindDispatch {
			continue
		}
		rep.Copies++
		c := rep.AgencyByCase[caseName(tr)]
		c[1]++
		if slices.Contains(supplier[tr.ID], tr.Supplier) || origin[tr.ID] == tr.Supplier {
			rep.AgencyFound++
			c[0]++
		}
		rep.AgencyByCase[caseName(tr)] = c
	}
	return nil
}

// scoreStory scores one stored story's origin and, when the archive
// stores them, its members' parents.
func scoreStory(truth []gen.Truth, toTruth map[int64]int64, st wiretrace.Story, rep *Attribution) {
	if len(st.Articles) < 2 {
		return
	}
	// The true root: the story most members derive from.
	roots := map[int64]int{}
	for _, m := range st.Articles {
		if id := toTruth[m.Article]; id > 0 && truth[id-1].Kind != gen.KindEvent && truth[id-1].Kind != gen.KindStandalone {
			roots[truth[id-1].Story]++
		}
	}
	var root int64
	best := 0
	for r, n := range roots {
		if n > best || n == best && r < root {
			root, best = r, n
		}
	}
	if root != 0 {
		rep.OriginN++
		var agency string
		for _, m := range st.Articles {
			if id := toTruth[m.Article]; id > 0 && truth[id-1].Story == root {
				agency = truth[id-1].Supplier
			}
		}
		if root > 0 && toTruth[st.OriginArticle] == root || root < 0 && st.OriginAgency == agency && originNotIn(st) {
			rep.OriginRight++
		}
	}
	// Members' parents, read as JSON so that this compiles with and
	// without them: "derived_from": {"agency": ...} | {"article": ...}.
	var js struct {
		Articles []struct {
			Article     int64 `json:"article"`
			DerivedFrom *struct {
				Agency  string `json:"agency"`
				Article int64  `json:"article"`
			} `json:"derived_from"`
		} `json:"articles"`
	}
	b, err := json.Marshal(st)
	if err != nil || !strings.Contains(string(b), `"derived_from"`) || json.Unmarshal(b, &js) != nil {
		return
	}
	for _, m := range js.Articles {
		id := toTruth[m.Article]
		if id == 0 || truth[id-1].DerivedFrom == nil {
			continue
		}
		want := truth[id-1].DerivedFrom
		rep.DerivedN++
		if p := m.DerivedFrom; p != nil && (want.Agency != "" && p.Agency == want.Agency && p.Article == 0 || want.Article != 0 && toTruth[p.Article] == want.Article) {
			rep.DerivedRight++
		}
	}
}

// originNotIn reports whether a story says that its original is not in
// the archive: no origin article, or members derived from an agency.
// Stories without parents always name an article as their origin.
func originNotIn(st wiretrace.Story) bool {
	b, _ := json.Marshal(st)
	return st.OriginArticle == 0 || strings.Contains(string(b), `"derived_from":{"agency"`)
}

// WriteAttributionMarkdown writes the attribution figures as Markdown.
func WriteAttributionMarkdown(w io.Writer, reps []*Attribution) {
	if len(reps) == 0 {
		return
	}
	r0 := reps[0]
	fields := "`Link.Directed` and `Link.DirectionEvidence`"
	if !r0.Directed {
		fields = "no `Link.Directed` yet: every link counts as an arrow, evidence kinds from `direction_reason`"
	}
	how := "generated articles stored with their credits"
	if r0.Files {
		how = "files imported (credits and dates from the importer)"
	}
	hard := fmt.Sprintf("hard share %.2f", r0.Hard)
	if r0.Hard < 0 {
		hard = "no hard cases"
	}
	fmt.Fprintf(w, "Corpus: `gen` seed %d, %s, %s; links read with %s.\n\n", r0.Seed, hard, how, fields)
	pct := func(a, b int) string {
		if b == 0 {
			return "n/a"
		}
		return fmt.Sprintf("%.1f%% (%d/%d)", 100*float64(a)/float64(b), a, b)
	}
	acc := func(t Tally) string { return pct(t.Right, t.Drawn) }
	fmt.Fprintln(w, "| articles | links | precision / recall | arrows drawn | direction right (of arrows, oriented links) | knowable: drawn / right | unknowable: drawn / right | arrows between siblings | arrows between siblings of an unseen dispatch | agency recall | story origin right | derived_from right | link ms/article (first / last tenth) |")
	fmt.Fprintln(w, "|---:|---:|---|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range reps {
		der := "n/a"
		if r.DerivedN > 0 {
			der = pct(r.DerivedRight, r.DerivedN)
		}
		fmt.Fprintf(w, "| %d | %d | %.3f / %.3f | %s | %s | %s / %s | %s / %s | %s | %s | %s | %s | %s | %.2f (%.2f / %.2f) |\n",
			r.Articles, r.All.Links, r.Links.Precision, r.Links.Recall, pct(r.All.Drawn, r.All.Links), acc(r.Oriented),
			pct(r.Knowable.Drawn, r.Knowable.Links), acc(r.Knowable), pct(r.Unknowable.Drawn, r.Unknowable.Links), acc(r.Unknowable),
			pct(r.Siblings.Drawn, r.Siblings.Links), pct(r.Unseen.Drawn, r.Unseen.Links), pct(r.AgencyFound, r.Copies),
			pct(r.OriginRight, r.OriginN), der, r.LinkPerArticle.All, r.LinkPerArticle.FirstTenth, r.LinkPerArticle.LastTenth)
	}
	for _, r := range reps {
		fmt.Fprintf(w, "\nAt %d articles, oriented links (one article derives from the other) by the engine's evidence kind and by the truth's hard case:\n\n", r.Articles)
		fmt.Fprintln(w, "| class | links | arrows drawn | direction right |")
		fmt.Fprintln(w, "|---|---:|---|---|")
		for _, part := range []struct {
			prefix string
			m      map[string]*Tally
		}{{"evidence: ", r.ByEvidence}, {"case: ", r.ByCase}} {
			keys := make([]string, 0, len(part.m))
			for k := range part.m {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				t := *part.m[k]
				fmt.Fprintf(w, "| %s%s | %d | %s | %s |\n", part.prefix, k, t.Links, pct(t.Drawn, t.Links), acc(t))
			}
		}
		keys := make([]string, 0, len(r.AgencyByCase))
		for k := range r.AgencyByCase {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var parts []string
		for _, k := range keys {
			c := r.AgencyByCase[k]
			parts = append(parts, k+" "+pct(c[0], c[1]))
		}
		fmt.Fprintf(w, "\nAgency recall by case: %s.\n", strings.Join(parts, ", "))
	}
}
