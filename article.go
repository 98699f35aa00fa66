package wiretrace

import "time"

// Credit roles: how an article credits a wire agency.
const (
	// RoleSupplier marks the agency that supplied the article's text.
	RoleSupplier = "supplier"
	// RoleCited marks an agency only quoted or cited inside the text.
	RoleCited = "cited"
	// RolePhoto marks an agency credited for a photo only.
	RolePhoto = "photo"
)

// Credit says that an article credits a wire agency, and how.
type Credit struct {
	Agency   string `json:"agency"`             // canonical agency name, e.g. "AFP"
	Role     string `json:"role"`               // RoleSupplier, RoleCited or RolePhoto
	Evidence string `json:"evidence,omitempty"` // the words that show the credit
}

// Article is one news article as stored in the archive.
type Article struct {
	ID        int64     `json:"id"`
	Source    string    `json:"source"` // the outlet that published it
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title"`
	Byline    string    `json:"byline,omitempty"`
	Dateline  string    `json:"dateline,omitempty"`
	Credits   []Credit  `json:"credits,omitempty"`
	Published time.Time `json:"published,omitzero"` // zero when unknown
	Language  string    `json:"language,omitempty"` // ISO 639-1 code, "" when unknown
	Text      string    `json:"text"`               // main text, paragraphs separated by "\n\n"
	Origin    string    `json:"origin,omitempty"`   // the imported file's name
	Hash      string    `json:"hash,omitempty"`     // content hash used for deduplication
	Imported  time.Time `json:"imported,omitzero"`
}

// Agencies returns the distinct agencies the article credits with the given
// roles, or with any role when roles is empty.
func (a *Article) Agencies(roles ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range a.Credits {
		if len(roles) > 0 && !contains(roles, c.Role) {
			continue
		}
		if !seen[c.Agency] {
			seen[c.Agency] = true
			out = append(out, c.Agency)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// DateOnly reports whether t is a date-only stamp: a day, not midnight.
// Stamps are stored with their own offset, and a date given without a
// time of day is stored at 00:00:00 of its day, so a time of exactly
// 00:00:00 is read as a day. (A publication at true midnight is rare,
// and reading it as a day only makes direction more cautious.)
func DateOnly(t time.Time) bool {
	if t.IsZero() {
		return false
	}
	h, m, s := t.Clock()
	return h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0
}

// Date precisions (DatePrecision).
const (
	PrecisionMinute = "minute" // a time of day
	PrecisionDay    = "day"    // a date-only stamp
)

// DatePrecision returns PrecisionMinute, PrecisionDay, or "" for an
// unknown date.
func DatePrecision(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case DateOnly(t):
		return PrecisionDay
	default:
		return PrecisionMinute
	}
}
