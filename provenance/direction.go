package provenance

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/wiretrace/wiretrace"
)

// Kinds of evidence of who copied whom (Verdict.Kinds,
// wiretrace.Link.DirectionEvidence). An arrow is an accusation: a link is
// directed only on one of these.
const (
	// EvidenceCredit: the copy credits the other article's outlet (an
	// agency, or an outlet it names in its text).
	EvidenceCredit = wiretrace.EvidenceCredit
	// EvidenceDates: both dates are known at the precision needed and
	// differ, and the two are not sibling copies of one supplier.
	EvidenceDates = wiretrace.EvidenceDates
	// EvidenceTranslationOfOriginal: a translation of an agency's own
	// article.
	EvidenceTranslationOfOriginal = wiretrace.EvidenceTranslationOfOriginal
	// EvidenceEdits: the copy holds text that only the other one of its
	// relatives has (its added paragraph, its headline) and is contained
	// in it.
	EvidenceEdits = wiretrace.EvidenceEdits
)

// Verdict is what the engine can say about a link's direction.
type Verdict struct {
	// AIsOrig: a is the original. When Directed is false it is only a best
	// guess that keeps a link's from/to stable, and claims nothing.
	AIsOrig bool
	// Directed: some evidence (Kinds) says who copied whom.
	Directed bool
	// Conf is the confidence in AIsOrig, 0.5 when not directed.
	Conf   float64
	Reason string
	// Kinds are the kinds of evidence for the direction, strongest first;
	// empty (not nil) when not directed.
	Kinds []string
}

// vote is one piece of evidence (or a hint, kind "") on the direction of
// a link.
type vote struct {
	aIsOrig bool
	conf    float64
	reason  string
	kind    string // an Evidence kind; "" for a hint, which never directs a link
}

// DirectionOf says which of a and b is the original, and whether there is
// evidence of it. shareA is the share of a found in b, shareB of b found
// in a.
//
// Evidence: an article published by an agency that the other credits
// (credit); the copy naming the other's outlet in its text while the other
// does not name the copy's (credit); dates that differ at their precision
// (a date-only stamp is a day: it orders only against another day), unless
// both are sibling copies of one supplier agency, whose dates say nothing
// of each other, or either credits a supplier the other one is not, which
// may be the source of both (dates); a translation of an agency's own article
// (translation_of_original). The direction is the sum of the log-odds of
// the evidence.
//
// Hints, which only orient an undirected link: a text contained in the
// other is the trimmed copy (siblings trim one dispatch too); an article
// that credits its supplier is closer to the source than one that credits
// nobody (an undeclared sibling credits nobody too); at last the earlier
// import.
func DirectionOf(a, b Doc, kind string, shareA, shareB float64) Verdict {
	return directionOf(a, b, kind, shareA, shareB, pairContext{})
}

// pairContext is what the linker knows of a pair from the other relatives
// of the article it links.
type pairContext struct {
	// doubtA, doubtB: why a's or b's date is doubtful by its story ("" if
	// it is not); a date that contradicts its own dateline is found here.
	doubtA, doubtB string
	// exclusive: a and b share text that no other relative holds (a
	// copy's edits: its added paragraph, its headline), so one took it
	// from the other, not both from their source (see exclusiveShare).
	exclusive bool
	why       string // what the exclusive text is, for the reason
}

// directionOf is DirectionOf with what the other relatives say.
//
// A doubtful date (a date against its dateline, its story or its copy:
// see doubtful.go) never votes. Text that a and b alone share makes the
// one contained in the other its copy (edits), and lets their dates
// order them even when both credit one supplier: one took the text from
// the other, not from the supplier.
func directionOf(a, b Doc, kind string, shareA, shareB float64, pc pairContext) Verdict {
	var ev, hints []vote
	var notes []string
	if s := outletAgency(a.Source); s != "" && credits(b, s) {
		ev = append(ev, vote{true, 0.95, fmt.Sprintf("%s credits %s", outletName(b), s), EvidenceCredit})
	}
	if s := outletAgency(b.Source); s != "" && credits(a, s) {
		ev = append(ev, vote{false, 0.95, fmt.Sprintf("%s credits %s", outletName(a), s), EvidenceCredit})
	}
	na, nb := namesOutlet(a, b), namesOutlet(b, a) // b names a's outlet, a names b's
	if na && !nb {
		ev = append(ev, vote{true, 0.85, fmt.Sprintf("%s names %s", outletName(b), outletName(a)), EvidenceCredit})
	} else if nb && !na {
		ev = append(ev, vote{false, 0.85, fmt.Sprintf("%s names %s", outletName(a), outletName(b)), EvidenceCredit})
	}
	sib := siblings(a, b)
	if pc.exclusive {
		sib = ""
	}
	doubt := firstOf(pc.doubtA, datelineDoubt(a), pc.doubtB, datelineDoubt(b))
	if doubt == "" && kind == wiretrace.LinkReuse {
		doubt = copyDatesDoubt(a, b)
	}
	if v, ok := dateVote(a, b); ok && doubt != "" {
		notes = append(notes, "dates not used: "+doubt)
	} else if ok {
		later, first := b, a
		if !v.aIsOrig {
			later, first = a, b
		}
		// An article that names its supplier, and that supplier is not
		// the other article's agency, says where it took the text: the
		// later one did not take it from the earlier one, or both may
		// have taken it from the earlier one's supplier. (This holds
		// for two siblings of one supplier too.)
		if pc.exclusive || !declaresOther(later, first) && !declaresOther(first, later) {
			ev = append(ev, v)
		}
	}
	if kind == wiretrace.LinkTranslation {
		oa, ob := outletAgency(a.Source), outletAgency(b.Source)
		switch {
		case oa != "" && ob == "":
			ev = append(ev, vote{true, 0.8, fmt.Sprintf("%s translates %s's own article", outletName(b), oa), EvidenceTranslationOfOriginal})
		case ob != "" && oa == "":
			ev = append(ev, vote{false, 0.8, fmt.Sprintf("%s translates %s's own article", outletName(a), ob), EvidenceTranslationOfOriginal})
		}
	}
	if kind == wiretrace.LinkReuse && pc.exclusive {
		switch {
		case shareB >= 0.8 && shareA < shareB-0.03:
			ev = append(ev, vote{true, 0.7, fmt.Sprintf("%s holds %s of %s's and is contained in it", outletName(b), pc.why, outletName(a)), EvidenceEdits})
		case shareA >= 0.8 && shareB < shareA-0.03:
			ev = append(ev, vote{false, 0.7, fmt.Sprintf("%s holds %s of %s's and is contained in it", outletName(a), pc.why, outletName(b)), EvidenceEdits})
		}
	} else if kind == wiretrace.LinkReuse {
		switch {
		case shareB >= 0.8 && shareA < 0.7:
			hints = append(hints, vote{true, 0.65, fmt.Sprintf("%s is contained in %s", outletName(b), outletName(a)), ""})
		case shareA >= 0.8 && shareB < 0.7:
			hints = append(hints, vote{false, 0.65, fmt.Sprintf("%s is contained in %s", outletName(a), outletName(b)), ""})
		}
	}
	sa, sb := suppliers(a), suppliers(b)
	switch {
	case len(sa) > 0 && len(sb) == 0:
		hints = append(hints, vote{true, 0.65, fmt.Sprintf("%s credits %s, %s credits nobody", outletName(a), strings.Join(sa, ", "), outletName(b)), ""})
	case len(sb) > 0 && len(sa) == 0:
		hints = append(hints, vote{false, 0.65, fmt.Sprintf("%s credits %s, %s credits nobody", outletName(b), strings.Join(sb, ", "), outletName(a)), ""})
	}
	if score := logOdds(ev); score != 0 {
		v := Verdict{AIsOrig: score > 0, Directed: true, Kinds: []string{}}
		var reasons []string
		for _, e := range ev {
			if e.aIsOrig == v.AIsOrig {
				reasons = append(reasons, e.reason)
				if !contains(v.Kinds, e.kind) {
					v.Kinds = append(v.Kinds, e.kind)
				}
			}
		}
		v.Conf = min(0.99, 1/(1+math.Exp(-math.Abs(score))))
		v.Reason = strings.Join(append(reasons, notes...), "; ")
		return v
	}
	// No evidence (or evidence both ways in balance): a best guess from
	// the hints, then the import order, and no claim.
	v := Verdict{AIsOrig: a.ID < b.ID, Conf: 0.5, Kinds: []string{}}
	if score := logOdds(hints); score != 0 {
		v.AIsOrig = score > 0
	}
	switch {
	case len(ev) > 0:
		v.Reason = "no evidence of who copied whom: the evidence points both ways"
	case kind == wiretrace.LinkTranslation:
		v.Reason = "no evidence of who copied whom: translations of each other"
	default:
		v.Reason = "no evidence of who copied whom: both share text"
	}
	if sib != "" {
		v.Reason += " (both credit " + sib + ")"
	}
	if len(notes) > 0 {
		v.Reason += "; " + strings.Join(notes, "; ")
	}
	return v
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// Direction is DirectionOf as (a is the original, confidence, reason).
func Direction(a, b Doc, kind string, shareA, shareB float64) (bool, float64, string) {
	v := DirectionOf(a, b, kind, shareA, shareB)
	return v.AIsOrig, v.Conf, v.Reason
}

func logOdds(votes []vote) float64 {
	var score float64
	for _, v := range votes {
		lo := math.Log(v.conf / (1 - v.conf))
		if v.aIsOrig {
			score += lo
		} else {
			score -= lo
		}
	}
	return score
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// siblings returns the supplier agency that a and b both credit when
// neither is that agency's own article ("" otherwise): they are then two
// copies of its dispatch, and their dates say when each took it, not
// which took it from the other.
func siblings(a, b Doc) string {
	oa, ob := outletAgency(a.Source), outletAgency(b.Source)
	for _, x := range suppliers(a) {
		if x != oa && x != ob && contains(suppliers(b), x) {
			return x
		}
	}
	return ""
}

// declaresOther reports whether d credits a supplier agency other than
// its own outlet, and none of them is other's outlet.
func declaresOther(d, other Doc) bool {
	own, theirs := outletAgency(d.Source), outletAgency(other.Source)
	any := false
	for _, x := range suppliers(d) {
		if x == theirs {
			return false
		}
		any = any || x != own
	}
	return any
}

// dateVote is the vote of the two dates, if they order a and b at their
// precision: two times of day that differ; or, when either is a date-only
// stamp (a day, not midnight), two different calendar days.
func dateVote(a, b Doc) (vote, bool) {
	ta, tb := a.Published, b.Published
	if ta.IsZero() || tb.IsZero() || ta.Equal(tb) {
		return vote{}, false
	}
	dayA, dayB := wiretrace.DateOnly(ta), wiretrace.DateOnly(tb)
	var earlier bool
	var gap time.Duration
	if dayA || dayB {
		ya, ma, da := ta.Date()
		yb, mb, db := tb.Date()
		ca := time.Date(ya, ma, da, 0, 0, 0, 0, time.UTC)
		cb := time.Date(yb, mb, db, 0, 0, 0, 0, time.UTC)
		if ca.Equal(cb) {
			return vote{}, false
		}
		earlier, gap = ca.Before(cb), cb.Sub(ca)
	} else {
		earlier, gap = ta.Before(tb), tb.Sub(ta)
	}
	if gap < 0 {
		gap = -gap
	}
	conf := 0.6
	switch {
	case gap >= 24*time.Hour:
		conf = 0.85
	case gap >= time.Hour:
		conf = 0.75
	}
	e := a
	if !earlier {
		e = b
	}
	layout := "2006-01-02 15:04"
	if wiretrace.DateOnly(e.Published) {
		layout = "2006-01-02"
	}
	return vote{earlier, conf, fmt.Sprintf("%s published earlier (%s)", outletName(e), e.Published.Format(layout)), EvidenceDates}, true
}

// namesOutlet reports whether copy's text names orig's outlet in one of
// its first or last three paragraphs, where credits stand ("via X",
// "originally published by X", "(X) -"), when orig's outlet is not the
// copy's and the name is long enough not to be a common word.
func namesOutlet(orig, cp Doc) bool {
	src := strings.TrimSpace(orig.Source)
	if len([]rune(src)) < 4 || strings.EqualFold(src, strings.TrimSpace(cp.Source)) || !strings.ContainsAny(src, " .") && len(src) < 6 {
		return false
	}
	paras := strings.Split(cp.Text, "\n\n")
	if len(paras) > 6 {
		paras = append(paras[:3:3], paras[len(paras)-3:]...)
	}
	for _, p := range paras {
		if containsWordFold(p, src) {
			return true
		}
	}
	return false
}

// containsWordFold reports whether s holds sub, ignoring case, not inside
// a longer word.
func containsWordFold(s, sub string) bool {
	ls, lsub := strings.ToLower(s), strings.ToLower(sub)
	for from := 0; ; {
		i := strings.Index(ls[from:], lsub)
		if i < 0 {
			return false
		}
		i += from
		j := i + len(lsub)
		if (i == 0 || !isWordByte(ls[i-1])) && (j == len(ls) || !isWordByte(ls[j])) {
			return true
		}
		from = i + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}
