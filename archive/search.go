package archive

import "time"

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
