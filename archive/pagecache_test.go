package archive

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/wiretrace/wiretrace"
	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// pageCacheUsed returns how many of the block's page slots are in use and
// the most ever used.
func pageCacheUsed(t *testing.T) (cur, high int64) {
	t.Helper()
	tls := libc.NewTLS()
	defer tls.Close()
	p := libc.Xmalloc(tls, 16)
	if p == 0 {
		t.Fatal("out of memory")
	}
	defer libc.Xfree(tls, p)
	if rc := sqlite3.Xsqlite3_status64(tls, sqlite3.SQLITE_STATUS_PAGECACHE_USED, p, p+8, 0); rc != sqlite3.SQLITE_OK {
		t.Fatalf("sqlite3_status64: %d", rc)
	}
	return *(*int64)(cMem(p)), *(*int64)(cMem(p + 8))
}

// TestMain gives the archive tests SQLite's page block, as imports have
// it, before any test opens an archive.
func TestMain(m *testing.M) {
	if !PoolPageCache() {
		fmt.Fprintln(os.Stderr, "PoolPageCache: SQLite refused the page block")
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// TestPageCacheBlock checks that the pages an archive's connections read
// are taken from the block configurePageCache set up, and given back to
// it when the archive is closed.
func TestPageCacheBlock(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	arts := make([]*wiretrace.Article, 200)
	for i := range arts {
		arts[i] = &wiretrace.Article{Source: "Outlet", Title: "Story " + string(rune('A'+i%26)), Text: "The minister said on Monday that story number " + string(rune('a'+i%26)) + " happened.", Origin: filepath.Join("x", string(rune('a'+i%26)), string(rune('A'+i/26)))}
	}
	if _, err := s.Add(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Articles(ctx, []int64{1, 50, 100}); err != nil {
		t.Fatal(err)
	}
	if !PoolPageCache() {
		t.Fatal("PoolPageCache reports no block after TestMain set it up")
	}
	if configurePageCache() {
		t.Fatal("SQLite took a second page block after its first connection")
	}
	cur, high := pageCacheUsed(t)
	if cur == 0 || high == 0 {
		t.Fatalf("page slots in use %d, at most %d: the pages were not taken from the block", cur, high)
	}
	if high > pageSlots {
		t.Fatalf("%d page slots used, the block has %d", high, pageSlots)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if after, _ := pageCacheUsed(t); after >= cur {
		t.Errorf("page slots in use after closing the archive: %d, before %d", after, cur)
	}
}
