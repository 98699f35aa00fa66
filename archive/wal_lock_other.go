//go:build !unix

package archive

// shmLocks says whether lockSHM can tell that another process has an
// archive open.
const shmLocks = false

// lockSHM cannot tell on this system whether another process has the
// archive open, so open never judges a -wal file there: SQLite uses it.
func lockSHM(shm string, readOnly bool) (unlock func(), ok bool) {
	return nil, false
}
