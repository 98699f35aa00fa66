package archive

import (
	"context"
	"fmt"
	"math"
	"math/rand"
	"path/filepath"
	"slices"
	"testing"
)

// TestFingerprintMerges sets and replaces the fingerprints of articles in
// many batches, with a small table that is merged into the big one every
// few batches, and checks every lookup against a model of the index, the
// row counts the store keeps, and that reopening changes nothing.
func TestFingerprintMerges(t *testing.T) {
	defer func(v int64) { fpRecentMin = v }(fpRecentMin)
	fpRecentMin = 300
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "f.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(3))
	addRandom(t, s, r, 400)
	model := map[int64][]uint64{}
	merges := 0
	for batch := range 40 {
		fps := map[int64][]uint64{}
		for range 10 {
			// New articles mostly, some set again with other fingerprints.
			id := int64(1 + r.Intn(min(400, 10*(batch+1))))
			var f []uint64
			for range 5 + r.Intn(30) {
				f = append(f, uint64(r.Intn(200))<<40|uint64(r.Intn(3)))
			}
			slices.Sort(f)
			fps[id] = slices.Compact(f)
		}
		if err := s.SetFingerprints(ctx, fps); err != nil {
			t.Fatal(err)
		}
		for id, f := range fps {
			model[id] = f
		}
		var recent int64
		if err := s.db.QueryRow("SELECT count(*) FROM fingerprints_recent").Scan(&recent); err != nil {
			t.Fatal(err)
		}
		if recent == 0 {
			merges++
		}
		checkPostings(t, s, model, fmt.Sprintf("batch %d", batch))
	}
	if merges < 3 {
		t.Errorf("%d merges, want several", merges)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkPostings(t, s, model, "reopened")
	if err := s.ClearProvenance(ctx); err != nil {
		t.Fatal(err)
	}
	checkPostings(t, s, map[int64][]uint64{}, "cleared")
}

// checkPostings compares the index of s with model (article to
// fingerprints): lookups with several limits, and the kept row counts.
func checkPostings(t *testing.T, s *Store, model map[int64][]uint64, state string) {
	t.Helper()
	want := map[uint64][]int64{}
	rows := int64(0)
	for id, f := range model {
		for _, fp := range f {
			want[fp] = append(want[fp], id)
			rows++
		}
	}
	var all []uint64
	for fp := range want {
		slices.Sort(want[fp])
		all = append(all, fp)
	}
	all = append(all, 1<<41|7) // held by none
	for _, limit := range []int{1, 3, 1000} {
		got, err := s.Postings(context.Background(), all, limit)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s, limit %d: %d fingerprints found, want %d", state, limit, len(got), len(want))
		}
		for fp, ids := range want {
			w := ids[:min(limit, len(ids))]
			if !slices.Equal(got[fp], w) {
				t.Fatalf("%s, limit %d: postings of %x: got %v, want %v", state, limit, fp, got[fp], w)
			}
		}
	}
	var big, recent, kept int64
	if err := s.db.QueryRow(`SELECT (SELECT count(*) FROM fingerprints), (SELECT count(*) FROM fingerprints_recent),
		(SELECT sum(value) FROM meta WHERE key IN ('fingerprints_rows', 'fingerprints_recent_rows'))`).Scan(&big, &recent, &kept); err != nil {
		t.Fatal(err)
	}
	if big+recent != rows || kept != rows {
		t.Errorf("%s: %d rows in the big table and %d in the small one, counted %d; want %d", state, big, recent, kept, rows)
	}
}

// TestInsertFingerprintsArgs stores rows through insertFingerprints with
// ids at the ends of int64 and fingerprints up to 2^63-1, and reads them
// back as they were given.
func TestInsertFingerprintsArgs(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "f.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows := []fpRow{{0, 1}, {1, 0}, {2, 7}, {3, 1234567}, {4, math.MaxInt64}, {5, -1}, {6, math.MinInt64}, {math.MaxInt64, 42}}
	fps, arts := fpRowsArgs(rows)
	if len(arts) != len(rows)*articleDigits {
		t.Fatalf("blob of %d bytes for %d rows", len(arts), len(rows))
	}
	if _, err := s.db.Exec(insertFingerprints, fps, arts); err != nil {
		t.Fatal(err)
	}
	got, err := s.db.Query("SELECT fp, article FROM fingerprints_recent ORDER BY fp")
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	var read []fpRow
	for got.Next() {
		var fp, article int64
		if err := got.Scan(&fp, &article); err != nil {
			t.Fatal(err)
		}
		read = append(read, fpRow{uint64(fp), article})
	}
	if !slices.Equal(read, rows) {
		t.Errorf("stored %v, want %v", read, rows)
	}
}
