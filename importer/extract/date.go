package extract

import (
	"time"

	"github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
)

// publishedDate returns the original publication date of doc, or zero.
func publishedDate(doc *html.Node, pageURL string) (t time.Time) {
	defer func() {
		if r := recover(); r != nil {
			t = time.Time{}
		}
	}()
	res, err := htmldate.FromDocument(doc, htmldate.Options{
		URL:             pageURL,
		UseOriginalDate: true,
	})
	if err != nil || res.IsZero() {
		return time.Time{}
	}
	return res.DateTime
}
