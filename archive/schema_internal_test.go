package archive

import (
	"context"
	"slices"
	"testing"
)

// TestArticleRefsMatchSchema: articleRefs, the tables and columns Check
// and Repair name, are exactly the schema's foreign keys to articles, so
// a table added by a migration is not left out.
func TestArticleRefsMatchSchema(t *testing.T) {
	want, err := expectedSchema(SchemaVersion())
	if err != nil {
		t.Fatal(err)
	}
	db, err := openMemorySchema(SchemaVersion())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var got [][2]string
	for name, o := range want {
		if o.typ != "table" {
			continue
		}
		rows, err := db.QueryContext(context.Background(), `SELECT "table", "from" FROM pragma_foreign_key_list(?)`, name)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var parent, col string
			rows.Scan(&parent, &col)
			if parent == "articles" {
				got = append(got, [2]string{name, col})
			}
		}
		rows.Close()
	}
	slices.SortFunc(got, func(a, b [2]string) int {
		if a[0] != b[0] {
			return compare(a[0], b[0])
		}
		return compare(a[1], b[1])
	})
	if !slices.Equal(got, articleRefs) {
		t.Errorf("foreign keys to articles %v, articleRefs %v", got, articleRefs)
	}
}

func compare(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
