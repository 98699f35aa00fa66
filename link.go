package wiretrace

import "time"

// Link kinds.
const (
	// LinkReuse joins two articles that share passages in one language.
	LinkReuse = "reuse"
	// LinkTranslation joins an article and its translation.
	LinkTranslation = "translation"
)

// Passage is one aligned pair of passages: text of the original (From) and
// the matching text of the copy (To).
type Passage struct {
	FromText string `json:"from_text"`
	ToText   string `json:"to_text"`
}

// Changes are the differences a republisher made to the text it copied.
type Changes struct {
	NewHeadline bool     `json:"new_headline"`
	Cut         []string `json:"cut,omitempty"`     // paragraphs of the original missing from the copy
	Added       []string `json:"added,omitempty"`   // paragraphs of the copy not in the original
	Altered     []string `json:"altered,omitempty"` // figures or quotes that differ, "old → new"
	// Credited reports whether the copy credits its source (the agency of
	// the story, or the outlet it copied). Undeclared copies have false.
	Credited bool `json:"credited"`
}

// Link says that To was copied (or translated) from From, when Directed;
// otherwise only that the two share text (or translate each other), and
// From/To are a best guess that claims nothing.
type Link struct {
	From int64  `json:"from"` // the original, as inferred
	To   int64  `json:"to"`   // the copy
	Kind string `json:"kind"` // LinkReuse or LinkTranslation
	// Directed: the engine has evidence of who copied whom, of the kinds
	// in DirectionEvidence (provenance.Evidence*). Links stored before
	// the archive knew directions are undirected until a relink.
	Directed            bool      `json:"directed"`
	DirectionEvidence   []string  `json:"direction_evidence"`
	DirectionConfidence float64   `json:"direction_confidence"`
	DirectionReason     string    `json:"direction_reason,omitempty"`
	Reused              float64   `json:"reused"`      // share of From's text found in To
	ReusedOfCopy        float64   `json:"reused_copy"` // share of To's text that comes from From
	Evidence            []Passage `json:"evidence"`
	Changes             Changes   `json:"changes"`
}

// LinkEnd is a link's two ends and kind, without scores, evidence or
// changes: what grouping articles into stories needs, in 40 bytes instead
// of a Link's ~200.
type LinkEnd struct {
	From int64
	To   int64
	Kind string
	// Directed is Link.Directed; Strength ranks its evidence
	// (EvidenceStrength), 0 when undirected.
	Directed bool
	Strength uint8
}

// Kinds of evidence of a link's direction (Link.DirectionEvidence); see
// provenance.DirectionOf.
const (
	EvidenceCredit                = "credit"
	EvidenceDates                 = "dates"
	EvidenceEdits                 = "edits"
	EvidenceTranslationOfOriginal = "translation_of_original"
)

// EvidenceStrength ranks the evidence of a link's direction: a credit (3)
// over a translation of an agency's own article (2) over dates (1).
func EvidenceStrength(kinds []string) uint8 {
	var s uint8
	for _, k := range kinds {
		switch k {
		case EvidenceCredit:
			s = max(s, 3)
		case EvidenceTranslationOfOriginal, EvidenceEdits:
			s = max(s, 2)
		case EvidenceDates:
			s = max(s, 1)
		}
	}
	return s
}

// Ends returns the ends of links.
func Ends(links []Link) []LinkEnd {
	out := make([]LinkEnd, len(links))
	for i, l := range links {
		out[i] = LinkEnd{From: l.From, To: l.To, Kind: l.Kind, Directed: l.Directed}
		if l.Directed {
			out[i].Strength = max(1, EvidenceStrength(l.DirectionEvidence))
		}
	}
	return out
}

// StoryMember is one article of a story, in publication order.
type StoryMember struct {
	Article   int64     `json:"article"`
	Source    string    `json:"source"`
	Title     string    `json:"title"`
	Language  string    `json:"language"`
	Published time.Time `json:"published,omitzero"`
	// Lag is how long after the story's original this copy appeared; zero
	// for the original or when either date is unknown.
	Lag time.Duration `json:"lag,omitempty"`
	// DerivedFrom is the member's parent in the story's tree; nil for its
	// root article (and for stories stored before trees, until they are
	// recomputed).
	DerivedFrom *DerivedFrom `json:"derived_from"`
	// DatePrecision is DatePrecision(Published).
	DatePrecision string `json:"date_precision,omitempty"`
}

// DerivedFrom is what a story member was taken from: an article of the
// story, a dispatch of an agency that is not in the archive, or a common
// source that is not in the archive and is not known.
type DerivedFrom struct {
	Agency  string `json:"agency,omitempty"`
	Article int64  `json:"article,omitempty"`
	Unknown bool   `json:"unknown_source,omitempty"`
}

// Story origin kinds (Story.OriginKind): what the root of its tree is.
const (
	OriginArticle = "article" // an article of the archive, OriginArticle
	OriginAgency  = "agency"  // a dispatch of OriginAgency not in the archive
	OriginUnknown = "unknown" // a common source not in the archive
)

// Story groups one original dispatch with all its copies and translations,
// as a tree (DerivedFrom) whose root is an article of the archive or an
// original that is not in it (OriginKind).
type Story struct {
	ID int64 `json:"id"`
	// OriginAgency is the agency that supplied the original dispatch, when
	// one is credited; OriginArticle is the story's root article when
	// OriginKind is OriginArticle, else its earliest article.
	OriginAgency  string        `json:"agency,omitempty"`
	OriginArticle int64         `json:"article"`
	OriginKind    string        `json:"kind,omitempty"`
	Articles      []StoryMember `json:"articles"`
}
