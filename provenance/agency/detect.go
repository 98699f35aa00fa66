package agency

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/archive"
)

// pattern is one searchable surface form of an agency name.
type pattern struct {
	text      string
	agency    int // index in Table
	ambiguous bool
	boundary  bool // must sit between non-word characters
}

// mention is one occurrence of an agency name in a text.
type mention struct {
	p    *pattern
	s, e int // byte offsets in the text
}

var (
	compileOnce sync.Once
	patterns    []pattern
	byName      map[string]int // lower-case canonical name and aliases -> index in Table
)

func compile() {
	compileOnce.Do(func() {
		byName = map[string]int{}
		for i, a := range Table {
			amb := map[string]bool{}
			for _, x := range a.Ambiguous {
				amb[x] = true
			}
			byName[strings.ToLower(a.Name)] = i
			seen := map[string]bool{}
			add := func(s string, ambiguous bool) {
				if s == "" || seen[s] {
					return
				}
				seen[s] = true
				patterns = append(patterns, pattern{text: s, agency: i, ambiguous: ambiguous, boundary: !unspaced(s)})
			}
			for _, al := range a.Aliases {
				if _, dup := byName[strings.ToLower(al)]; !dup {
					byName[strings.ToLower(al)] = i
				}
				add(al, amb[al])
				if up := strings.ToUpper(al); up != al && utf8.RuneCountInString(al) >= 4 {
					add(up, amb[al])
				}
			}
		}
	})
}

// unspaced reports whether s is written in a script without spaces between
// words, where word boundaries cannot be checked.
func unspaced(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}

// Lookup returns the agency whose canonical name or alias is name, case
// insensitively. It returns false if there is none.
func Lookup(name string) (Agency, bool) {
	compile()
	i, ok := byName[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return Agency{}, false
	}
	return Table[i], true
}

// Outlet returns the canonical name of the agency that the outlet source
// is ("Sputnik News" is Sputnik, "Reuters" is Reuters), or "" when the
// outlet is not a known agency.
func Outlet(source string) string {
	// Linking asks for the same few hundred outlets again and again.
	if v, ok := outlets.Load(source); ok {
		return v.(string)
	}
	name := outlet(source)
	if outletsN.Add(1) <= maxOutlets {
		outlets.Store(source, name)
	}
	return name
}

// outlets remembers what Outlet returned, for up to maxOutlets outlets.
var (
	outlets  sync.Map
	outletsN atomic.Int64
)

const maxOutlets = 1 << 14

func outlet(source string) string {
	compile()
	if a, ok := Lookup(source); ok {
		return a.Name
	}
	for _, m := range find(source) {
		if m.p.ambiguous && utf8.RuneCountInString(source) > 20 {
			continue
		}
		return Table[m.p.agency].Name
	}
	return ""
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// find returns the mentions of agency names in text, longest first where
// they overlap, in text order.
func find(text string) []mention {
	var ms []mention
	for i := range patterns {
		p := &patterns[i]
		for off := 0; off < len(text); {
			k := strings.Index(text[off:], p.text)
			if k < 0 {
				break
			}
			s, e := off+k, off+k+len(p.text)
			off = e
			if p.boundary {
				if r, _ := utf8.DecodeLastRuneInString(text[:s]); s > 0 && isWord(r) {
					continue
				}
				if r, _ := utf8.DecodeRuneInString(text[e:]); e < len(text) && isWord(r) {
					continue
				}
			}
			ms = append(ms, mention{p: p, s: s, e: e})
		}
	}
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].s != ms[j].s {
			return ms[i].s < ms[j].s
		}
		return ms[i].e > ms[j].e
	})
	out := ms[:0]
	end := -1
	for _, m := range ms {
		if m.s < end {
			continue
		}
		out = append(out, m)
		end = m.e
	}
	return out
}

// excluded reports whether the mention is part of one of the agency's
// exclusion phrases ("Reuters Institute").
func excluded(text string, m mention) bool {
	for _, ph := range Table[m.p.agency].Exclude {
		k := strings.Index(ph, m.p.text)
		if k < 0 {
			continue
		}
		a := m.s - k
		if a >= 0 && a+len(ph) <= len(text) && text[a:a+len(ph)] == ph {
			end := a + len(ph)
			if r, _ := utf8.DecodeRuneInString(text[end:]); end == len(text) || !isWord(r) {
				return true
			}
		}
	}
	return false
}

// rolePriority orders roles when an agency is credited several ways.
var rolePriority = map[string]int{archive.RoleSupplier: 0, archive.RoleCited: 1, archive.RolePhoto: 2}

// Detect returns the agencies an article credits and how:
//
//   - archive.RoleSupplier: the agency supplied the text: a dateline
//     ("NUR-SULTAN (Pakistan Point News / Sputnik - 12th January, 2022) -",
//     "(AFP) -", "MOSCOW, May 5. /TASS/."), a byline or sign-off line
//     ("IANS | Nur-Sultan", "--IANS", "With inputs from PTI"), the agency's
//     own staff in the text ("AFP correspondents saw"), or a title that
//     ends with "- Reuters";
//   - archive.RoleCited: the agency is only cited ("reports Xinhua news
//     agency", "told Tengrinews");
//   - archive.RolePhoto: a photo credit ("(AP Photo)", "via AP)",
//     "Photo: Reuters").
//
// Each agency appears once, with its strongest role (supplier, then cited,
// then photo). source is the outlet that published the article: an outlet
// that is itself an agency ("Reuters", "Sputnik News") is the supplier of
// its own articles, credited once whatever its text says. Short
// acronyms that are also common words ("AP", "PTI", "ANI") count only in a
// credit context. The result is nil when nothing is credited.
func Detect(title, text, source string) []archive.Credit {
	compile()
	self := Outlet(source)
	lines := newLines(text)
	best := map[int]archive.Credit{}
	first := map[int]int{}
	consider := func(ag int, role, evidence string, pos int) {
		name := Table[ag].Name
		if role == "" {
			return
		}
		if name == self {
			// The outlet's own agency is its supplier, credited once.
			role = archive.RoleSupplier
		}
		if c, ok := best[ag]; ok && rolePriority[c.Role] <= rolePriority[role] {
			return
		}
		if _, ok := first[ag]; !ok {
			first[ag] = pos
		}
		best[ag] = archive.Credit{Agency: name, Role: role, Evidence: evidence}
	}
	for _, m := range find(text) {
		if excluded(text, m) {
			continue
		}
		role := classify(text, lines, m, ambiguousIn(text, m))
		consider(m.p.agency, role, lines.evidence(text, m), m.s)
	}
	// A title ending with "- Reuters" or "| AFP" names the supplier.
	for _, m := range find(title) {
		if excluded(title, m) {
			continue
		}
		pre := strings.TrimRight(title[:m.s], " \t")
		post := strings.TrimSpace(title[m.e:])
		if post == "" && pre != "" && strings.ContainsAny(pre[len(pre)-1:], "-|:(–—") {
			consider(m.p.agency, archive.RoleSupplier, strings.TrimSpace(title), len(text)+m.s)
		}
	}
	if self != "" {
		if i, ok := byName[strings.ToLower(self)]; ok {
			consider(i, archive.RoleSupplier, "published by "+self, -1)
		}
	}
	if len(best) == 0 {
		return nil
	}
	out := make([]archive.Credit, 0, len(best))
	ags := make([]int, 0, len(best))
	for ag := range best {
		ags = append(ags, ag)
	}
	sort.Slice(ags, func(i, j int) bool {
		ri, rj := rolePriority[best[ags[i]].Role], rolePriority[best[ags[j]].Role]
		if ri != rj {
			return ri < rj
		}
		return first[ags[i]] < first[ags[j]]
	})
	for _, ag := range ags {
		out = append(out, best[ag])
	}
	return out
}

// ambiguousIn reports whether the mention needs a credit context to count.
func ambiguousIn(text string, m mention) bool {
	if m.p.ambiguous {
		return true
	}
	for _, ph := range Table[m.p.agency].AmbiguousIf {
		if strings.Contains(text, ph) {
			return true
		}
	}
	return false
}

// lines indexes the lines of a text.
type lines struct {
	starts []int // byte offset of each line
	rank   []int // index of each line among the non-empty lines, -1 if empty
	count  int   // non-empty lines
}

func newLines(text string) *lines {
	l := &lines{}
	for off := 0; ; {
		l.starts = append(l.starts, off)
		k := strings.IndexByte(text[off:], '\n')
		if k < 0 {
			break
		}
		off += k + 1
	}
	for i, s := range l.starts {
		e := len(text)
		if i+1 < len(l.starts) {
			e = l.starts[i+1]
		}
		if strings.TrimSpace(text[s:e]) == "" {
			l.rank = append(l.rank, -1)
		} else {
			l.rank = append(l.rank, l.count)
			l.count++
		}
	}
	return l
}

// at returns the line index holding byte offset pos and its bounds.
func (l *lines) at(text string, pos int) (idx, start, end int) {
	idx = sort.SearchInts(l.starts, pos+1) - 1
	start = l.starts[idx]
	end = len(text)
	if idx+1 < len(l.starts) {
		end = l.starts[idx+1] - 1
	}
	return idx, start, end
}

// evidence returns the words around a mention, at most about 100 runes of
// its line.
func (l *lines) evidence(text string, m mention) string {
	_, ls, le := l.at(text, m.s)
	a, b := ls, le
	if m.s-a > 60 {
		a = m.s - 60
	}
	if b-m.e > 40 {
		b = m.e + 40
	}
	for a > ls && !utf8.RuneStart(text[a]) {
		a--
	}
	for b < le && !utf8.RuneStart(text[b]) {
		b++
	}
	return strings.Join(strings.Fields(text[a:b]), " ")
}

var (
	photoWords = []string{"photo", "foto", "фото", "image", "picture", "getty", "credit:", "illustration", "pic:", "pix:"}
	staffWords = []string{"correspondent", "correspondents", "reporter", "reporters", "journalist", "journalists",
		"tally", "count", "team", "correspondant", "correspondants", "journaliste", "journalistes", "corresponsal",
		"corresponsales", "periodista", "periodistas", "korrespondent", "korrespondentin", "reporterin",
		"корреспондент", "корреспондента", "корреспонденту", "корреспонденты", "журналист", "журналисты",
		"'s correspondent", "’s correspondent", "'s reporter", "’s reporter"}
	photoStaff   = []string{"photographer", "photographers", "photojournalist", "photographe", "fotógrafo", "fotograf", "фотограф"}
	creditPrefix = []string{"with inputs from", "with input from", "con información de", "con informacion de",
		"mit material von", "по материалам", "с использованием материалов", "来源：", "来源:", "消息来源：",
		"by", "source:", "sources:", "source :", "sources :", "with inputs from", "with input from",
		"inputs from", "with", "avec", "mit", "con", "from", "courtesy", "copyright", "(c)", "quelle:", "fuente:",
		"источник:", "par", "von", "por", "de", "texte:", "text:", "agencies:", "agences:", "©", "and", "et", "und", "y"}
	citePre = []string{"told", "according to", "reports", "reported", "reported by", "quoted by", "cited by", "citing",
		"quoting", "selon", "d'après", "d’après", "según", "laut", "сообщает", "сообщило", "сообщил",
		"агентство", "agency", "agencia", "agence", "agentur", "agenzia", "news agency", "wire service", "told the",
		"reported by the", "quoted by the", "cited by the", "via"}
	citePost = []string{"news agency", "reported", "reports", "quoted", "cited", "agency", "wire service",
		"сообщает", "сообщило", "a rapporté", "rapporte", "informó", "berichtete", "meldete"}
)

func hasWordPrefix(s, w string) bool {
	if !strings.HasPrefix(s, w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[len(w):])
	return len(s) == len(w) || !isWord(r)
}

func hasWordSuffix(s, w string) bool {
	if !strings.HasSuffix(s, w) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-len(w)])
	return len(s) == len(w) || !isWord(r)
}

// classify returns the role a mention gives its agency, or "" when the
// mention credits nothing.
func classify(text string, ls *lines, m mention, ambiguous bool) string {
	idx, start, end := ls.at(text, m.s)
	if m.e > end {
		end = m.e
	}
	pre, post := text[start:m.s], text[m.e:end]
	lpre, lpost := strings.ToLower(pre), strings.ToLower(post)
	near := lpre
	if len(near) > 30 {
		near = near[len(near)-30:]
	}

	// Slash dateline: "MOSCOW, January 12. /TASS/."
	if strings.HasSuffix(pre, "/") && strings.HasPrefix(post, "/") {
		return archive.RoleSupplier
	}
	// Photo credits.
	tpost := strings.TrimLeft(lpost, " ")
	if hasWordPrefix(tpost, "photo") || hasWordPrefix(tpost, "photos") || hasWordPrefix(tpost, "images") ||
		hasWordPrefix(tpost, "foto") || strings.HasPrefix(tpost, "via getty") || strings.HasPrefix(post, "/") {
		return archive.RolePhoto
	}
	for _, w := range photoWords {
		if strings.Contains(near, w) {
			return archive.RolePhoto
		}
	}
	tpre := strings.TrimRight(lpre, " ")
	if hasWordSuffix(tpre, "via") && (tpost == "" || strings.HasPrefix(tpost, ")") || strings.HasPrefix(tpost, "]")) {
		return archive.RolePhoto
	}
	if strings.HasSuffix(tpre, "/") && !strings.Contains(tpre, "(") {
		return archive.RolePhoto
	}
	for _, w := range photoStaff {
		if hasWordPrefix(tpost, w) {
			return archive.RolePhoto
		}
	}

	// Dateline in parentheses: "(AFP) -", "(Outlet / Sputnik - date) -".
	if o := strings.LastIndexByte(pre, '('); o >= 0 && !strings.Contains(pre[o:], ")") {
		if c := strings.IndexByte(post, ')'); c >= 0 && !strings.Contains(post[:c], "(") {
			rest := strings.TrimSpace(post[c+1:])
			inner := strings.ToLower(pre[o+1:])
			rest = strings.TrimLeft(rest, ".")
			switch {
			case rest != "" && strings.ContainsRune("-–—:−", []rune(rest)[0]):
				return archive.RoleSupplier
			case strings.Contains(inner, "inputs from") || hasAnyPrefix(strings.TrimSpace(inner), "with ", "avec ", "con ", "mit ", "via "):
				return archive.RoleSupplier
			case !ambiguous && ls.rank[idx] >= 0 && ls.rank[idx] <= 2 && datelineLike(pre[:o]):
				// "Oslo, March 22 (IANS) Minister ..." at the top.
				return archive.RoleSupplier
			case rest == "" && (strings.TrimSpace(pre[:o]) == "" || ls.rank[idx] >= ls.count-3):
				return archive.RoleSupplier
			}
		}
	}

	// "published from a syndicated IANS feed".
	if strings.Contains(lpre, "syndicated") || strings.Contains(lpre, "agency feed") {
		return archive.RoleSupplier
	}
	// Chinese datelines: "新华社北京1月9日电".
	if !m.p.boundary && m.s-start <= 6 && ls.rank[idx] >= 0 && ls.rank[idx] <= 2 {
		if k := strings.Index(post, "电"); k >= 0 && k <= 60 {
			return archive.RoleSupplier
		}
	}

	// A byline or sign-off line: "IANS | Nur-Sultan", "--IANS", "By AFP",
	// "With inputs from PTI", "© 2022 The Associated Press".
	if utf8.RuneCountInString(strings.TrimSpace(text[start:end])) <= 80 && creditLinePrefix(lpre) {
		if tpost == "" || strings.ContainsRune("|,/;·•–—-)]._）", []rune(tpost)[0]) ||
			hasWordPrefix(tpost, "and") || hasWordPrefix(tpost, "et") || hasWordPrefix(tpost, "und") ||
			strings.HasPrefix(tpost, "&") {
			return archive.RoleSupplier
		}
	}

	// The agency's own staff: "AFP correspondents saw".
	for _, w := range staffWords {
		if hasWordPrefix(tpost, w) {
			return archive.RoleSupplier
		}
	}

	// Citations. Ambiguous acronyms need a strong context ("told AP",
	// "PTI reported"); "the PTI said" is a party, not the agency.
	for _, w := range citePre {
		if hasWordSuffix(tpre, w) {
			return archive.RoleCited
		}
	}
	for _, w := range citePost {
		if hasWordPrefix(tpost, w) {
			return archive.RoleCited
		}
	}
	if ambiguous {
		return ""
	}
	return archive.RoleCited
}

// datelineLike reports whether s, the text before "(AGENCY)", looks like
// a dateline: a short place in capitals, or a place and a date.
func datelineLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	if utf8.RuneCountInString(s) > 40 {
		return false
	}
	return strings.ContainsAny(s, "0123456789") || strings.ToUpper(s) == s
}

func hasAnyPrefix(s string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// creditLinePrefix reports whether what precedes a mention on its line is
// only the start of a credit line: dashes, "By", "Source:", "With inputs
// from", a copyright sign and year...
func creditLinePrefix(lpre string) bool {
	s := lpre
	for {
		before := s
		s = strings.TrimLeftFunc(s, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsDigit(r) || strings.ContainsRune("-–—=•·*_|([©,/&（", r)
		})
		for _, p := range creditPrefix {
			if hasWordPrefix(s, p) || strings.HasPrefix(s, p) && strings.HasSuffix(p, ":") {
				s = s[len(p):]
				break
			}
		}
		if s == before {
			break
		}
	}
	return s == ""
}
