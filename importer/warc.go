package importer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/base64"
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

// readWARC reads WARC records (plain or with gzip members) and hands each
// HTML response on, with the record's URL; the record's date is the
// publication date when the page states none. size is the compressed size
// of r, which bounds what it may inflate to.
func readWARC(name string, r io.Reader, size int64, d Defaults, s sink) error {
	br := bufio.NewReaderSize(r, 1<<16)
	if h, _ := br.Peek(2); len(h) == 2 && h[0] == 0x1f && h[1] == 0x8b {
		gz, err := gzip.NewReader(br) // multistream by default: one member per record
		if err != nil {
			return fmt.Errorf("not a readable WARC file: %w", err)
		}
		defer gz.Close()
		br = bufio.NewReaderSize(inflated(gz, size, s.budget), 1<<16)
	}
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
		uri := strings.Trim(hdr["warc-target-uri"], "<>")
		recName := fmt.Sprintf("%s#%d", name, n)
		if hdr["warc-type"] != "response" || length > maxDoc {
			if _, err := io.CopyN(io.Discard, br, length); err != nil {
				return recordError(n, err)
			}
			if length > maxDoc {
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
		resp, err := http.ReadResponse(bufio.NewReader(&block), nil)
		if err != nil {
			s.bad(recName, fmt.Errorf("not an HTTP response: %w", err), true)
			continue
		}
		ct := resp.Header.Get("Content-Type")
		if mt, _, _ := mime.ParseMediaType(ct); mt != "text/html" && mt != "application/xhtml+xml" {
			resp.Body.Close()
			continue // images, scripts, robots.txt: not articles
		}
		var body io.Reader = resp.Body
		if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
			if gz, err := gzip.NewReader(resp.Body); err == nil {
				body = inflated(gz, length, s.budget)
			}
		}
		raw, err := readAtMost(body, maxDoc, "page")
		resp.Body.Close()
		if err != nil {
			s.bad(recName, err, false)
			continue
		}
		if resp.StatusCode != 200 {
			continue
		}
		e := Entry{URL: uri}
		if d.Entry != nil {
			e = *d.Entry
			e.URL = uri
		}
		if _, params, err := mime.ParseMediaType(ct); err == nil && e.Charset == "" {
			e.Charset = params["charset"]
		}
		dd := Defaults{Entry: &e, Source: d.Source, kind: KindHTML}
		if t, err := time.Parse(time.RFC3339, hdr["warc-date"]); err == nil {
			dd.fallbackDate = t
		}
		if err := s.doc(recName, raw, dd); err != nil {
			return err
		}
	}
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
