package provenance

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace"
)

// Doubtful dates. A date that contradicts the article's own text or its
// story is wrong more often than not (a stamp of the day the page was
// crawled, a date read off a related-links box), and a wrong date makes a
// confident wrong arrow. Such a date never decides a direction: the link
// falls back to its other evidence, or stays undirected.
//
//   - Its own dateline: an article dated more than a day before the date
//     its dateline states ("TRIPOLI, Sept 14 (Kyodo) --") is dated before
//     its text was written; an agency's own article dated more than a day
//     after its dateline is not dated by its publication either. (A copy
//     may run days after the dispatch: its lateness is no contradiction.)
//   - Its story: an article dated a week or more away from every other
//     dated relative of an article being linked (two relatives or more)
//     is days away from its whole story.
//   - Its copy: two copies of one wire story in one language (either is
//     an agency's own article, credits a supplier or carries a dateline)
//     are published within a day or two; dates two days or more apart
//     mean one of them is wrong, and neither says which.
//
// Weekday mentions ("on Wednesday") are not used: any weekday is within
// the six days before any date, so without a "today" they contradict
// nothing.

const (
	// datelineSlack: a dateline states the day in its own time zone.
	datelineSlack = 1
	// storyGap: a date this far from every other date of its story is
	// doubtful (translations run up to about six days after the original).
	storyGap = 7 * 24 * time.Hour
	// copyGap: copies of one wire story in one language run within it.
	copyGap = 48 * time.Hour
)

// datelineRe finds a dated dateline at the start of a text: a place, a
// comma, a day and month in either order, then the agency's credit in
// brackets or slashes: "LONDON, March 3 (Reuters) -", "Abidjan, 28 oct
// (EFE).-", "МОСКВА, 3 марта. /ТАСС/.".
var datelineRe = regexp.MustCompile(`^[^\n,.()]{2,40},\s*(?:(\pL+)\.?\s+(\d{1,2})|(\d{1,2})\.?\s+(?:de\s+)?(\pL+)\.?)\s*[(/]`)

// zhDatelineRe is a Chinese dateline: "新华社北京3月3日电".
var zhDatelineRe = regexp.MustCompile(`^[^\n]{0,20}?(\d{1,2})月(\d{1,2})日电`)

// months maps the first letters of month names (English, French,
// Spanish, Portuguese, Italian, German, Russian), longest first where
// they clash, to months.
var months = []struct {
	prefix string
	month  time.Month
}{
	{"juin", 6}, {"juil", 7},
	{"jan", 1}, {"ene", 1}, {"gen", 1}, {"янв", 1},
	{"feb", 2}, {"fév", 2}, {"fev", 2}, {"feb", 2}, {"фев", 2},
	{"mar", 3}, {"mär", 3}, {"мар", 3},
	{"apr", 4}, {"avr", 4}, {"abr", 4}, {"апр", 4},
	{"may", 5}, {"mai", 5}, {"mag", 5}, {"мая", 5}, {"май", 5},
	{"jun", 6}, {"giu", 6}, {"июн", 6},
	{"jul", 7}, {"lug", 7}, {"июл", 7},
	{"aug", 8}, {"ago", 8}, {"aoû", 8}, {"aou", 8}, {"авг", 8},
	{"sep", 9}, {"set", 9}, {"сен", 9},
	{"oct", 10}, {"okt", 10}, {"ott", 10}, {"out", 10}, {"окт", 10},
	{"nov", 11}, {"ноя", 11},
	{"dec", 12}, {"dic", 12}, {"déc", 12}, {"dez", 12}, {"дек", 12},
}

func monthOf(word string) (time.Month, bool) {
	w := strings.ToLower(word)
	if utf8.RuneCountInString(w) < 3 {
		return 0, false
	}
	for _, m := range months {
		if strings.HasPrefix(w, m.prefix) {
			return m.month, true
		}
	}
	return 0, false
}

// datelineDay returns the month and day a text's opening dateline states.
func datelineDay(text string) (time.Month, int, bool) {
	head := text
	if len(head) > 120 {
		head = head[:120]
	}
	if m := zhDatelineRe.FindStringSubmatch(head); m != nil {
		mo, _ := strconv.Atoi(m[1])
		day, _ := strconv.Atoi(m[2])
		return validDay(time.Month(mo), day)
	}
	m := datelineRe.FindStringSubmatch(head)
	if m == nil {
		return 0, 0, false
	}
	word, num := m[1], m[2]
	if word == "" {
		word, num = m[4], m[3]
	}
	mo, ok := monthOf(word)
	if !ok {
		return 0, 0, false
	}
	day, _ := strconv.Atoi(num)
	return validDay(mo, day)
}

func validDay(m time.Month, day int) (time.Month, int, bool) {
	if m < 1 || m > 12 || day < 1 || day > 31 {
		return 0, 0, false
	}
	return m, day, true
}

// datelineDoubt says why d's date contradicts its dateline, "" when it
// does not (or either is missing).
func datelineDoubt(d Doc) string {
	if d.Published.IsZero() {
		return ""
	}
	m, day, ok := datelineDay(d.Text)
	if !ok {
		return ""
	}
	// The dateline's year is the one that puts it nearest the date.
	y, pm, pd := d.Published.Date()
	pub := time.Date(y, pm, pd, 0, 0, 0, 0, time.UTC)
	best := 0
	for _, yy := range []int{y - 1, y, y + 1} {
		dl := time.Date(yy, m, day, 0, 0, 0, 0, time.UTC)
		diff := int(pub.Sub(dl).Hours() / 24)
		if yy == y-1 || abs(diff) < abs(best) {
			best = diff
		}
	}
	switch {
	case best < -datelineSlack:
		return fmt.Sprintf("%s's date (%s) is %d days before its dateline (%s %d)", outletName(d), pub.Format("2006-01-02"), -best, m, day)
	case best > datelineSlack && outletAgency(d.Source) != "":
		return fmt.Sprintf("%s's date (%s) is %d days after its dateline (%s %d)", outletName(d), pub.Format("2006-01-02"), best, m, day)
	}
	return ""
}

// storyDoubts returns, for each of docs whose date is storyGap or more
// away from every other dated one (when at least two others are dated),
// why its date is doubtful.
func storyDoubts(docs []Doc) map[int64]string {
	var dated []Doc
	for _, d := range docs {
		if !d.Published.IsZero() {
			dated = append(dated, d)
		}
	}
	if len(dated) < 3 {
		return nil
	}
	var out map[int64]string
	for i, d := range dated {
		near := time.Duration(-1)
		for j, o := range dated {
			if i == j {
				continue
			}
			g := d.Published.Sub(o.Published)
			if g < 0 {
				g = -g
			}
			if near < 0 || g < near {
				near = g
			}
		}
		if near >= storyGap {
			if out == nil {
				out = map[int64]string{}
			}
			out[d.ID] = fmt.Sprintf("%s's date (%s) is %d days away from every other of its story", outletName(d), d.Published.Format("2006-01-02"), int(near.Hours()/24))
		}
	}
	return out
}

// wireCopy reports whether d is, or says it is, a wire agency's text.
func wireCopy(d Doc) bool {
	if outletAgency(d.Source) != "" || len(suppliers(d)) > 0 {
		return true
	}
	_, _, ok := datelineDay(d.Text)
	return ok
}

// copyDatesDoubt says why the dates of a and b, copies of one text in one
// language, cannot both be right, "" when they can.
func copyDatesDoubt(a, b Doc) string {
	ta, tb := a.Published, b.Published
	if ta.IsZero() || tb.IsZero() || !wireCopy(a) && !wireCopy(b) {
		return ""
	}
	g := ta.Sub(tb)
	if wiretrace.DateOnly(ta) || wiretrace.DateOnly(tb) {
		ya, ma, da := ta.Date()
		yb, mb, db := tb.Date()
		g = time.Date(ya, ma, da, 0, 0, 0, 0, time.UTC).Sub(time.Date(yb, mb, db, 0, 0, 0, 0, time.UTC))
	}
	if g < 0 {
		g = -g
	}
	if g < copyGap {
		return ""
	}
	return fmt.Sprintf("the dates of %s and %s, copies of one wire story, are %d days apart: one is wrong", outletName(a), outletName(b), int(g.Hours()/24))
}
