package fetch

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base32"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"
)

// WARCWriter writes fetched pages as the records of a WARC 1.1 file, each
// record a gzip member of its own (a .warc.gz file, which any WARC tool
// and wiretrace's importer read). A response record keeps the page's
// status line, its headers (the Content-Type with its charset among
// them) and its decoded body.
type WARCWriter struct {
	w       io.Writer
	started bool
	// Software names the writer in the warcinfo record.
	Software string
}

// NewWARCWriter returns a writer of WARC records to w.
func NewWARCWriter(w io.Writer) *WARCWriter { return &WARCWriter{w: w, Software: "wiretrace"} }

// Write appends the response record of p, after a warcinfo record for
// the first.
func (w *WARCWriter) Write(p *Page) error {
	if !w.started {
		w.started = true
		info := "software: " + w.Software + "\r\nformat: WARC File Format 1.1\r\n"
		if err := w.record("warcinfo", "", p.Fetched, "application/warc-fields", []byte(info), ""); err != nil {
			return err
		}
	}
	var block bytes.Buffer
	fmt.Fprintf(&block, "%s %s\r\n", proto(p.Proto), p.Status)
	keys := make([]string, 0, len(p.Header))
	for k := range p.Header {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch http.CanonicalHeaderKey(k) {
		case "Content-Length", "Content-Encoding", "Transfer-Encoding":
			continue // the body is kept decoded, whole
		}
		for _, v := range p.Header[k] {
			fmt.Fprintf(&block, "%s: %s\r\n", k, headerValue(v))
		}
	}
	fmt.Fprintf(&block, "Content-Length: %d\r\n\r\n", len(p.Body))
	block.Write(p.Body)
	digest := sha1.Sum(p.Body)
	return w.record("response", p.URL, p.Fetched, "application/http; msgtype=response", block.Bytes(),
		"sha1:"+base32.StdEncoding.EncodeToString(digest[:]))
}

// record writes one record as a gzip member.
func (w *WARCWriter) record(typ, uri string, date time.Time, ctype string, block []byte, payloadDigest string) error {
	var h strings.Builder
	fmt.Fprintf(&h, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: %s\r\n", typ, uuid(), date.UTC().Format(time.RFC3339))
	if uri != "" {
		fmt.Fprintf(&h, "WARC-Target-URI: %s\r\n", headerValue(uri))
	}
	if payloadDigest != "" {
		fmt.Fprintf(&h, "WARC-Payload-Digest: %s\r\n", payloadDigest)
	}
	fmt.Fprintf(&h, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", ctype, len(block))
	zw := gzip.NewWriter(w.w)
	zw.Write([]byte(h.String()))
	zw.Write(block)
	zw.Write([]byte("\r\n\r\n"))
	if err := zw.Close(); err != nil {
		return fmt.Errorf("fetch: write WARC record: %w", err)
	}
	return nil
}

// proto is the protocol of a status line; HTTP/2 responses are written as
// HTTP/1.1, which is what WARC readers parse.
func proto(p string) string {
	if strings.HasPrefix(p, "HTTP/1.") {
		return p
	}
	return "HTTP/1.1"
}

// headerValue keeps a header value on its line.
func headerValue(v string) string {
	return strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, v)
}

// uuid returns a random (version 4) UUID.
func uuid() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
