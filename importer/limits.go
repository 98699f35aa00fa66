package importer

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/wiretrace/wiretrace"
)

// Limits that keep a hostile input from exhausting memory or time. Each
// is enforced while reading: what goes over is never held whole. They are
// variables so that tests can make them small.
var (
	// maxLine bounds one JSON Lines line. A line is one article, whose
	// text is bounded by maxArticleText; escaping can make the line
	// longer than the text.
	maxLine = 8 << 20
	// maxArticleText bounds the text of one article. The longest news
	// articles are a few hundred KB; storing and linking an article costs
	// some 30 times its text (245 MB of memory for 8 MB of text, 1.3 GB
	// for 60 MB).
	maxArticleText = 4 << 20
	// maxTextFile bounds a plain text file (or member), which is read
	// whole and is one article: twice maxArticleText, as decoding a
	// legacy encoding can make text longer.
	maxTextFile int64 = 8 << 20
	// maxDoc bounds any other document read whole: an HTML page (which
	// may embed images), an MHTML file, a feed, a WARC record.
	maxDoc int64 = MaxFileSize
	// maxHeaderLine bounds one line of a WARC record's header, and
	// maxHeader the whole header.
	maxHeaderLine = 64 << 10
	maxHeader     = 1 << 20
	// maxChunk bounds the bytes of the documents of a container held
	// before they are parsed together.
	maxChunk = 64 << 20
	// A compressed stream (a .gz file or member, a zip member) may
	// inflate to inflateRatio times its compressed size plus
	// inflateFloor (real text and HTML compress 3 to 10 times), and all
	// the streams of one input together to inflateRatio times the
	// input's size plus inputFloor.
	inflateRatio int64 = maxRatio
	inflateFloor int64 = 1 << 20
	inputFloor   int64 = 64 << 20
)

// ErrTooLarge marks input refused because it goes over a size limit: a
// line, a record, a document, an article's text, or what a compressed
// file inflates to.
var ErrTooLarge = errors.New("too large")

// limitError is an ErrTooLarge naming what went over which limit.
type limitError struct {
	what  string // "line", "inflated data"...
	limit int64
	size  int64 // when known
}

func (e *limitError) Error() string {
	if e.size > 0 {
		return fmt.Sprintf("%s too large (%s, limit %s)", e.what, sizeName(e.size), sizeName(e.limit))
	}
	return fmt.Sprintf("%s larger than %s: refused", e.what, sizeName(e.limit))
}

func (e *limitError) Is(target error) bool { return target == ErrTooLarge }

// tooLarge returns an ErrTooLarge for what going over limit bytes.
func tooLarge(what string, limit int64) error { return &limitError{what: what, limit: limit} }

// sizeTooLarge returns an ErrTooLarge for what of size bytes.
func sizeTooLarge(what string, size, limit int64) error {
	return &limitError{what: what, limit: limit, size: size}
}

// sizeName writes a size in the largest unit it is a whole number of.
func sizeName(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// budget is what all the compressed streams of one input may still
// inflate to, together.
type budget struct {
	left, limit int64
}

// newBudget returns the budget of an input of size bytes.
func newBudget(size int64) *budget {
	n := inflateRatio*max(size, 0) + inputFloor
	return &budget{left: n, limit: n}
}

// inflated bounds what the decompressor r of a stream of compressed bytes
// may give: the stream's own limit and the input's budget b (which may be
// nil). Going over either fails the read with an ErrTooLarge.
func inflated(r io.Reader, compressed int64, b *budget) io.Reader {
	n := inflateRatio*max(compressed, 0) + inflateFloor
	return &inflateReader{r: r, left: n, limit: n, b: b}
}

type inflateReader struct {
	r           io.Reader
	left, limit int64
	b           *budget
	err         error
}

func (r *inflateReader) Read(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	left, limit, what := r.left, r.limit, "inflated data"
	if r.b != nil && r.b.left < left {
		left, limit, what = r.b.left, r.b.limit, "inflated data of the whole file"
	}
	// One byte more than allowed tells going over from ending at the limit.
	if int64(len(p)) > left+1 {
		p = p[:left+1]
	}
	n, err := r.r.Read(p)
	if int64(n) > left {
		n = int(left)
		r.err = tooLarge(what, limit)
		err = r.err
	}
	r.left -= int64(n)
	if r.b != nil {
		r.b.left -= int64(n)
	}
	return n, err
}

// readAtMost reads all of r if it is at most limit bytes; otherwise it
// fails with an ErrTooLarge naming what, having read limit+1 bytes.
func readAtMost(r io.Reader, limit int64, what string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, tooLarge(what, limit)
	}
	return b, nil
}

// readLine reads one line, through its '\n', of at most max bytes. A
// longer line is not kept: readLine returns tooLong, having read the rest
// of the line (to go on with the next) when skip is set, or stopped at
// once otherwise. err is io.EOF at the end of the input (the line may
// then be the last, without '\n').
func readLine(br *bufio.Reader, max int, skip bool) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line)+len(chunk) > max {
			if !skip {
				return nil, true, err
			}
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			return nil, true, err
		}
		line = append(line, chunk...)
		if err != bufio.ErrBufferFull {
			return line, false, err
		}
	}
}

// finish is Finish for an article the importer made, with its text
// bounded by maxArticleText.
func finish(a *wiretrace.Article, d Defaults) error {
	if len(a.Text) > maxArticleText {
		return tooLarge("article text", int64(maxArticleText))
	}
	return Finish(a, d)
}
