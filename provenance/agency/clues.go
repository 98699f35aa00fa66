package agency

import (
	"net/url"
	"sort"
	"strings"

	"github.com/wiretrace/wiretrace"
)

// Clues is everything an article states about who wrote it, for DetectAll.
type Clues struct {
	Title string
	Text  string
	// Source is the outlet that published the article.
	Source string
	// Byline is the article's by-line as the page or file gives it:
	// "By ASSOCIATED PRESS", "Reuters staff", "Jane Doe, Associated Press".
	Byline string
	// URL is the article's web address; wire sections in its path
	// ("/aponline/", "/wires/reuters/") say whose copy it is.
	URL string
	// Notices are copyright and distribution lines that are not in Text
	// (the text's tail, cut off as boilerplate).
	Notices []string
}

// DetectAll returns the agencies an article credits and how:
//
//   - wiretrace.RoleSupplier: the agency supplied the text: a dateline
//     ("NUR-SULTAN (Pakistan Point News / Sputnik - 12th January, 2022) -",
//     "(AFP) -", "MOSCOW, May 5. /TASS/."), a byline or sign-off line
//     ("IANS | Nur-Sultan", "--IANS", "With inputs from PTI", "By
//     ASSOCIATED PRESS" in the text or in Clues.Byline), a copyright or
//     distribution notice ("Copyright 2017 The Associated Press. All rights
//     reserved.", "(c) 2017 Reuters", "Distributed by AFP"), the agency's
//     own staff in the text ("AFP correspondents saw"), a title that ends
//     with "- Reuters", or a wire section in the URL's path (URLHints);
//   - wiretrace.RoleCited: the agency is only cited ("reports Xinhua news
//     agency", "told Tengrinews");
//   - wiretrace.RolePhoto: a photo credit ("(AP Photo)", "via AP)",
//     "Photo: Reuters").
//
// Each agency appears once, with its strongest role (supplier, then cited,
// then photo). Clues.Source is the outlet that published the article: an
// outlet that is itself an agency ("Reuters", "Sputnik News") is the
// supplier of its own articles, credited once whatever its text says;
// so is an article whose Clues.URL is on an agency's own site.
// Short acronyms that are also common words ("AP", "PTI", "ANI") count
// only in a credit context. The result is nil when nothing is credited.
func DetectAll(c Clues) []wiretrace.Credit {
	compile()
	title, text := c.Title, c.Text
	self := Outlet(c.Source)
	if self == "" {
		// An article on the agency's own site is the agency's.
		self = URLAgency(c.URL)
	}
	lines := newLines(text)
	best := map[int]wiretrace.Credit{}
	first := map[int]int{}
	consider := func(ag int, role, evidence string, pos int) {
		name := Table[ag].Name
		if role == "" {
			return
		}
		if name == self {
			// The outlet's own agency is its supplier, credited once.
			role = wiretrace.RoleSupplier
		}
		if c, ok := best[ag]; ok && rolePriority[c.Role] <= rolePriority[role] {
			return
		}
		if _, ok := first[ag]; !ok {
			first[ag] = pos
		}
		best[ag] = wiretrace.Credit{Agency: name, Role: role, Evidence: evidence}
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
			consider(m.p.agency, wiretrace.RoleSupplier, strings.TrimSpace(title), len(text)+m.s)
		}
	}
	// Notices cut from the text read like its last lines.
	pos := len(text) + len(title)
	for _, n := range c.Notices {
		nl := newLines(n)
		for _, m := range find(n) {
			if !excluded(n, m) {
				consider(m.p.agency, classify(n, nl, m, ambiguousIn(n, m)), nl.evidence(n, m), pos+m.s)
			}
		}
		pos += len(n) + 1
	}
	if b := strings.Join(strings.Fields(c.Byline), " "); b != "" {
		for _, ag := range bylineAgencies(b) {
			consider(ag, wiretrace.RoleSupplier, "by-line: "+b, -1)
		}
	}
	if ag, seg, ok := urlHint(c.URL); ok {
		consider(ag, wiretrace.RoleSupplier, "URL /"+seg+"/", -1)
	}
	if self != "" {
		if i, ok := byName[strings.ToLower(self)]; ok {
			consider(i, wiretrace.RoleSupplier, "published by "+self, -1)
		}
	}
	if len(best) == 0 {
		return nil
	}
	out := make([]wiretrace.Credit, 0, len(best))
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

// bylineWords are the words a by-line may put after an agency's name:
// "Reuters staff", "AP Business Writer".
var bylineWords = map[string]bool{"staff": true, "writer": true, "writers": true, "correspondent": true,
	"correspondents": true, "reporter": true, "reporters": true, "editor": true, "report": true, "team": true,
	"desk": true, "journalist": true, "journalists": true}

// bylineAgencies returns the agencies a by-line names as its author:
// the whole by-line ("ASSOCIATED PRESS", "By AFP"), or an agency beside
// its writer's name ("Jane Doe, Associated Press", "Jane Doe for AFP",
// "Reuters staff", "Jane Doe, AP Business Writer"). An agency the by-line
// merely mentions ("Jane Doe, former AP editor") is not its author.
func bylineAgencies(b string) []int {
	low := strings.ToLower(b)
	for _, p := range []string{"by ", "par ", "por ", "von ", "di "} {
		if strings.HasPrefix(low, p) {
			b, low = strings.TrimSpace(b[len(p):]), strings.TrimSpace(low[len(p):])
			break
		}
	}
	if i, ok := byName[low]; ok {
		return []int{i}
	}
	var out []int
	for _, m := range find(b) {
		if excluded(b, m) {
			continue
		}
		pre := strings.ToLower(strings.TrimSpace(b[:m.s]))
		post := strings.ToLower(strings.TrimSpace(b[m.e:]))
		preOK := pre == "" || strings.ContainsAny(pre[len(pre)-1:], ",/|;&-–—·(") ||
			hasWordSuffix(pre, "and") || hasWordSuffix(pre, "for") || hasWordSuffix(pre, "with")
		postOK := post == "" || strings.ContainsAny(post[:1], ",/|;&)")
		if w := strings.Fields(post); !postOK && len(w) <= 3 && bylineWords[w[len(w)-1]] {
			postOK = true
		}
		if preOK && postOK {
			out = append(out, m.p.agency)
		}
	}
	return out
}

// urlHint returns the agency whose copy a URL's path says the page is,
// and the path segments that say so ("aponline", "wires/reuters"). Only
// whole segments before the last one (the page's own name) count.
func urlHint(raw string) (ag int, seg string, ok bool) {
	if raw == "" {
		return 0, "", false
	}
	u, err := url.Parse(raw)
	if err != nil {
		return 0, "", false
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	for i := 0; i+1 < len(segs); i++ {
		for n := 2; n >= 1; n-- {
			if i+n >= len(segs) {
				continue
			}
			s := strings.Join(segs[i:i+n], "/")
			name, hit := URLHints[strings.ToLower(s)]
			if !hit {
				continue
			}
			if k, known := byName[strings.ToLower(name)]; known {
				return k, s, true
			}
		}
	}
	return 0, "", false
}
