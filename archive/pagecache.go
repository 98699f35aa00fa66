package archive

import (
	"sync"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// pageSlots is how many pages of SQLite's page caches live in one block
// allocated once (SQLITE_CONFIG_PAGECACHE, 34 MB of address space, in
// memory once used); the others are allocated one by one. An import of
// 100k generated files with linking: 1,024 slots 505 files/s, 393 CPU-s,
// 241 MB peak; 2,048 slots 519 files/s, 384 CPU-s, 252 MB (without the
// block: 421 files/s, 454 CPU-s, 258 MB).
const pageSlots = 2048

// pageSize is the page size of archives, set by createFile.
const pageSize = 16384

// PoolPageCache makes SQLite's page caches take their pages from one block
// of pageSlots slots, allocated once, for the rest of the process. It is for
// long bulk work (imports, relinks): without it every page a connection
// reads is allocated on its own and freed when the connection drops its
// cache, which it does at its first read after another connection
// committed (an import commits three times a batch), and modernc.org/memory
// hands the freed pages back to the OS (madvise) and faults them in again.
// A 100k import with linking took 13% less CPU with it (454 -> 393 CPU-s).
// A short process pays for it instead: a one-query search process took
// 20 ms longer (99-105 against 124-125 ms on a 100k archive).
//
// It must be called before the process opens its first archive (SQLite
// takes the setting only before it is initialised); it reports whether the
// block is in use, and does nothing after the first call.
func PoolPageCache() bool {
	pageBlockOnce.Do(func() { pageBlock = configurePageCache() })
	return pageBlock
}

var (
	pageBlockOnce sync.Once
	pageBlock     bool
)

// configurePageCache gives SQLite's page caches a block of pageSlots page
// slots, which pages are taken from and given back to, and reports whether
// SQLite took it.
func configurePageCache() bool {
	tls := libc.NewTLS()
	defer tls.Close()
	// SQLite writes the size of a slot's header here. Memory SQLite
	// writes to comes from its own allocator: a Go pointer in a uintptr
	// fails the race detector's pointer checks.
	hdr := libc.Xmalloc(tls, 8)
	if hdr == 0 {
		return false
	}
	defer libc.Xfree(tls, hdr)
	va := libc.NewVaList(hdr)
	rc := sqlite3.Xsqlite3_config(tls, sqlite3.SQLITE_CONFIG_PCACHE_HDRSZ, va)
	libc.Xfree(tls, va)
	if rc != sqlite3.SQLITE_OK || *(*int32)(cMem(hdr)) <= 0 {
		return false
	}
	sz := (pageSize + int(*(*int32)(cMem(hdr))) + 7) &^ 7
	buf := libc.Xmalloc(tls, libc.Tsize_t(sz*pageSlots))
	if buf == 0 {
		return false
	}
	va = libc.NewVaList(buf, int32(sz), int32(pageSlots))
	rc = sqlite3.Xsqlite3_config(tls, sqlite3.SQLITE_CONFIG_PAGECACHE, va)
	libc.Xfree(tls, va)
	if rc != sqlite3.SQLITE_OK {
		libc.Xfree(tls, buf)
		return false
	}
	return true
}

// cMem returns the address p of memory from SQLite's allocator as a
// pointer. That memory is outside Go's heap and never moves; reading the
// uintptr's bits as a pointer says so to go vet, which flags every
// conversion of a uintptr.
func cMem(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }
