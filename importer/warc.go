package importer

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/mail"
	"strconv"
	"strings"
	"time"
)

// readWARC reads WARC records (plain or with gzip members) and hands on
// each HTML page: the body of a response record, or the block of a
// resource or conversion record (which has no HTTP header), with the
// record's URL; the record's date is the publication date when the page
// states none. size is the compressed size of r, which bounds what it may
// inflate to.
func readWARC(name string, r io.Reader, size int64, d Defaults, s sink) error {
	br, closeGz, err := maybeGunzip(r, size, s.budget, "WARC")
	if err != nil {
		return err
	}
	defer closeGz()
	for n := 1; ; n++ {
		hdr, err := readWARCHeader(br, n)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		length, err := strconv.ParseInt(hdr["content-length"], 10, 64)
		if err != nil || length < 0 {
			return fmt.Errorf("record %d: bad Content-Length %q", n, hdr["content-length"])
		}
		recName := fmt.Sprintf("%s#%d", name, n)
		typ := hdr["warc-type"]
		wanted := typ == "response" || typ == "resource" || typ == "conversion"
		if !wanted || length > maxDoc {
			if _, err := io.CopyN(io.Discard, br, length); err != nil {
				return recordError(n, err)
			}
			if wanted {
				s.bad(recName, sizeTooLarge("record", length, maxDoc), true)
			}
			continue
		}
		// Read as it comes rather than allocated from the stated length,
		// which a truncated file does not hold.
		var block bytes.Buffer
		block.Grow(int(min(length, 1<<20)))
		if _, err := io.CopyN(&block, br, length); err != nil {
			return recordError(n, err)
		}
		rec := record{name: recName, uri: strings.Trim(hdr["warc-target-uri"], "<>")}
		if t, err := time.Parse(time.RFC3339, hdr["warc-date"]); err == nil {
			rec.date = t
		}
		ct := strings.ToLower(hdr["content-type"])
		isHTTP := typ == "response" && (strings.HasPrefix(ct, "application/http") || ct == "" && bytes.HasPrefix(block.Bytes(), []byte("HTTP/")))
		if typ == "response" && !isHTTP {
			continue // a DNS lookup, a capture of another protocol
		}
		if err := rec.take(block.Bytes(), isHTTP, hdr["content-type"], d, s); err != nil {
			return err
		}
	}
}

// take reads the block of a record, an HTTP response (isHTTP) or a
// document of type ctype, and hands the page it holds on to s; what is
// wrong with the record is reported to s. It returns the error s.doc
// returns.
func (rec *record) take(block []byte, isHTTP bool, ctype string, d Defaults, s sink) error {
	var err error
	if isHTTP {
		err = rec.response(block, s)
	} else {
		err = rec.resource(block, ctype)
	}
	if err != nil {
		s.bad(rec.name, err, errors.Is(err, errNotHTTP))
		return nil
	}
	return rec.hand(d, s)
}

// errNotHTTP marks a response record whose block is not an HTTP response:
// it is skipped.
var errNotHTTP = errors.New("not an HTTP response")

// maybeGunzip returns a reader of r's bytes, inflated (within the bounds
// of size and b) when they are gzip, and the function that closes it.
func maybeGunzip(r io.Reader, size int64, b *budget, what string) (*bufio.Reader, func(), error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if h, _ := br.Peek(2); len(h) == 2 && h[0] == 0x1f && h[1] == 0x8b {
		gz, err := gzip.NewReader(br) // multistream by default: one member per record
		if err != nil {
			return nil, nil, fmt.Errorf("not a readable %s file: %w", what, err)
		}
		return bufio.NewReaderSize(inflated(gz, size, b), 1<<16), func() { gz.Close() }, nil
	}
	return br, func() {}, nil
}

// record is a page found in a web archive (WARC or ARC), to hand on.
type record struct {
	name, uri string
	date      time.Time // when it was captured
	kind      Kind      // KindHTML or KindText; "" when it is not a page
	charset   string    // from the Content-Type
	raw       []byte
}

// response reads an HTTP response: a page when its status is 200 and its
// type HTML. Its body is what follows the header to the end of the
// record, whatever its Content-Length says; a chunked body is decoded
// leniently (see dechunk) and a gzip or deflate one inflated.
func (rec *record) response(block []byte, s sink) error {
	br := bufio.NewReader(bytes.NewReader(block))
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return fmt.Errorf("%w: %w", errNotHTTP, err)
	}
	if resp.StatusCode != 200 {
		return nil // redirects, errors: not articles
	}
	ct := resp.Header.Get("Content-Type")
	if pageKind(ct, false) != KindHTML {
		return nil // images, scripts, robots.txt: not articles
	}
	body, _ := io.ReadAll(br) // the rest of the block, in memory
	for _, te := range resp.TransferEncoding {
		if strings.EqualFold(te, "chunked") {
			body = dechunk(body)
		}
	}
	if body, err = decoded(body, resp.Header.Get("Content-Encoding"), s.budget); err != nil {
		return err
	}
	rec.kind, rec.raw, rec.charset = KindHTML, body, charsetOf(ct)
	return nil
}

// resource reads the block of a resource or conversion record, a
// document without an HTTP header: a page when its type is HTML, or plain
// text with a web address (not a crawler's log or metadata).
func (rec *record) resource(block []byte, ctype string) error {
	k := pageKind(ctype, true)
	if k == KindText && !strings.HasPrefix(rec.uri, "http://") && !strings.HasPrefix(rec.uri, "https://") {
		return nil
	}
	rec.kind, rec.raw, rec.charset = k, block, charsetOf(ctype)
	return nil
}

// hand passes a page record on to s as a document.
func (rec *record) hand(d Defaults, s sink) error {
	if rec.kind == "" {
		return nil
	}
	e := Entry{URL: rec.uri}
	if d.Entry != nil {
		e = *d.Entry
		e.URL = rec.uri
	}
	if e.Charset == "" {
		e.Charset = rec.charset
	}
	dd := Defaults{Entry: &e, Source: d.Source, kind: rec.kind, fallbackDate: rec.date}
	return s.doc(rec.name, rec.raw, dd)
}

// pageKind is the kind of a document of MIME type ctype that is imported
// from a web archive: HTML, or (when text is set) plain text; "" for the
// rest.
func pageKind(ctype string, text bool) Kind {
	mt, _, _ := mime.ParseMediaType(ctype)
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return KindHTML
	case text && mt == "text/plain":
		return KindText
	}
	return ""
}

// charsetOf returns the charset parameter of a Content-Type, or "".
func charsetOf(ctype string) string {
	if _, params, err := mime.ParseMediaType(ctype); err == nil {
		return params["charset"]
	}
	return ""
}

// decoded undoes a body's Content-Encoding (gzip, deflate), within the
// bounds of b. A stream cut short keeps what was inflated before the
// break; one that inflates to nothing fails.
func decoded(body []byte, encoding string, b *budget) ([]byte, error) {
	var zr io.Reader
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
		return body, nil
	case "gzip", "x-gzip":
		gz, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("body: Content-Encoding gzip: %w", err)
		}
		zr = gz
	case "deflate":
		// Servers send zlib streams or raw deflate under this name.
		if z, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			zr = z
		} else {
			zr = flate.NewReader(bytes.NewReader(body))
		}
	default:
		return nil, fmt.Errorf("body: Content-Encoding %q is not supported", encoding)
	}
	out, err := readAtMost(inflated(zr, int64(len(body)), b), maxDoc, "page")
	if err != nil && (errors.Is(err, ErrTooLarge) || len(out) == 0) {
		return nil, fmt.Errorf("body: Content-Encoding %s: %w", encoding, err)
	}
	return out, nil
}

// dechunk decodes a chunked HTTP body leniently, as warcio does: a chunk
// size that is not hexadecimal ends the decoding and the rest is kept as
// it is (many crawlers stored bodies already decoded under a chunked
// header); a last chunk cut short keeps what it holds.
func dechunk(b []byte) []byte {
	var out []byte
	rest := b
	for len(rest) > 0 {
		line, after, ok := bytes.Cut(rest, []byte("\n"))
		sizeField := bytes.TrimSpace(line)
		if i := bytes.IndexByte(sizeField, ';'); i >= 0 {
			sizeField = bytes.TrimSpace(sizeField[:i])
		}
		size, err := strconv.ParseInt(string(sizeField), 16, 64)
		if !ok || err != nil || size < 0 || len(sizeField) > 16 {
			if out == nil {
				return b // not chunked at all
			}
			return append(out, rest...)
		}
		if size == 0 {
			return out
		}
		if int64(len(after)) <= size {
			return append(out, after...)
		}
		out = append(out, after[:size]...)
		rest = after[size:]
		rest = bytes.TrimPrefix(bytes.TrimPrefix(rest, []byte("\r")), []byte("\n"))
	}
	return out
}

// readWARCHeader reads the header of record n, after the blank lines
// before it, into a map of lower-case field names. It returns io.EOF at
// the end of the file. Each line is bounded by maxHeaderLine and the
// header by maxHeader; one longer stops the reading (what follows cannot
// be found).
func readWARCHeader(br *bufio.Reader, n int) (map[string]string, error) {
	var line []byte
	var tooLong bool
	var err error
	for {
		line, tooLong, err = readLine(br, maxHeaderLine, false)
		if tooLong {
			return nil, fmt.Errorf("record %d: %w", n, tooLarge("header line", int64(maxHeaderLine)))
		}
		if len(bytes.TrimSpace(line)) > 0 {
			break
		}
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			return nil, recordError(n, err)
		}
	}
	if !bytes.HasPrefix(line, []byte("WARC/")) {
		return nil, fmt.Errorf("record %d: not a WARC record (starts %.20q)", n, line)
	}
	if err == io.EOF {
		return nil, fmt.Errorf("record %d: truncated header", n)
	}
	if err != nil {
		return nil, recordError(n, err)
	}
	hdr := map[string]string{}
	total := len(line)
	for {
		l, tooLong, err := readLine(br, maxHeaderLine, false)
		if tooLong {
			return nil, fmt.Errorf("record %d: %w", n, tooLarge("header line", int64(maxHeaderLine)))
		}
		if total += len(l); total > maxHeader {
			return nil, fmt.Errorf("record %d: %w", n, tooLarge("header", int64(maxHeader)))
		}
		if err != nil {
			if err == io.EOF {
				return nil, fmt.Errorf("record %d: truncated header", n)
			}
			return nil, recordError(n, err)
		}
		l = bytes.TrimRight(l, "\r\n")
		if len(l) == 0 {
			return hdr, nil
		}
		if k, v, ok := bytes.Cut(l, []byte(":")); ok {
			hdr[strings.ToLower(string(bytes.TrimSpace(k)))] = string(bytes.TrimSpace(v))
		}
	}
}

// recordError is the error of record n cut short by err: the end of the
// file, or a failure to read (an input inflating past its bound).
func recordError(n int, err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return fmt.Errorf("record %d: truncated", n)
	}
	return fmt.Errorf("record %d: %w", n, err)
}

// readMHTML reads a page saved as MIME (Chrome's "Save as single file"):
// the first text/html part is the page.
func readMHTML(name string, r io.Reader, d Defaults, s sink) error {
	b, err := readAtMost(r, maxDoc, "MHTML file")
	if err != nil {
		return err
	}
	msg, err := mail.ReadMessage(bufio.NewReader(bytes.NewReader(b)))
	if err != nil {
		return fmt.Errorf("not a readable MHTML file: %w", err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") {
		return fmt.Errorf("not a readable MHTML file: no multipart body")
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return fmt.Errorf("no HTML part")
		}
		if err != nil {
			return fmt.Errorf("broken MHTML file: %w", err)
		}
		pt, pparams, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if pt != "text/html" {
			continue
		}
		var body io.Reader = p // quoted-printable is decoded by multipart
		if strings.EqualFold(p.Header.Get("Content-Transfer-Encoding"), "base64") {
			body = base64.NewDecoder(base64.StdEncoding, p)
		}
		raw, err := io.ReadAll(body)
		if err != nil {
			return fmt.Errorf("broken MHTML file: %w", err)
		}
		e := Entry{URL: p.Header.Get("Content-Location"), Charset: pparams["charset"]}
		if d.Entry != nil {
			e = *d.Entry
			if e.URL == "" {
				e.URL = p.Header.Get("Content-Location")
			}
		}
		return s.doc(name, raw, Defaults{Entry: &e, Source: d.Source, kind: KindHTML})
	}
}
