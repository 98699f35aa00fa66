// Package fetch downloads the web pages a user asked to import, politely:
// one request at a time to each host, at most one a second by default,
// with timeouts, a bounded number of redirects and a cap on the size of
// each body. Each page is kept as a WARC record (see WARCWriter), so that
// importing it, and extracting it again later, needs no network: the WARC
// file is imported like any other.
//
// It is the only package of the importer that uses the network, and only
// for addresses given to it.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Errors a page can fail with.
var (
	ErrNotWebAddress = errors.New("not a web address (want http:// or https://)")
	ErrTooLarge      = errors.New("too large")
	ErrNotPage       = errors.New("not a web page")
	ErrRedirects     = errors.New("too many redirects")
)

// StatusError is a response whose status is not 200 OK.
type StatusError struct {
	Code   int
	Status string // "404 Not Found"
}

func (e *StatusError) Error() string { return "HTTP " + e.Status }

// Options tune a Fetcher. Zero fields take the defaults.
type Options struct {
	// PerHost is the least time between the starts of two requests to
	// one host; default 1s.
	PerHost time.Duration
	// Timeout bounds one page, its redirects and body included; default
	// 30s.
	Timeout time.Duration
	// MaxBytes bounds one body; default 16 MB.
	MaxBytes int64
	// MaxRedirects bounds the redirects followed for one page; default 5.
	MaxRedirects int
	// Parallel is how many pages are fetched at once (of different
	// hosts, as each host gets one at a time); default 4.
	Parallel int
	// UserAgent names the fetcher to the sites; default Agent.
	UserAgent string
	// Transport makes the requests; default a clone of
	// http.DefaultTransport.
	Transport http.RoundTripper
}

// Agent is the User-Agent a Fetcher sends unless told otherwise.
const Agent = "wiretrace/1.0 (news archive; fetches only pages its user asked for)"

// Page is a fetched response with status 200 and an HTML or XHTML body.
type Page struct {
	Requested string      // the address asked for
	URL       string      // the address of the page, after redirects
	Proto     string      // "HTTP/1.1"
	Status    string      // "200 OK"
	Header    http.Header // as received (the body is decoded: see Body)
	Body      []byte      // without transfer or content encoding
	Fetched   time.Time
}

// Fetcher fetches pages. It is safe for concurrent use.
type Fetcher struct {
	o      Options
	client *http.Client
	mu     sync.Mutex
	next   map[string]time.Time // when each host may be asked again
}

// New returns a Fetcher with options o.
func New(o Options) *Fetcher {
	if o.PerHost == 0 {
		o.PerHost = time.Second
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 16 << 20
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	if o.Parallel <= 0 {
		o.Parallel = 4
	}
	if o.UserAgent == "" {
		o.UserAgent = Agent
	}
	if o.Transport == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.ResponseHeaderTimeout = o.Timeout
		o.Transport = t
	}
	f := &Fetcher{o: o, next: map[string]time.Time{}}
	f.client = &http.Client{
		Transport: politeTransport{f},
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > o.MaxRedirects {
				return fmt.Errorf("%w: stopped after %d", ErrRedirects, o.MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirected to %s: %w", req.URL.Redacted(), ErrNotWebAddress)
			}
			return nil
		},
	}
	return f
}

// politeTransport waits for the host's turn before each request,
// redirects included.
type politeTransport struct{ f *Fetcher }

func (t politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.f.wait(req.Context(), req.URL.Host); err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", t.f.o.UserAgent)
	return t.f.o.Transport.RoundTrip(req)
}

// wait returns when host may be asked, having booked the next turn.
func (f *Fetcher) wait(ctx context.Context, host string) error {
	f.mu.Lock()
	now := time.Now()
	at := f.next[host]
	if at.Before(now) {
		at = now
	}
	f.next[host] = at.Add(f.o.PerHost)
	f.mu.Unlock()
	d := time.Until(at)
	if d <= 0 {
		return nil
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-tm.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// CheckURL returns the address raw as a URL when it is an http or https
// one with a host, or an error wrapping ErrNotWebAddress.
func CheckURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, ErrNotWebAddress
	}
	u.Fragment = ""
	return u, nil
}

// Get fetches the page at raw. It fails with an error wrapping
// ErrNotWebAddress, a *StatusError (any status but 200, once redirects
// are followed), ErrRedirects, ErrNotPage (a body that is not HTML, told
// by its Content-Type or, without one, by its first bytes), ErrTooLarge
// (a body over MaxBytes, which is not read further), or the network's
// error (a timeout says so).
func (f *Fetcher) Get(ctx context.Context, raw string) (*Page, error) {
	u, err := CheckURL(raw)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, f.netError(ctx, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, &StatusError{Code: resp.StatusCode, Status: resp.Status}
	}
	if resp.ContentLength > f.o.MaxBytes {
		return nil, fmt.Errorf("body of %d bytes: %w (limit %d bytes)", resp.ContentLength, ErrTooLarge, f.o.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.o.MaxBytes+1))
	if err != nil {
		return nil, f.netError(ctx, err)
	}
	if int64(len(body)) > f.o.MaxBytes {
		return nil, fmt.Errorf("body larger than %d bytes: %w", f.o.MaxBytes, ErrTooLarge)
	}
	ct := resp.Header.Get("Content-Type")
	if ct == "" {
		ct = http.DetectContentType(body)
		resp.Header.Set("Content-Type", ct)
	}
	if mt, _, _ := mime.ParseMediaType(ct); mt != "text/html" && mt != "application/xhtml+xml" {
		return nil, fmt.Errorf("%w: its type is %s", ErrNotPage, clip(ct, 60))
	}
	return &Page{Requested: u.String(), URL: resp.Request.URL.String(), Proto: resp.Proto, Status: resp.Status,
		Header: resp.Header, Body: body, Fetched: time.Now().UTC()}, nil
}

// netError names the failure of a request: a timeout by its limit, the
// rest by the network's message, without the request's own words.
func (f *Fetcher) netError(ctx context.Context, err error) error {
	var ne net.Error
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("timed out after %s: %w", f.o.Timeout, context.DeadlineExceeded)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// Result is the outcome of one address given to All.
type Result struct {
	Index int    // its place in the list
	URL   string // as given
	Page  *Page  // nil on error
	Err   error
}

// All fetches urls, Options.Parallel at a time, and calls fn with each
// result as it comes (not in order; fn is never called concurrently). It
// stops early, returning ctx's error, when ctx is cancelled, or fn's
// first error.
func (f *Fetcher) All(ctx context.Context, urls []string, fn func(Result) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	results := make(chan Result)
	var wg sync.WaitGroup
	for range min(f.o.Parallel, len(urls)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				p, err := f.Get(ctx, urls[i])
				select {
				case results <- Result{Index: i, URL: urls[i], Page: p, Err: err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range urls {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	var err error
	for r := range results {
		if err != nil {
			continue
		}
		if err = fn(r); err != nil {
			cancel()
		}
	}
	if err == nil {
		err = ctx.Err()
	}
	return err
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}
