package fetch

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits of a list of addresses.
const (
	maxListLine = 8 << 10 // no real address is longer
	maxList     = 1_000_000
	maxListSize = 64 << 20
)

// capped fails a read past maxListSize bytes.
type capped struct {
	r    io.Reader
	left int64
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, fmt.Errorf("larger than %d MB", maxListSize>>20)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// LineError is a line of a list of addresses that is not read.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// urlColumns are the names of a CSV list's column of addresses.
var urlColumns = []string{"url", "link", "address", "href"}

// ReadList reads a list of addresses: one a line (blank lines and lines
// starting with # are passed over), or a CSV file whose header names a
// url column (also link, address or href; other columns are not read).
// Each line that is not an http or https address, or is longer than 8 KB,
// is returned as a *LineError and the rest is read; an address given
// twice is kept once. It fails only when r cannot be read or holds more
// than a million addresses or 64 MB.
func ReadList(r io.Reader) (urls []string, bad []error, err error) {
	br := bufio.NewReaderSize(&capped{r: r, left: maxListSize}, 64<<10)
	first, _ := br.Peek(4096)
	header, _, _ := strings.Cut(strings.TrimPrefix(string(first), "\ufeff"), "\n")
	seen := map[string]bool{}
	add := func(line int, s string) error {
		s = strings.TrimSpace(s)
		if s == "" || strings.HasPrefix(s, "#") {
			return nil
		}
		if len(s) > maxListLine {
			bad = append(bad, &LineError{line, errors.New("longer than 8 KB")})
			return nil
		}
		u, err := CheckURL(s)
		if err != nil {
			bad = append(bad, &LineError{line, fmt.Errorf("%q: %w", clip(s, 80), err)})
			return nil
		}
		if !seen[u.String()] {
			seen[u.String()] = true
			urls = append(urls, u.String())
		}
		if len(urls) > maxList {
			return fmt.Errorf("more than %d addresses", maxList)
		}
		return nil
	}
	if col := csvColumn(header); col >= 0 {
		cr := csv.NewReader(br)
		cr.FieldsPerRecord = -1
		cr.ReuseRecord = true
		if _, err := cr.Read(); err != nil {
			return nil, nil, fmt.Errorf("list header: %w", err)
		}
		for {
			rec, err := cr.Read()
			line, _ := cr.FieldPos(0)
			if err == io.EOF {
				return urls, bad, nil
			}
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) && pe.Err != csv.ErrQuote && pe.Err != csv.ErrBareQuote {
					return urls, bad, fmt.Errorf("list: %w", err)
				}
				bad = append(bad, &LineError{line, err})
				continue
			}
			if col < len(rec) {
				if err := add(line, rec[col]); err != nil {
					return nil, nil, fmt.Errorf("list: %w", err)
				}
			}
		}
	}
	for n := 1; ; n++ {
		line, err := readLine(br)
		if len(line) > maxListLine {
			bad = append(bad, &LineError{n, errors.New("longer than 8 KB")})
		} else if aerr := add(n, line); aerr != nil {
			return nil, nil, fmt.Errorf("list: %w", aerr)
		}
		if err == io.EOF {
			return urls, bad, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("list: %w", err)
		}
	}
}

// readLine reads one line; of a line longer than maxListLine, only the
// first maxListLine+1 bytes are kept.
func readLine(br *bufio.Reader) (string, error) {
	var b []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(b) <= maxListLine {
			b = append(b, chunk[:min(len(chunk), maxListLine+1-len(b))]...)
		}
		if err != bufio.ErrBufferFull {
			return string(b), err
		}
	}
}

// csvColumn returns the index of the address column of a CSV header
// line, or -1 when the line is not such a header.
func csvColumn(header string) int {
	h := strings.ToLower(strings.TrimSpace(header))
	for _, c := range urlColumns {
		if h == c {
			return 0
		}
	}
	if !strings.Contains(header, ",") {
		return -1
	}
	rec, err := csv.NewReader(strings.NewReader(header)).Read()
	if err != nil {
		return -1
	}
	for i, h := range rec {
		h = strings.ToLower(strings.TrimSpace(h))
		for _, c := range urlColumns {
			if h == c {
				return i
			}
		}
	}
	return -1
}
