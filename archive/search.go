package archive

import (
	"errors"
	"time"
)

// ErrTooExpensive is returned by Search for a query with too many words
// or one that ran past its budget.
var ErrTooExpensive = errors.New("query too expensive")

// DefaultSearchBudget is how long a search may run when its Query sets
// no Budget: far above any ordinary query at a million articles, far
// below the minutes a phrase of a thousand common words takes.
const DefaultSearchBudget = 10 * time.Second

// MaxQueryWords is the most words a query may hold (each CJK or Thai
// character counting as one, since each makes a bigram term).
const MaxQueryWords = 100

// Sort orders for search results.
const (
	SortRelevance = "relevance"
	SortNewest    = "newest"
	SortOldest    = "oldest"
)

// Highlight markers that wrap matched words in snippets and highlighted text.
const (
	MarkStart = "<mark>"
	MarkEnd   = "</mark>"
)

// Query is a full-text search with its filters.
//
// Text uses the query language of FTS5 (words, "phrases", prefix*, AND, OR,
// NOT, parentheses); text that is not valid syntax is searched as plain
// words. Empty Text matches every article.
type Query struct {
	Text      string
	Sources   []string  // outlets; any of them
	From, To  time.Time // inclusive range of publication days; zero is open
	Languages []string  // any of them
	Agencies  []string  // agencies credited as supplier or cited (not photo); any of them
	Sort      string    // SortRelevance (default), SortNewest or SortOldest
	Limit     int       // results per page; 0 means 20
	Offset    int
	// CollapseStory shows each story once, by its best match (or first
	// by date), with its other matching members as copies (Hit.Copies);
	// Limit and Offset count stories. Total and Facets stay per article.
	CollapseStory bool
	// Budget is how long the search may run: 0 means DefaultSearchBudget,
	// a negative value no limit.
	Budget time.Duration
}

// Hit is one search result.
type Hit struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	Source    string    `json:"source"`
	Origin    string    `json:"origin"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Language  string    `json:"language"`
	Credits   []string  `json:"credits"`
	Snippet   string    `json:"snippet"` // matched words wrapped in MarkStart/MarkEnd
	Score     float64   `json:"score"`
	// With Query.CollapseStory: how many other articles of the hit's
	// story match, their ids (ascending) and their distinct outlets.
	Copies      int      `json:"copies,omitempty"`
	CopyIDs     []int64  `json:"copy_ids,omitempty"`
	CopySources []string `json:"copy_sources,omitempty"`
}

// FacetCount is one value of a facet and the number of matches that have it.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Facets are counts over the whole match set of a query.
type Facets struct {
	Source   []FacetCount `json:"source"`
	Day      []FacetCount `json:"day"`   // "2006-01-02", oldest first
	Month    []FacetCount `json:"month"` // "2006-01", oldest first
	Language []FacetCount `json:"language"`
	Agency   []FacetCount `json:"agency"`
	Undated  int          `json:"undated"`
}

// Result is the answer to a Query.
type Result struct {
	Total  int    `json:"total"`
	Hits   []Hit  `json:"results"`
	Facets Facets `json:"facets"`
	// Notice explains how the query was understood when it was not valid
	// query syntax and was searched as plain words.
	Notice string `json:"notice,omitempty"`
}
