package extract

import (
	"bufio"
	"compress/gzip"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Score is the quality of main-text extraction over an evaluation corpus,
// counted over snippets as upstream trafilatura's evaluation does: a
// "with" snippet found in the text is a true positive and one missing a
// false negative; a "without" snippet found is a false positive and one
// absent a true negative.
type Score struct {
	Pages          int     `json:"pages"`
	Failed         int     `json:"failed"` // pages that could not be read or extracted (scored as empty text)
	TruePositives  int     `json:"true_positives"`
	FalseNegatives int     `json:"false_negatives"`
	FalsePositives int     `json:"false_positives"`
	TrueNegatives  int     `json:"true_negatives"`
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	Accuracy       float64 `json:"accuracy"`
	F1             float64 `json:"f1"`
	Seconds        float64 `json:"seconds"`
}

// DateScore is the quality of publication-date extraction over an
// evaluation corpus. A page whose expected date is null must yield no
// date. Precision counts the pages where a date was found that match;
// recall counts the dated pages found right.
type DateScore struct {
	Pages      int      `json:"pages"`
	Correct    int      `json:"correct"`
	Wrong      int      `json:"wrong"`   // a date was found, but not the expected one (or none was expected)
	Missing    int      `json:"missing"` // no date found where one was expected
	Failed     int      `json:"failed"`  // pages that could not be read
	Accuracy   float64  `json:"accuracy"`
	Precision  float64  `json:"precision"`
	Recall     float64  `json:"recall"`
	F1         float64  `json:"f1"`
	Seconds    float64  `json:"seconds"`
	Mismatches []string `json:"mismatches,omitempty"` // one line per page whose date is wrong or missing
}

// TextScore is the token overlap between extracted and expected full
// texts (the newspaper fixtures), micro-averaged over the corpus.
type TextScore struct {
	Pages     int     `json:"pages"`
	Skipped   int     `json:"skipped"` // rows without a usable fixture
	Failed    int     `json:"failed"`
	Exact     int     `json:"exact"` // pages whose normalised text equals the fixture
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Seconds   float64 `json:"seconds"`
}

type extractionRow struct {
	ID      string   `json:"id"`
	File    string   `json:"file"`
	Path    string   `json:"path"`
	URL     *string  `json:"url"`
	With    []string `json:"with"`
	Without []string `json:"without"`
}

type dateRow struct {
	File string  `json:"file"`
	Path string  `json:"path"`
	URL  *string `json:"url"`
	Date *string `json:"date"`
}

type newspaperRow struct {
	File string  `json:"file"`
	Path string  `json:"path"`
	URL  *string `json:"url"`
	Text *string `json:"text"`
}

// readRows decodes dir/expected.jsonl into rows of type T.
func readRows[T any](dir string) ([]T, error) {
	f, err := os.Open(filepath.Join(dir, "expected.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("extract: eval: %w", err)
	}
	defer f.Close()
	var rows []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var r T
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			return nil, fmt.Errorf("extract: eval: %s line %d: %w", f.Name(), n, err)
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("extract: eval: read %s: %w", f.Name(), err)
	}
	return rows, nil
}

// readPage reads one corpus page, gunzipping files that end in .gz.
func readPage(dir, path string) ([]byte, error) {
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(path)))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("gunzip %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	return io.ReadAll(r)
}

// normalizeSpace collapses runs of white space (Unicode white space, as
// Python's \s in upstream's scoring) into one space and trims.
// It is strings.Join(strings.Fields(s), " ") in one pass: bylineDate runs
// it on the whole visible text of every page whose metadata date is in
// UTC, and the word slice cost more than the rest of the date search.
func normalizeSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is due before the next word
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				space = b.Len() > 0
			} else {
				if space {
					b.WriteByte(' ')
					space = false
				}
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			// Invalid bytes are copied as they are, as strings.Fields does.
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports as space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// parallel runs fn(i) for i in [0,n) on GOMAXPROCS workers.
func parallel(n int, fn func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func strOrEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// EvalExtraction scores HTML's main text against the trafilatura
// benchmark in dir (dir/expected.jsonl and the pages it names). Pages that
// cannot be read or extracted count as empty output. It returns an error
// only when the annotations cannot be read.
func EvalExtraction(dir string) (Score, error) {
	return EvalExtractionHalf(dir, "")
}

// InTuneHalf reports whether the page of an evaluation corpus with this
// file name is in the half that rules are tuned on: the second byte of
// SHA-1(name) is even. (The shared corpus is the pages whose first byte
// is even; the split goes across it, so each half is a sample of it.)
func InTuneHalf(file string) bool {
	h := sha1.Sum([]byte(file))
	return h[1]%2 == 0
}

// EvalExtractionHalf is EvalExtraction on half of the pages: "tune" (see
// InTuneHalf), "test" (the others), or "" for all.
func EvalExtractionHalf(dir, half string) (Score, error) {
	all, err := readRows[extractionRow](dir)
	if err != nil {
		return Score{}, err
	}
	var rows []extractionRow
	for _, r := range all {
		if half == "" || (half == "tune") == InTuneHalf(r.File) {
			rows = append(rows, r)
		}
	}
	start := time.Now()
	texts := make([]string, len(rows))
	failed := make([]bool, len(rows))
	parallel(len(rows), func(i int) {
		raw, err := readPage(dir, rows[i].Path)
		if err != nil {
			failed[i] = true
			return
		}
		p, err := HTML(raw, strOrEmpty(rows[i].URL))
		if err != nil {
			failed[i] = true
			return
		}
		texts[i] = normalizeSpace(p.Text)
	})
	var s Score
	for i, r := range rows {
		s.Pages++
		if failed[i] {
			s.Failed++
		}
		for _, w := range r.With {
			if texts[i] != "" && strings.Contains(texts[i], normalizeSpace(w)) {
				s.TruePositives++
			} else {
				s.FalseNegatives++
			}
		}
		for _, w := range r.Without {
			if texts[i] != "" && strings.Contains(texts[i], normalizeSpace(w)) {
				s.FalsePositives++
			} else {
				s.TrueNegatives++
			}
		}
	}
	s.Precision = ratio(s.TruePositives, s.TruePositives+s.FalsePositives)
	s.Recall = ratio(s.TruePositives, s.TruePositives+s.FalseNegatives)
	s.Accuracy = ratio(s.TruePositives+s.TrueNegatives, s.TruePositives+s.TrueNegatives+s.FalsePositives+s.FalseNegatives)
	s.F1 = f1(s.Precision, s.Recall)
	s.Seconds = time.Since(start).Seconds()
	return s, nil
}

// EvalDates scores the publication date HTML reads (PublishedDate) against the htmldate
// benchmark in dir, comparing calendar days (YYYY-MM-DD) exactly; a null
// expected date must yield no date. It returns an error only when the
// annotations cannot be read.
func EvalDates(dir string) (DateScore, error) {
	rows, err := readRows[dateRow](dir)
	if err != nil {
		return DateScore{}, err
	}
	start := time.Now()
	got := make([]string, len(rows))
	failed := make([]bool, len(rows))
	parallel(len(rows), func(i int) {
		raw, err := readPage(dir, rows[i].Path)
		if err != nil {
			failed[i] = true
			return
		}
		d, err := PublishedDate(raw, strOrEmpty(rows[i].URL))
		if err != nil {
			failed[i] = true
			return
		}
		if !d.IsZero() {
			got[i] = d.Format(time.DateOnly)
		}
	})
	var s DateScore
	found := 0
	for i, r := range rows {
		s.Pages++
		want := strOrEmpty(r.Date)
		if failed[i] {
			s.Failed++
		}
		switch {
		case got[i] == want:
			s.Correct++
		case got[i] == "":
			s.Missing++
		default:
			s.Wrong++
		}
		if got[i] != "" {
			found++
		}
		if got[i] != want {
			s.Mismatches = append(s.Mismatches, fmt.Sprintf("%s: got %q, want %q", r.File, got[i], want))
		}
	}
	dated := 0
	correctDated := 0
	for i, r := range rows {
		if r.Date != nil {
			dated++
			if got[i] == *r.Date {
				correctDated++
			}
		}
	}
	s.Accuracy = ratio(s.Correct, s.Pages)
	s.Precision = ratio(correctDated, found)
	s.Recall = ratio(correctDated, dated)
	s.F1 = f1(s.Precision, s.Recall)
	s.Seconds = time.Since(start).Seconds()
	return s, nil
}

// EvalNewspaper compares HTML's main text with the newspaper3k fixtures
// in dir by word-token overlap (precision, recall and F1 over the
// multiset of lower-cased words, micro-averaged), and counts exact
// matches after white space normalisation. Rows whose fixture is a note
// rather than text are skipped. It returns an error only when the
// annotations cannot be read.
func EvalNewspaper(dir string) (TextScore, error) {
	rows, err := readRows[newspaperRow](dir)
	if err != nil {
		return TextScore{}, err
	}
	start := time.Now()
	texts := make([]string, len(rows))
	failed := make([]bool, len(rows))
	parallel(len(rows), func(i int) {
		if rows[i].Text == nil {
			return
		}
		raw, err := readPage(dir, rows[i].Path)
		if err != nil {
			failed[i] = true
			return
		}
		p, err := HTML(raw, strOrEmpty(rows[i].URL))
		if err != nil {
			failed[i] = true
			return
		}
		texts[i] = p.Text
	})
	var s TextScore
	var common, nGot, nWant int
	for i, r := range rows {
		if r.Text == nil {
			s.Skipped++
			continue
		}
		s.Pages++
		if failed[i] {
			s.Failed++
		}
		if normalizeSpace(texts[i]) == normalizeSpace(*r.Text) {
			s.Exact++
		}
		g, w := words(texts[i]), words(*r.Text)
		nGot += len(g)
		nWant += len(w)
		counts := map[string]int{}
		for _, t := range w {
			counts[t]++
		}
		for _, t := range g {
			if counts[t] > 0 {
				counts[t]--
				common++
			}
		}
	}
	s.Precision = ratio(common, nGot)
	s.Recall = ratio(common, nWant)
	s.F1 = f1(s.Precision, s.Recall)
	s.Seconds = time.Since(start).Seconds()
	return s, nil
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}
