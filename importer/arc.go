package importer

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// KindARC is the Internet Archive's ARC format (.arc, .arc.gz), the WARC's
// predecessor: each HTML page captured an article.
const KindARC Kind = "arc"

// readARC reads the records of an ARC file (version 1 or 2, plain or one
// gzip member per record) and hands each HTML page on, with its URL and
// its capture date as the date of a page that states none. Each record is
// a header line ("URL IP-address Archive-date Content-type ... Length")
// then Length bytes: an HTTP response, or for captures without one the
// document itself. The first record describes the file and is passed
// over.
func readARC(name string, r io.Reader, size int64, d Defaults, s sink) error {
	br, closeGz, err := maybeGunzip(r, size, s.budget, "ARC")
	if err != nil {
		return err
	}
	defer closeGz()
	for n := 1; ; n++ {
		var line []byte
		for {
			l, tooLong, err := readLine(br, maxHeaderLine, false)
			if tooLong {
				return fmt.Errorf("record %d: %w", n, tooLarge("header line", int64(maxHeaderLine)))
			}
			if len(bytes.TrimSpace(l)) > 0 {
				line = l
				break
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return recordError(n, err)
			}
		}
		fields := strings.Fields(string(line))
		length := int64(-1)
		if len(fields) >= 5 {
			if l, err := strconv.ParseInt(fields[len(fields)-1], 10, 64); err == nil {
				length = l
			}
		}
		if length < 0 || (n == 1 && !strings.HasPrefix(fields[0], "filedesc://")) {
			return fmt.Errorf("record %d: not an ARC record (starts %.40q)", n, line)
		}
		recName := fmt.Sprintf("%s#%d", name, n)
		if strings.HasPrefix(fields[0], "filedesc://") || length > maxDoc {
			if _, err := io.CopyN(io.Discard, br, length); err != nil {
				return recordError(n, err)
			}
			if length > maxDoc {
				s.bad(recName, sizeTooLarge("record", length, maxDoc), true)
			}
			continue
		}
		var block bytes.Buffer
		block.Grow(int(min(length, 1<<20)))
		if _, err := io.CopyN(&block, br, length); err != nil {
			return recordError(n, err)
		}
		rec := record{name: recName, uri: fields[0]}
		if t, err := time.Parse("20060102150405", fields[2]); err == nil {
			rec.date = t
		}
		isHTTP := bytes.HasPrefix(block.Bytes(), []byte("HTTP/"))
		if err := rec.take(block.Bytes(), isHTTP, fields[3], d, s); err != nil {
			return err
		}
	}
}
