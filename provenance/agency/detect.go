package agency

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace"
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
// is, or "" when the outlet is not a known agency. source may be a name
// ("Sputnik News" is Sputnik, "Reuters" is Reuters) or the host name or
// web address of the outlet's site, as the importer names an outlet by
// its URL ("reuters.com", "www.apnews.com", "https://en.yna.co.kr/x" is
// Yonhap): a host is an agency's when it is one of the agency's Domains
// or a subdomain of one, never for a name inside it
// ("reuters.com.evil.example", "notreuters.com" and "afp.example" are
// nobody's).
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
	if host, ok := hostOf(source); ok {
		return domainAgency(host)
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
var rolePriority = map[string]int{wiretrace.RoleSupplier: 0, wiretrace.RoleCited: 1, wiretrace.RolePhoto: 2}

// Detect returns the agencies an article credits, reading its title, text
// and outlet only. It is DetectAll with no other clues.
func Detect(title, text, source string) []wiretrace.Credit {
	return DetectAll(Clues{Title: title, Text: text, Source: source})
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
