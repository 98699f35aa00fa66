package gen

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/wiretrace/wiretrace"
)

// ManifestName is the name of the per-folder manifest WriteDir writes
// beside the text files: a CSV with the columns ManifestColumns. It gives
// the outlet, URL, date and language of each plain-text file, as a user's
// own notes would; HTML pages carry these in their own metadata.
const ManifestName = "wiretrace-manifest.csv"

// ManifestColumns are the header of every manifest.
var ManifestColumns = []string{"file", "source", "url", "published", "language"}

// TruthName is the ground-truth file WriteDir writes at the top of the
// output folder, one Truth per line as JSON, in ID order. Importers must
// skip it: it is not an article.
const TruthName = "_truth.jsonl"

// WriteStats sums up what WriteDir wrote.
type WriteStats struct {
	Articles int
	Text     int   // .txt files
	HTML     int   // .html files
	Folders  int   // folders holding articles, each with a manifest
	Bytes    int64 // bytes of article files
}

// WriteDir writes every article of g under dir as files a user would
// have: plain text (first line the title, a blank line, then paragraphs
// separated by blank lines) and saved web pages, one folder per outlet
// and per agency wire, a ManifestName in each folder and TruthName at the
// top. progress, if not nil, is called now and then with the number of
// articles written. It uses all CPUs and writes the same bytes whatever
// their number.
func WriteDir(ctx context.Context, g *Generator, dir string, progress func(done int)) (WriteStats, error) {
	var st WriteStats
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return st, fmt.Errorf("gen: %w", err)
	}
	truthF, err := os.Create(filepath.Join(dir, TruthName))
	if err != nil {
		return st, fmt.Errorf("gen: %w", err)
	}
	defer truthF.Close()
	truthW := bufio.NewWriterSize(truthF, 1<<20)
	manifests := map[string]*manifest{}
	defer func() {
		for _, m := range manifests {
			m.f.Close()
		}
	}()

	type result struct {
		folder, file string
		row          []string // manifest row, nil for HTML
		truth        []byte
		html         bool
		size         int
		err          error
	}
	const chunk = 2048
	workers := runtime.GOMAXPROCS(0)
	res := make([]result, chunk)
	made := map[string]bool{}
	var mu sync.Mutex
	mkdir := func(d string) error {
		mu.Lock()
		defer mu.Unlock()
		if made[d] {
			return nil
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		made[d] = true
		return nil
	}
	for start := 0; start < g.Len(); start += chunk {
		if err := ctx.Err(); err != nil {
			return st, fmt.Errorf("gen: %w", err)
		}
		end := min(start+chunk, g.Len())
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var buf []byte
				for i := start + w; i < end; i += workers {
					a, tr, nFooter := g.build(i)
					r := &res[i-start]
					*r = result{}
					r.folder, r.file = filepath.Split(a.Origin)
					r.html = strings.HasSuffix(a.Origin, ".html")
					buf = buf[:0]
					if r.html {
						buf = appendHTML(buf, g, i, &a, nFooter)
					} else {
						buf = append(buf, a.Title...)
						buf = append(buf, "\n\n"...)
						buf = append(buf, a.Text...)
						buf = append(buf, '\n')
						pub := ""
						if !a.Published.IsZero() {
							pub = a.Published.Format(stampLayout(g.slots[i]))
						}
						r.row = []string{r.file, a.Source, a.URL, pub, a.Language}
					}
					r.size = len(buf)
					path := filepath.Join(dir, filepath.FromSlash(a.Origin))
					if err := mkdir(filepath.Dir(path)); err != nil {
						r.err = err
						continue
					}
					if err := os.WriteFile(path, buf, 0o644); err != nil {
						r.err = err
						continue
					}
					j, err := json.Marshal(tr)
					if err != nil {
						r.err = err
						continue
					}
					r.truth = j
				}
			}()
		}
		wg.Wait()
		for k := range end - start {
			r := &res[k]
			if r.err != nil {
				return st, fmt.Errorf("gen: write %s%s: %w", r.folder, r.file, r.err)
			}
			truthW.Write(r.truth)
			truthW.WriteByte('\n')
			st.Articles++
			st.Bytes += int64(r.size)
			if r.html {
				st.HTML++
			} else {
				st.Text++
			}
			m := manifests[r.folder]
			if m == nil {
				m, err = newManifest(filepath.Join(dir, filepath.FromSlash(r.folder), ManifestName))
				if err != nil {
					return st, err
				}
				manifests[r.folder] = m
			}
			if r.row != nil {
				m.w.Write(r.row)
			}
		}
		if progress != nil {
			progress(end)
		}
	}
	st.Folders = len(manifests)
	for _, m := range manifests {
		m.w.Flush()
		if err := m.w.Error(); err != nil {
			return st, fmt.Errorf("gen: manifest: %w", err)
		}
		if err := m.f.Close(); err != nil {
			return st, fmt.Errorf("gen: manifest: %w", err)
		}
	}
	manifests = nil
	if err := truthW.Flush(); err != nil {
		return st, fmt.Errorf("gen: %s: %w", TruthName, err)
	}
	if err := truthF.Close(); err != nil {
		return st, fmt.Errorf("gen: %s: %w", TruthName, err)
	}
	return st, nil
}

type manifest struct {
	f *os.File
	w *csv.Writer
}

func newManifest(path string) (*manifest, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("gen: manifest: %w", err)
	}
	m := &manifest{f: f, w: csv.NewWriter(bufio.NewWriterSize(f, 16<<10))}
	m.w.Write(ManifestColumns)
	return m, nil
}

var navLabels = map[string][]string{
	"en": {"Home", "World", "Politics", "Business", "Sport", "Opinion", "Subscribe"},
	"fr": {"Accueil", "Monde", "Politique", "Économie", "Sport", "Opinions", "S'abonner"},
	"es": {"Portada", "Internacional", "Política", "Economía", "Deportes", "Opinión", "Suscríbete"},
	"de": {"Startseite", "Welt", "Politik", "Wirtschaft", "Sport", "Meinung", "Abo"},
	"ru": {"Главная", "В мире", "Политика", "Экономика", "Спорт", "Мнения", "Подписка"},
	"zh": {"首页", "国际", "时政", "财经", "体育", "评论", "订阅"},
}

// appendHTML appends article i as a saved web page: metadata in the head,
// navigation, the article, the outlet's boilerplate in asides and footer.
func appendHTML(b []byte, g *Generator, i int, a *wiretrace.Article, nFooter int) []byte {
	o := &g.Outlets[g.slots[i].outlet]
	esc := html.EscapeString
	paras := strings.Split(a.Text, "\n\n")
	body, foot := paras[:len(paras)-nFooter], paras[len(paras)-nFooter:]
	b = append(b, "<!DOCTYPE html>\n<html lang=\""...)
	b = append(b, a.Language...)
	b = append(b, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>"...)
	b = append(b, esc(a.Title)+" | "+esc(o.Name)...)
	b = append(b, "</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"...)
	b = append(b, "<meta property=\"og:site_name\" content=\""+esc(o.Name)+"\">\n"...)
	b = append(b, "<meta property=\"og:type\" content=\"article\">\n"...)
	b = append(b, "<meta property=\"og:title\" content=\""+esc(a.Title)+"\">\n"...)
	b = append(b, "<meta property=\"og:url\" content=\""+esc(a.URL)+"\">\n"...)
	if !a.Published.IsZero() {
		b = append(b, "<meta property=\"article:published_time\" content=\""+a.Published.Format(stampLayout(g.slots[i]))+"\">\n"...)
	}
	if a.Byline != "" {
		b = append(b, "<meta name=\"author\" content=\""+esc(strings.TrimPrefix(a.Byline, "By "))+"\">\n"...)
	}
	b = append(b, "<link rel=\"canonical\" href=\""+esc(a.URL)+"\">\n"...)
	b = append(b, "<link rel=\"stylesheet\" href=\"/static/site.css\">\n<script>window.dataLayer=window.dataLayer||[];dataLayer.push({page:'article'});</script>\n</head>\n<body>\n"...)
	b = append(b, "<header class=\"site-header\">\n<a class=\"logo\" href=\"/\">"+esc(o.Name)+"</a>\n<nav>\n<ul>\n"...)
	for _, l := range navLabels[o.Lang] {
		b = append(b, "<li><a href=\"/"+slugify(l)+"\">"+esc(l)+"</a></li>\n"...)
	}
	b = append(b, "</ul>\n</nav>\n</header>\n<main>\n<article>\n<h1>"+esc(a.Title)+"</h1>\n"...)
	if a.Byline != "" {
		b = append(b, "<p class=\"byline\">"+esc(a.Byline)+"</p>\n"...)
	}
	if !a.Published.IsZero() {
		shown := "2 January 2006 15:04"
		if g.slots[i].dayOnly {
			shown = "2 January 2006"
		}
		b = append(b, "<time datetime=\""+a.Published.Format(stampLayout(g.slots[i]))+"\">"+a.Published.Format(shown)+"</time>\n"...)
	}
	b = append(b, "<div class=\"article-body\">\n"...)
	for _, p := range body {
		b = append(b, "<p>"+esc(p)+"</p>\n"...)
	}
	b = append(b, "</div>\n</article>\n"...)
	for _, p := range foot {
		if lines := strings.Split(p, "\n"); len(lines) > 1 {
			b = append(b, "<aside class=\"related\">\n<h2>"+esc(lines[0])+"</h2>\n<ul>\n"...)
			for _, t := range lines[1:] {
				b = append(b, "<li><a href=\"/news/"+slugify(t)+"\">"+esc(t)+"</a></li>\n"...)
			}
			b = append(b, "</ul>\n</aside>\n"...)
			continue
		}
		b = append(b, "<aside class=\"promo\"><p>"+esc(p)+"</p></aside>\n"...)
	}
	b = append(b, "</main>\n<footer class=\"site-footer\">\n<p>© "+esc(o.Name)+"</p>\n<ul><li><a href=\"/privacy\">Privacy</a></li><li><a href=\"/terms\">Terms</a></li><li><a href=\"/contact\">Contact</a></li></ul>\n</footer>\n</body>\n</html>\n"...)
	return b
}

// stampLayout is how a file states the publication time of slot s: a day
// for a date-only stamp, else the full time.
func stampLayout(s slot) string {
	if s.dayOnly {
		return time.DateOnly
	}
	return time.RFC3339
}
