package gen

import (
	"slices"
	"time"

	"github.com/wiretrace/wiretrace"
)

// Kinds of evidence that tell who copied whom, as Relation.Evidence lists
// them (the names provenance uses for a link's direction evidence).
const (
	// EvidenceCredit: the copy credits the agency that published the other.
	EvidenceCredit = "credit"
	// EvidenceDates: both have true dates, to the day at least, that differ.
	EvidenceDates = "dates"
	// EvidenceEdits: the copy's text is the other's with parts removed.
	EvidenceEdits = "edits"
	// EvidenceTranslation: the copy translates the agency's own dispatch.
	EvidenceTranslation = "translation_of_original"
)

// Relation is what the truth says about a pair of articles.
type Relation struct {
	// Share reports whether they share text (ShareText).
	Share bool
	// Orig is the one the other derives from, directly or through other
	// copies; 0 when neither does (two copies of one dispatch, siblings).
	Orig int64
	// Evidence lists the kinds of evidence the pair carries for the
	// direction; empty when the direction cannot be known from them.
	Evidence []string
	// Unseen reports siblings of a dispatch that is not in the corpus.
	Unseen bool
}

// Knowable reports whether the direction of the pair can be told.
func (r Relation) Knowable() bool { return r.Orig != 0 && len(r.Evidence) > 0 }

// ancestors returns the articles t derives from: its parents' chain and
// the dispatches it was made from.
func ancestors(truth []Truth, t *Truth) []int64 {
	out := slices.Clone(t.From)
	for p := t.DerivedFrom; p != nil && p.Article > 0 && p.Article <= int64(len(truth)); {
		if !slices.Contains(out, p.Article) {
			out = append(out, p.Article)
		}
		p = truth[p.Article-1].DerivedFrom
	}
	return out
}

// Relate tells how articles a and b (IDs) of truth (indexed by ID-1, as
// All yields it) are related.
func Relate(truth []Truth, a, b int64) Relation {
	valid := func(id int64) bool { return id >= 1 && id <= int64(len(truth)) }
	if !valid(a) || !valid(b) || a == b {
		return Relation{}
	}
	ta, tb := &truth[a-1], &truth[b-1]
	rel := Relation{Share: ShareText(ta, tb)}
	if !rel.Share {
		return rel
	}
	var orig, cp *Truth
	switch {
	case slices.Contains(ancestors(truth, tb), a):
		orig, cp = ta, tb
	case slices.Contains(ancestors(truth, ta), b):
		orig, cp = tb, ta
	default:
		rel.Unseen = ta.Story < 0 && ta.Story == tb.Story
		return rel
	}
	rel.Orig = orig.ID
	rel.Evidence = evidence(orig, cp)
	return rel
}

// evidence lists the kinds of evidence that cp derives from orig.
func evidence(orig, cp *Truth) []string {
	var out []string
	if orig.Kind == KindDispatch && slices.ContainsFunc(cp.Credits, func(c wiretrace.Credit) bool {
		return c.Agency == orig.Source && c.Role == wiretrace.RoleSupplier
	}) {
		out = append(out, EvidenceCredit)
	}
	if !orig.Published.IsZero() && !cp.Published.IsZero() && !orig.DateWrong && !cp.DateWrong {
		day := orig.DatePrecision == "day" || cp.DatePrecision == "day"
		differ := orig.Published.Before(cp.Published)
		if day {
			differ = orig.Published.Truncate(24 * time.Hour).Before(cp.Published.Truncate(24 * time.Hour))
		}
		if differ {
			out = append(out, EvidenceDates)
		}
	}
	removed, added := false, false
	for _, e := range cp.Edits {
		switch e {
		case EditTrimmed, EditDropped:
			removed = true
		case EditLocal, EditCaption, EditMerged, EditTranslated:
			added = true
		case EditViaCopy:
			// Made from orig itself: only what it removed counts; made
			// through a copy: it carries that copy's additions.
			added = added || cp.DerivedFrom == nil || cp.DerivedFrom.Article != orig.ID
		}
	}
	if removed && !added {
		out = append(out, EvidenceEdits)
	}
	if cp.Kind == KindTranslation && orig.Kind == KindDispatch {
		out = append(out, EvidenceTranslation)
	}
	return out
}
