package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"
)

// ErrForeignSchema is returned by Open and OpenReadOnly for an archive
// whose schema is not exactly one that Wiretrace wrote for its version:
// a table, index, trigger, view or virtual table that is extra, missing
// or defined otherwise. Such a file may hold SQL that would run on the
// recipient's machine (a trigger, an endless view), so it is never opened
// as an archive; Merge reads its articles without running any of it.
var ErrForeignSchema = errors.New("archive: schema not written by wiretrace")

// schemaObject is one row of sqlite_schema.
type schemaObject struct {
	typ, name, table, sql string
}

func (o schemaObject) String() string {
	return fmt.Sprintf("%s %q", o.typ, o.name)
}

// builtinObjects are the schema rows SQLite itself may add to any
// database (ANALYZE's statistics, AUTOINCREMENT's counters), with the
// only definitions SQLite gives them.
var builtinObjects = map[string]string{
	"sqlite_stat1":    "CREATE TABLE sqlite_stat1(tbl,idx,stat)",
	"sqlite_stat4":    "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
	"sqlite_sequence": "CREATE TABLE sqlite_sequence(name,seq)",
}

// ftsConfigKeys are the keys of the full-text index's configuration table
// that SQLite or Wiretrace write. Anything else there (a 'rank' naming
// another function, say) did not come from Wiretrace.
var ftsConfigKeys = map[string]bool{"version": true, "automerge": true, "crisismerge": true, "usermerge": true, "pgsz": true, "deletemerge": true, "secure-delete": true}

var expected struct {
	mu   sync.Mutex
	byV  map[int]map[string]schemaObject
	errs map[int]error
}

// expectedSchema returns the schema objects that migrations up to version
// create, by name, from applying them to an empty in-memory database
// (once per version and process).
func expectedSchema(version int) (map[string]schemaObject, error) {
	expected.mu.Lock()
	defer expected.mu.Unlock()
	if m, ok := expected.byV[version]; ok {
		return m, expected.errs[version]
	}
	m, err := buildExpectedSchema(version)
	if expected.byV == nil {
		expected.byV, expected.errs = map[int]map[string]schemaObject{}, map[int]error{}
	}
	expected.byV[version], expected.errs[version] = m, err
	return m, err
}

func buildExpectedSchema(version int) (map[string]schemaObject, error) {
	db, err := openMemorySchema(version)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return readSchema(context.Background(), db)
}

// openMemorySchema returns an in-memory database (of one connection) with
// the migrations up to version applied.
func openMemorySchema(version int) (*sql.DB, error) {
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	ms, err := migrations()
	if err != nil {
		db.Close()
		return nil, err
	}
	for _, m := range ms {
		if m.version > version {
			break
		}
		body, err := migrationFS.ReadFile(path.Join("migrations", m.name))
		if err == nil {
			_, err = db.Exec(string(body))
		}
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return db, nil
}

// readSchema reads sqlite_schema. Reading it runs nothing that the schema
// defines: SQLite only parses the definitions.
func readSchema(ctx context.Context, q querier) (map[string]schemaObject, error) {
	rows, err := q.QueryContext(ctx, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]schemaObject{}
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.typ, &o.name, &o.table, &o.sql); err != nil {
			return nil, err
		}
		out[o.name] = o
	}
	return out, rows.Err()
}

// verifySchema returns an error wrapping ErrForeignSchema unless the
// schema of the database q reads is exactly the one migrations up to
// version create (SQLite's own statistics tables aside), and the
// full-text index's configuration holds only keys SQLite and Wiretrace
// write. It names the first few objects that differ.
func verifySchema(ctx context.Context, q querier, version int) error {
	want, err := expectedSchema(version)
	if err != nil {
		return fmt.Errorf("expected schema %d: %w", version, err)
	}
	have, err := readSchema(ctx, q)
	if err != nil {
		return fmt.Errorf("read schema: %w", err)
	}
	var diffs []string
	for name, o := range have {
		w, ok := want[name]
		switch {
		case !ok && builtinObjects[name] != "" && o.typ == "table" && o.sql == builtinObjects[name]:
		case !ok:
			diffs = append(diffs, "unexpected "+o.String())
		case w.typ != o.typ:
			diffs = append(diffs, "unexpected "+o.String()+" in place of a "+w.typ)
		case w.table != o.table || w.sql != o.sql:
			diffs = append(diffs, "altered "+o.String())
		}
	}
	for name, w := range want {
		if _, ok := have[name]; !ok {
			diffs = append(diffs, "missing "+w.String())
		}
	}
	if len(diffs) == 0 && version > 0 {
		rows, err := q.QueryContext(ctx, "SELECT k FROM articles_fts_config")
		if err != nil {
			return fmt.Errorf("read full-text configuration: %w", err)
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return fmt.Errorf("read full-text configuration: %w", err)
			}
			if !ftsConfigKeys[k] {
				diffs = append(diffs, fmt.Sprintf("unexpected full-text setting %q", k))
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read full-text configuration: %w", err)
		}
	}
	if len(diffs) == 0 {
		return nil
	}
	// What was added comes first: it is what could run.
	rank := map[byte]int{'u': 0, 'm': 1, 'a': 2}
	sort.Slice(diffs, func(i, j int) bool {
		if ri, rj := rank[diffs[i][0]], rank[diffs[j][0]]; ri != rj {
			return ri < rj
		}
		return diffs[i] < diffs[j]
	})
	more := ""
	if len(diffs) > 3 {
		more = fmt.Sprintf(" and %d more", len(diffs)-3)
		diffs = diffs[:3]
	}
	return fmt.Errorf("%w (version %d): %s%s", ErrForeignSchema, version, strings.Join(diffs, ", "), more)
}
