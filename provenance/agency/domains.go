package agency

import (
	"net/url"
	"strings"
	"sync"
	"unicode"
)

var (
	domainsOnce sync.Once
	byDomain    map[string]int // lower-case domain -> index in Table
)

func compileDomains() {
	domainsOnce.Do(func() {
		byDomain = map[string]int{}
		for i, a := range Table {
			for _, d := range a.Domains {
				byDomain[strings.ToLower(d)] = i
			}
		}
	})
}

// hostOf returns the host name that s gives, lower-case and without a
// trailing dot, when s is a web address ("https://www.reuters.com/world/x")
// or a host name, possibly with a path or port ("uk.reuters.com",
// "apnews.com/article/x"); ok is false for anything else, a name such as
// "Reuters" or "U.S. News".
func hostOf(s string) (host string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, " \t\r\n") {
		return "", false
	}
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil {
			return "", false
		}
		s = u.Hostname()
	} else {
		if i := strings.IndexAny(s, "/?#"); i >= 0 {
			s = s[:i]
		}
		if i := strings.LastIndexByte(s, ':'); i >= 0 {
			s = s[:i]
		}
	}
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	labels := strings.Split(s, ".")
	if len(labels) < 2 {
		return "", false
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return "", false
		}
		for _, r := range l {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return "", false
			}
		}
	}
	if tld := labels[len(labels)-1]; strings.Trim(tld, "0123456789") == "" {
		return "", false // an IP address
	}
	return s, true
}

// domainAgency returns the agency whose own site host is (one of its
// Domains or a subdomain of one), or "" when there is none: only whole
// labels count, so "reuters.com.evil.example" and "notreuters.com" are
// nobody's.
func domainAgency(host string) string {
	compileDomains()
	for h := host; h != ""; {
		if i, ok := byDomain[h]; ok {
			return Table[i].Name
		}
		k := strings.IndexByte(h, '.')
		if k < 0 {
			break
		}
		h = h[k+1:]
	}
	return ""
}

// URLAgency returns the agency whose own site the web address or host
// name raw is on ("https://www.reuters.com/world/x" is Reuters's,
// "en.yna.co.kr" Yonhap's), or "" when it is none's or not an address.
func URLAgency(raw string) string {
	host, ok := hostOf(raw)
	if !ok {
		return ""
	}
	return domainAgency(host)
}
