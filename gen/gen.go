// Package gen generates a realistic, deterministic news corpus with known
// syndication: wire agencies write dispatches, outlets republish them
// verbatim, trimmed, re-headlined, merged or translated, with or without
// crediting the agency, and other articles report the same events in
// their own words. The same Config always gives byte-identical articles.
//
// The corpus serves the benchmarks (search at scale, provenance precision
// and recall against the Truth of every article) and the `wiretrace gen`
// command, which writes it to a folder of files or straight into an
// archive.
//
// What it holds: events in 95 real cities over 2015-2025, each covered by
// an agency dispatch (12 agencies: AFP, AP, Reuters, IANS, PTI, Xinhua,
// Sputnik, TASS, dpa, EFE, ANSA, Kyodo) in one of its languages, that 0 to
// 40 of 300 outlets republish: verbatim, re-headlined, trimmed, with
// paragraphs dropped or swapped, British spellings made American, a local
// paragraph or a photo caption added, two dispatches merged, or translated
// word for word through a shared dictionary (names transliterated,
// figures regrouped: 2,000 is 2.000 in French); the credit is kept as a
// dateline ("ALMATY (AFP) - "), a sign-off ("--IANS") or an attribution
// line ("(With inputs from IANS)"), or dropped. Competing agencies and
// outlets report some events in their own words: same names, figures and
// a short quotation, no shared text. Outlets add their own boilerplate
// (subscription pleas, "Related News" boxes with other headlines). Words
// follow a Zipf-Mandelbrot law over real vocabularies of English, French,
// Spanish, German, Russian and Chinese; about 5% of articles are undated.
//
// Layout of WriteDir: DIR/<outlet-slug>/<id>-<title-slug>.txt|.html and
// DIR/wire-<agency>/..., a ManifestName in every folder, TruthName at the
// top. Article i of the corpus has ID i+1 (in an archive filled by
// WriteArchive too) and its Truth says where its text came from.
package gen

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/wiretrace/wiretrace"
)

// Kinds of generated articles, as Truth.Kind reports them.
const (
	// KindDispatch is an agency's original text.
	KindDispatch = "dispatch"
	// KindCopy is an outlet's republication of one dispatch, edited or not.
	KindCopy = "copy"
	// KindTranslation is a dispatch translated into another language.
	KindTranslation = "translation"
	// KindMerge combines two dispatches on the same event.
	KindMerge = "merge"
	// KindEvent is an outlet's own report on an event that agencies also
	// covered: it shares names and figures with them, not text.
	KindEvent = "event"
	// KindStandalone is an outlet's own report on an event nobody else covered.
	KindStandalone = "standalone"
)

// Edits a copy may carry, as Truth.Edits lists them.
const (
	EditVerbatim   = "verbatim"   // the dispatch as it was (footer aside)
	EditRetitled   = "retitled"   // new headline
	EditTrimmed    = "trimmed"    // last paragraphs cut
	EditDropped    = "dropped"    // middle paragraphs cut
	EditReordered  = "reordered"  // two paragraphs swapped
	EditRespelled  = "respelled"  // British spellings made American
	EditLocal      = "local"      // a paragraph of the outlet's own added
	EditCaption    = "caption"    // a photo caption added
	EditUncredited = "uncredited" // the agency's credit removed
	EditTranslated = "translated" // rendered in another language
	EditMerged     = "merged"     // paragraphs of a second dispatch added
	EditViaCopy    = "via-copy"   // made from another copy: its headline and added text
)

var kindNames = []string{KindDispatch, KindCopy, KindTranslation, KindMerge, KindEvent, KindStandalone}

const (
	kDispatch = iota
	kCopy
	kTranslation
	kMerge
	kEvent
	kStandalone
)

// Config sets the size and shape of a generated corpus.
type Config struct {
	Articles int   // number of articles
	Seed     int64 // same seed and size, same corpus
	// Outlets is the number of outlets; 0 means 300.
	Outlets int
	// Start and End bound publication dates; zero means 2015-01-01 and
	// 2026-01-01.
	Start, End time.Time
	// Undated is the share of articles without a publication date; 0 means
	// 0.05, a negative value means none.
	Undated float64
	// Credits fills Article.Credits with the credits visible in the text,
	// as a perfect detector would find them. Off, articles come without
	// credits, as from a file, and Truth.Credits holds them.
	Credits bool
	// AllHTML makes every outlet publish saved web pages; otherwise about
	// 30% of them do and the others publish text files. The articles are
	// the same.
	AllHTML bool
	// Hard is the share of agency stories made a hard attribution case
	// (see HardCases): undated copies, same-day date-only stamps, a wrong
	// date, an original dispatch left out of the corpus, a copy of a copy.
	// 0 means none: the default corpus has none, so that its figures stay
	// comparable; 0.3 is what the attribution benchmark uses.
	Hard float64
}

// Truth is what the generator knows about one article: where its text
// came from and how it was changed.
type Truth struct {
	ID     int64  `json:"id"`     // the article's ID: its 1-based position in the corpus
	Origin string `json:"origin"` // the article's file name under the output folder
	Kind   string `json:"kind"`   // KindDispatch, KindCopy, ...
	Source string `json:"source"`
	// Story is the ID of the dispatch the article derives from (its own ID
	// for a dispatch, an event report or a standalone article); -(h+1) for
	// the h-th dispatch left out of the corpus (HardUnseen).
	Story int64 `json:"story"`
	// Event groups articles on the same news event, copied or not.
	Event int `json:"event"`
	// From lists the dispatches the text was copied or translated from:
	// one, or two for a merge.
	From  []int64  `json:"from,omitempty"`
	Edits []string `json:"edits,omitempty"`
	// Supplier is the agency whose text it is, credited or not.
	Supplier string `json:"supplier,omitempty"`
	// Credited reports whether the text credits its supplier.
	Credited bool `json:"credited"`
	// Credits are the credits visible in the text: the supplier when
	// credited, agencies cited inside it, photo credits.
	Credits        []wiretrace.Credit `json:"credits,omitempty"`
	Language       string             `json:"language"`
	SourceLanguage string             `json:"source_language,omitempty"` // of the original, for translations
	Published      time.Time          `json:"published,omitzero"`
	// DerivedFrom is the article's true parent: the dispatch or copy it
	// was made from, or the agency whose dispatch is not in the corpus;
	// nil for an original (dispatch, event report, standalone).
	DerivedFrom *Parent `json:"derived_from,omitempty"`
	// Hard is the hard attribution case of the article's story, "" for
	// none (see HardCases).
	Hard string `json:"hard,omitempty"`
	// DatePrecision is "day" for a date-only stamp (no time of day), ""
	// for a full timestamp or none.
	DatePrecision string `json:"date_precision,omitempty"`
	// DateWrong reports a publication date days away from the truth.
	DateWrong bool `json:"date_wrong,omitempty"`
}

// slot is the plan of one article, made up front; the text is generated
// from it on demand.
type slot struct {
	t       int64 // publication time, Unix seconds (also for undated ones, for ordering)
	event   int32
	src     int32 // position of the dispatch copied, or -1
	src2    int32 // position of the second dispatch of a merge, or -1
	outlet  int16 // outlet index, -1 for an agency's own dispatch
	agency  int8  // agency of a dispatch, -1 otherwise
	kind    uint8
	lang    uint8
	undated bool
	// Hard cases (hard.go); zero values mean none.
	hard    uint8 // hardNone, hardUndated, ...
	dayOnly bool  // date-only stamp
	hidden  bool  // a dispatch left out of the corpus (in plan only)
	hsrc    bool  // src is an index into Generator.hidden
	mark    bool  // a copy that others copy: retitled, with a local paragraph
	credit  int8  // 0 as drawn, 1 credited, 2 uncredited
	shift   int16 // days the stamp is off the truth
	via     int32 // position+1 of the copy this copy was made from, or 0
	key     int64 // import order, when not t
}

// Generator makes the articles of one corpus. Its methods are safe for
// concurrent use.
type Generator struct {
	cfg      Config
	seed     uint64
	slots    []slot
	hidden   []slot  // dispatches whose copies are in the corpus, not they
	byLang   [][]int // outlet indices per language
	nEvents  int
	Outlets  []Outlet // the outlets of the corpus
	agencyWt []int
}

// RNG streams: each kind of decision draws from its own stream, so the
// text of one article never depends on how others were made.
const (
	streamPlan = iota + 1
	streamEvent
	streamDispatch
	streamArticle
	streamRelated
	streamHard
)

func (g *Generator) rng(stream, i uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.seed^stream*0x9E3779B97F4A7C15, i*0xBF58476D1CE4E5B9+stream))
}

// New plans a corpus of cfg.Articles articles. Planning is cheap (a few
// bytes per article); the text is generated by Article and All.
func New(cfg Config) *Generator {
	if cfg.Outlets <= 0 {
		cfg.Outlets = 300
	}
	if cfg.Start.IsZero() {
		cfg.Start = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if cfg.End.IsZero() || !cfg.End.After(cfg.Start) {
		cfg.End = cfg.Start.AddDate(11, 0, 0)
	}
	if cfg.Undated == 0 {
		cfg.Undated = 0.05
	}
	if cfg.Undated < 0 {
		cfg.Undated = 0
	}
	g := &Generator{cfg: cfg, seed: uint64(cfg.Seed)*0x2545F4914F6CDD1D + 0x1234567}
	g.Outlets = buildOutlets(cfg.Outlets)
	if cfg.AllHTML {
		for i := range g.Outlets {
			g.Outlets[i].HTML = true
		}
	}
	g.byLang = make([][]int, len(Languages))
	for i, o := range g.Outlets {
		li := langIndex(o.Lang)
		g.byLang[li] = append(g.byLang[li], i)
	}
	g.agencyWt = []int{15, 12, 14, 8, 7, 10, 6, 6, 7, 7, 4, 4}
	g.plan()
	return g
}

// Len returns the number of articles.
func (g *Generator) Len() int { return len(g.slots) }

func (g *Generator) pickAgency(r *rand.Rand, not int) int {
	total := 0
	for i, w := range g.agencyWt {
		if i != not {
			total += w
		}
	}
	x := r.IntN(total)
	for i, w := range g.agencyWt {
		if i == not {
			continue
		}
		if x < w {
			return i
		}
		x -= w
	}
	return 0
}

func (g *Generator) agencyLang(r *rand.Rand, ag int) int {
	ls := Agencies[ag].Langs
	if len(ls) == 1 || r.IntN(100) < 70 {
		return langIndex(ls[0])
	}
	return langIndex(ls[1+r.IntN(len(ls)-1)])
}

var copyCounts = []struct{ n, w int }{{0, 10}, {1, 16}, {2, 17}, {3, 14}, {4, 11}, {5, 8}, {6, 7}, {8, 7}, {12, 5}, {20, 3}, {40, 2}}

func pickCopies(r *rand.Rand) int {
	x := r.IntN(100)
	for _, c := range copyCounts {
		if x < c.w {
			return c.n
		}
		x -= c.w
	}
	return 1
}

// plan lays out every article: events, dispatches, copies and their dates,
// then orders them by publication time.
func (g *Generator) plan() {
	n := g.cfg.Articles
	r := g.rng(streamPlan, 0)
	span := g.cfg.End.Unix() - g.cfg.Start.Unix()
	slots := make([]slot, 0, n+64)
	undated := func(share float64) bool { return r.Float64() < share }
	exp := func(mean float64) int64 { return int64(r.ExpFloat64() * mean) }
	addStory := func(e int32, et int64, ag, li int) int32 {
		d := int32(len(slots))
		dt := et + r.Int64N(6*3600)
		slots = append(slots, slot{t: dt, event: e, src: -1, src2: -1, outlet: -1, agency: int8(ag), kind: kDispatch, lang: uint8(li), undated: undated(g.cfg.Undated / 5)})
		used := map[int]bool{}
		for range pickCopies(r) {
			oi := -1
			cli := li
			for try := 0; try < 8 && (oi < 0 || used[oi]); try++ {
				cli = li
				if r.IntN(100) < 82 && len(g.byLang[li]) > 0 {
					oi = g.byLang[li][r.IntN(len(g.byLang[li]))]
				} else {
					oi = r.IntN(len(g.Outlets))
					cli = langIndex(g.Outlets[oi].Lang)
				}
			}
			if used[oi] {
				continue // an outlet runs a dispatch once
			}
			used[oi] = true
			k, lag := uint8(kCopy), exp(6*3600)
			if cli != li {
				k, lag = kTranslation, exp(24*3600)
			}
			slots = append(slots, slot{t: dt + 60 + lag, event: e, src: d, src2: -1, outlet: int16(oi), agency: -1, kind: k, lang: uint8(cli), undated: undated(g.cfg.Undated)})
		}
		return d
	}
	hidden := 0
	for e := int32(0); len(slots)-hidden < n; e++ {
		et := g.cfg.Start.Unix() + r.Int64N(span)
		g.nEvents++
		if r.IntN(100) < 22 {
			oi := r.IntN(len(g.Outlets))
			slots = append(slots, slot{t: et, event: e, src: -1, src2: -1, outlet: int16(oi), agency: -1, kind: kStandalone, lang: uint8(langIndex(g.Outlets[oi].Lang)), undated: undated(g.cfg.Undated)})
			continue
		}
		ag := g.pickAgency(r, -1)
		li := g.agencyLang(r, ag)
		a := addStory(e, et, ag, li)
		if g.cfg.Hard > 0 {
			slots, hidden = g.hardStory(slots, a, e, hidden)
		}
		if r.IntN(100) < 25 {
			ag2 := g.pickAgency(r, ag)
			li2 := g.agencyLang(r, ag2)
			if slices.Contains(Agencies[ag2].Langs, Languages[li]) && r.IntN(2) == 0 {
				li2 = li
			}
			b := addStory(e, et, ag2, li2)
			if li2 == li && r.IntN(100) < 35 && len(g.byLang[li]) > 0 && !slots[a].hidden {
				oi := g.byLang[li][r.IntN(len(g.byLang[li]))]
				t := max(slots[a].t, slots[b].t) + 60 + exp(4*3600)
				slots = append(slots, slot{t: t, event: e, src: a, src2: b, outlet: int16(oi), agency: -1, kind: kMerge, lang: uint8(li), undated: undated(g.cfg.Undated)})
			}
		}
		for k := r.IntN(100); k < 40; k += 25 {
			oi := r.IntN(len(g.Outlets))
			slots = append(slots, slot{t: et + r.Int64N(24*3600), event: e, src: -1, src2: -1, outlet: int16(oi), agency: -1, kind: kEvent, lang: uint8(langIndex(g.Outlets[oi].Lang)), undated: undated(g.cfg.Undated)})
		}
	}
	slots = g.unhide(slots, n)
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		if ka, kb := slots[a].order(), slots[b].order(); ka != kb {
			if ka < kb {
				return -1
			}
			return 1
		}
		return int(a - b)
	})
	pos := make([]int32, n)
	for p, i := range order {
		pos[i] = int32(p)
	}
	g.slots = make([]slot, n)
	for p, i := range order {
		s := slots[i]
		if s.src >= 0 && !s.hsrc {
			s.src = pos[s.src]
		}
		if s.via > 0 {
			s.via = pos[s.via-1] + 1
		}
		if s.src2 >= 0 {
			s.src2 = pos[s.src2]
		}
		g.slots[p] = s
	}
}

// All yields every article with its truth, in ID order.
func (g *Generator) All() iter.Seq2[wiretrace.Article, Truth] {
	return func(yield func(wiretrace.Article, Truth) bool) {
		for i := range g.slots {
			a, t := g.Article(i)
			if !yield(a, t) {
				return
			}
		}
	}
}

// dispatchText is the text of one agency dispatch before rendering.
type dispatchText struct {
	ev      *event
	lang    *language
	agency  int
	title   sentence
	paras   []para
	signoff string // closing credit line in the dispatch's language, or ""
}

// dispatch makes the text of the dispatch at position i, the same every
// time it is asked for.
func (g *Generator) dispatch(i int) *dispatchText {
	return g.dispatchOf(g.slots[i], uint64(i))
}

// dispatchOf makes the text of dispatch s, drawn from stream position key.
func (g *Generator) dispatchOf(s slot, key uint64) *dispatchText {
	r := g.rng(streamDispatch, key)
	ev := g.event(int(s.event))
	l := langs()[s.lang]
	ag := int(s.agency)
	b := &builder{r: r, l: l, ev: ev}
	d := &dispatchText{ev: ev, lang: l, agency: ag}
	d.title = b.title()
	b.s = nil
	cite := -1
	if r.IntN(100) < 20 {
		cite = g.pickAgency(r, ag)
	}
	self := -1
	if (Agencies[ag].Name == "AFP" && r.IntN(100) < 35) || r.IntN(100) < 8 {
		self = ag
	}
	d.paras = b.body(4+r.IntN(9), cite, self)
	switch Agencies[ag].Name {
	case "IANS":
		d.signoff = "--IANS"
	case "PTI":
		d.signoff = "PTI"
	case "Reuters":
		if l.code == "en" {
			d.signoff = "(Reporting by " + nameIn(ev.persons[2], "en") + "; Editing by " + firstNames[r.IntN(len(firstNames))] + " " + surnameStarts[r.IntN(len(surnameStarts))] + "er)"
		}
	case "EFE":
		d.signoff = "EFE"
	case "AFP":
		if r.IntN(3) == 0 {
			d.signoff = "burs-" + strings.ToLower(surnameStarts[r.IntN(len(surnameStarts))][:2]) + "/" + strings.ToLower(surnameStarts[r.IntN(len(surnameStarts))][:2])
		}
	}
	return d
}

// dateline is the opening credit of a dispatch: "ALMATY (AFP) - ".
func dateline(ag int, l *language, ev *event, t time.Time) string {
	city := nameIn(places[ev.place][0], l.code)
	label := agencyLabel(ag, l.code)
	name := Agencies[ag].Name
	day := t.Day()
	switch l.code {
	case "en":
		up := strings.ToUpper(city)
		switch name {
		case "AP":
			return up + " (AP) — "
		case "IANS", "PTI":
			return fmt.Sprintf("%s, %s %d (%s) ", city, l.months[t.Month()-1], day, label)
		case "Xinhua", "Kyodo", "Reuters":
			return fmt.Sprintf("%s, %s %d (%s) -- ", up, l.months[t.Month()-1], day, label)
		}
		return up + " (" + label + ") - "
	case "es":
		if name == "EFE" {
			return fmt.Sprintf("%s, %d %s (EFE).- ", city, day, l.months[t.Month()-1])
		}
		return city + " (" + label + ") - "
	case "ru":
		up := strings.ToUpper(city)
		if name == "TASS" {
			return fmt.Sprintf("%s, %d %s. /ТАСС/. ", up, day, l.months[t.Month()-1])
		}
		return fmt.Sprintf("%s, %d %s (%s) - ", up, day, l.months[t.Month()-1], label)
	case "zh":
		return fmt.Sprintf("%s%s%d月%d日电 ", label, city, int(t.Month()), day)
	}
	return city + " (" + label + ") - "
}

func (g *Generator) published(s slot) time.Time {
	if s.undated {
		return time.Time{}
	}
	t := time.Unix(s.t, 0).UTC().AddDate(0, 0, int(s.shift))
	if s.dayOnly {
		t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return t
}

// Article returns article i (0-based; its ID is i+1) and its truth. It
// panics if i is out of range.
func (g *Generator) Article(i int) (wiretrace.Article, Truth) {
	a, tr, _ := g.build(i)
	return a, tr
}

// build makes article i; nFooter is how many of its last paragraphs are
// the outlet's boilerplate.
func (g *Generator) build(i int) (a wiretrace.Article, tr Truth, nFooter int) {
	s := g.slots[i]
	id := int64(i + 1)
	r := g.rng(streamArticle, uint64(i))
	l := langs()[s.lang]
	tr = Truth{ID: id, Kind: kindNames[s.kind], Story: id, Event: int(s.event), Language: l.code, Published: g.published(s)}
	a = wiretrace.Article{ID: id, Language: l.code, Published: tr.Published}
	var paras []string
	when := time.Unix(s.t, 0).UTC()
	var outlet *Outlet
	if s.outlet >= 0 {
		outlet = &g.Outlets[s.outlet]
		a.Source = outlet.Name
	}
	switch s.kind {
	case kDispatch:
		d := g.dispatch(i)
		rd := &renderer{src: l, dst: l, ev: d.ev}
		a.Source = Agencies[d.agency].Name
		a.Title = rd.headline(d.title)
		for j, p := range d.paras {
			t := rd.paragraph(p)
			if j == 0 {
				t = dateline(d.agency, l, d.ev, when) + t
			}
			paras = append(paras, t)
			addCredits(&tr, p)
		}
		if d.signoff != "" {
			paras = append(paras, d.signoff)
		}
		tr.Supplier, tr.Credited = a.Source, true
		tr.Credits = append([]wiretrace.Credit{{Agency: a.Source, Role: wiretrace.RoleSupplier}}, tr.Credits...)
	case kCopy, kTranslation, kMerge:
		if s.via > 0 {
			paras = g.viaText(r, s, &a, &tr)
		} else {
			paras = g.copyText(r, s, i, outlet, &a, &tr)
		}
	case kEvent, kStandalone:
		ev := g.event(int(s.event))
		b := &builder{r: r, l: l, ev: ev}
		rd := &renderer{src: l, dst: l, ev: ev}
		a.Title = rd.headline(b.title())
		b.s = nil
		for _, p := range b.body(4+r.IntN(9), -1, -1) {
			paras = append(paras, rd.paragraph(p))
		}
		if outlet.Byline {
			a.Byline = "By " + firstNames[r.IntN(len(firstNames))] + " " + surnameStarts[r.IntN(len(surnameStarts))] + surnameEnds[r.IntN(len(surnameEnds))]
		}
	}
	if outlet != nil {
		f := g.footer(i, outlet)
		nFooter = len(f)
		paras = append(paras, f...)
	}
	a.Text = strings.Join(paras, "\n\n")
	folder := outletFolder(a.Source)
	if outlet != nil {
		folder = outlet.Slug
	}
	ext := "txt"
	if outlet != nil && outlet.HTML {
		ext = "html"
	}
	slug := slugify(a.Title)
	if len(slug) > 48 {
		slug = strings.TrimRight(slug[:48], "-")
	}
	name := fmt.Sprintf("%07d", id)
	if slug != "" {
		name += "-" + slug
	}
	a.Origin = folder + "/" + name + "." + ext
	a.URL = g.url(s, outlet, a.Source, name)
	tr.Origin, tr.Source = a.Origin, a.Source
	g.hardTruth(s, &tr)
	if g.cfg.Credits {
		a.Credits = slices.Clone(tr.Credits)
	}
	return a, tr, nFooter
}

func outletFolder(agency string) string { return "wire-" + slugify(agency) }

func (g *Generator) url(s slot, o *Outlet, source, name string) string {
	host := "www." + slugify(source) + ".com"
	if o != nil {
		host = "www." + o.Domain
	}
	if s.undated {
		return "https://" + host + "/news/" + name
	}
	t := g.published(s)
	return fmt.Sprintf("https://%s/%04d/%02d/%02d/%s", host, t.Year(), int(t.Month()), t.Day(), name)
}

func addCredits(tr *Truth, p para) {
	if p.cite >= 0 {
		tr.Credits = appendCredit(tr.Credits, wiretrace.Credit{Agency: Agencies[p.cite].Name, Role: wiretrace.RoleCited})
	}
	if p.photo >= 0 {
		tr.Credits = appendCredit(tr.Credits, wiretrace.Credit{Agency: Agencies[p.photo].Name, Role: wiretrace.RolePhoto})
	}
}

func appendCredit(cs []wiretrace.Credit, c wiretrace.Credit) []wiretrace.Credit {
	for _, x := range cs {
		if x.Agency == c.Agency && x.Role == c.Role {
			return cs
		}
	}
	return append(cs, c)
}

// copyText makes the text of a copy, translation or merge of dispatches,
// recording in tr how it was changed.
func (g *Generator) copyText(r *rand.Rand, s slot, i int, o *Outlet, a *wiretrace.Article, tr *Truth) []string {
	d, src := g.source(s)
	l := langs()[s.lang]
	ag := d.agency
	tr.Supplier = Agencies[ag].Name
	if s.hsrc {
		tr.Story = -int64(s.src) - 1
		tr.DerivedFrom = &Parent{Agency: tr.Supplier}
	} else {
		tr.From = []int64{int64(s.src) + 1}
		tr.Story = int64(s.src) + 1
		tr.DerivedFrom = &Parent{Article: tr.Story}
	}
	rd := &renderer{src: d.lang, dst: l, ev: d.ev}
	edits := []string{}
	translated := s.kind == kTranslation
	if translated {
		edits = append(edits, EditTranslated)
		tr.SourceLanguage = d.lang.code
	}
	idx := make([]int, len(d.paras))
	for j := range idx {
		idx[j] = j
	}
	var extra []para // paragraphs not from d: local text, captions
	var merged []para
	var d2 *dispatchText
	if s.kind == kMerge {
		d2 = g.dispatch(int(s.src2))
		tr.From = append(tr.From, int64(s.src2)+1)
		edits = append(edits, EditMerged)
		keep := max(3, len(idx)*6/10)
		idx = idx[:min(keep, len(idx))]
		from := 1 + r.IntN(max(1, len(d2.paras)-2))
		merged = d2.paras[from:min(len(d2.paras), from+2+r.IntN(3))]
	}
	verbatim := !translated && s.kind == kCopy && r.Float64() < o.Verbatim
	retitle := false
	localAt, captionAt := -1, -1
	if s.mark {
		verbatim = false
	}
	if !verbatim {
		retitle = r.IntN(100) < 45 || s.mark
		if len(idx) > 4 && r.IntN(100) < 35 {
			idx = idx[:max(3, len(idx)-1-r.IntN(3))]
			edits = append(edits, EditTrimmed)
		}
		if len(idx) > 4 && r.IntN(100) < 25 {
			j := 1 + r.IntN(len(idx)-2)
			idx = slices.Delete(slices.Clone(idx), j, j+1)
			edits = append(edits, EditDropped)
		}
		if len(idx) > 3 && r.IntN(100) < 20 {
			j := 1 + r.IntN(len(idx)-2)
			idx = slices.Clone(idx)
			idx[j], idx[j+1] = idx[j+1], idx[j]
			edits = append(edits, EditReordered)
		}
		if l.code == "en" && d.lang.code == "en" && r.IntN(100) < 40 {
			rd.american = true
			edits = append(edits, EditRespelled)
		}
		if r.IntN(100) < 20 || s.mark {
			b := &builder{r: r, l: l, ev: d.ev}
			p := para{cite: -1, photo: -1}
			for n := 1 + r.IntN(2); n > 0; n-- {
				p.sents = append(p.sents, b.sentence())
			}
			extra = append(extra, p)
			localAt = r.IntN(2) // 0: after the lead, 1: at the end
			edits = append(edits, EditLocal)
		}
		if r.IntN(100) < 10 {
			ph := ag
			if r.IntN(2) == 0 {
				ph = g.pickAgency(r, ag)
			}
			b := &builder{r: r, l: l, ev: d.ev}
			b.fill(6 + r.IntN(8))
			b.add(tok{k: tPlace}, tok{k: tComma}, tok{k: tCountry}, tok{k: tPeriod})
			capt := para{sents: []sentence{b.s}, cite: -1, photo: ph}
			extra = append(extra, capt)
			captionAt = len(extra) - 1
			edits = append(edits, EditCaption)
		}
	} else {
		edits = append(edits, EditVerbatim)
	}
	if retitle || (translated && r.IntN(2) == 0) {
		b := &builder{r: r, l: l, ev: d.ev}
		rd2 := &renderer{src: l, dst: l, ev: d.ev}
		a.Title = rd2.headline(b.title())
		if !translated || retitle {
			edits = append(edits, EditRetitled)
		}
	} else {
		a.Title = rd.headline(d.title)
	}
	// How the copy credits the agency.
	when := time.Unix(src.t, 0).UTC()
	keepDateline, keepSignoff, attrib := false, false, false
	x := r.IntN(100)
	switch {
	case translated && x < 35:
		keepDateline = true
	case translated && x < 55:
		attrib = true
	case translated:
	case x < 45:
		keepDateline, keepSignoff = true, true
	case x < 65:
		attrib = true
	case x < 75 && d.signoff != "":
		keepSignoff = true
	case x < 75:
		attrib = true
	}
	switch s.credit {
	case 1:
		if !keepDateline && !keepSignoff && !attrib {
			keepDateline = true
		}
	case 2:
		keepDateline, keepSignoff, attrib = false, false, false
	}
	credited := keepDateline || keepSignoff || attrib
	if !credited {
		edits = append(edits, EditUncredited)
		if o.Byline || r.IntN(3) == 0 {
			a.Byline = "By " + firstNames[r.IntN(len(firstNames))] + " " + surnameStarts[r.IntN(len(surnameStarts))] + surnameEnds[r.IntN(len(surnameEnds))]
		}
	}
	tr.Credited = credited
	if credited {
		tr.Credits = append(tr.Credits, wiretrace.Credit{Agency: tr.Supplier, Role: wiretrace.RoleSupplier})
	}
	var out []string
	emit := func(p para, first bool, src *dispatchText) {
		rr := rd
		switch {
		case src == nil:
			rr = &renderer{src: l, dst: l, ev: d.ev, american: rd.american}
		case src != d:
			rr = &renderer{src: src.lang, dst: l, ev: src.ev, american: rd.american}
		}
		t := rr.paragraph(p)
		if p.photo >= 0 {
			t += " (" + agencyLabel(p.photo, l.code) + " " + literals[litPhoto][langIndex(l.code)] + ")"
		}
		if first && keepDateline {
			t = dateline(ag, l, d.ev, when) + t
		}
		out = append(out, t)
		addCredits(tr, p)
	}
	if captionAt >= 0 {
		emit(extra[captionAt], false, nil)
	}
	for k, j := range idx {
		emit(d.paras[j], k == 0, d)
		if k == 0 && localAt == 0 {
			emit(extra[0], false, nil)
		}
	}
	for _, p := range merged {
		emit(p, false, d2)
	}
	if localAt == 1 {
		emit(extra[0], false, nil)
	}
	if keepSignoff && d.signoff != "" && l == d.lang {
		out = append(out, d.signoff)
	}
	if attrib {
		who := agencyLabel(ag, l.code)
		if d2 != nil {
			who += ", " + agencyLabel(d2.agency, l.code)
		}
		form := o.Attrib
		if !strings.Contains(form, "%s") {
			form = "(%s)"
		}
		out = append(out, fmt.Sprintf(form, who))
		if d2 != nil {
			tr.Credits = append(tr.Credits, wiretrace.Credit{Agency: Agencies[d2.agency].Name, Role: wiretrace.RoleSupplier})
		}
	}
	tr.Edits = edits
	return out
}

// footer returns the outlet's boilerplate under article i.
func (g *Generator) footer(i int, o *Outlet) []string {
	out := slices.Clone(o.Footer)
	if o.Related {
		r := g.rng(streamRelated, uint64(i))
		lines := []string{relatedLabel[o.Lang]}
		l := langs()[langIndex(o.Lang)]
		for range 3 {
			ev := g.event(r.IntN(max(g.nEvents, 1)))
			b := &builder{r: r, l: l, ev: ev}
			rd := &renderer{src: l, dst: l, ev: ev}
			lines = append(lines, rd.headline(b.title()))
		}
		out = append(out, strings.Join(lines, "\n"))
	}
	return out
}

// People returns the full names of the people in the news of article i's
// event, as English text writes them; benchmarks pick rare query words
// from them.
func (g *Generator) People(i int) []string {
	ev := g.event(int(g.slots[i].event))
	return ev.persons[:]
}
