// Package linking is the linking service: it runs package provenance over
// an archive. It adapts an archive.Store to provenance.Index, links the
// articles of each import batch, resumes what an interrupted import left
// unlinked, and relinks a whole archive. The archive stores; provenance
// computes (and never imports the archive); this package only moves
// values between the two. Every caller (import, merge, gen --link, the
// demo, the desktop app's import, relink, check --repair, the
// benchmarks) builds one Service with New and goes through it.
//
// # What is committed when
//
// An import, through a Service, commits in this order; each step is one
// SQLite transaction, so a crash, a SIGKILL or a Ctrl-C leaves the
// archive at a step's boundary:
//
//  1. Articles, per importer batch (importer.Options.BatchSize, 500 by
//     default; 2,000 for gen): archive.Store.AddBatch stores the batch's
//     articles together with the files whose articles are all stored
//     (imported_files). Stopped before: neither is there, and the next
//     run reads those files again. The importer then hands the batch's
//     new ids to the function AfterBatch returned, and goes on parsing
//     and storing the next batch while this one is linked.
//  2. The link lock, at the first batch of a session (and at a Flush
//     with no batch): rows of meta naming this process
//     (archive.Store.LockLinking). One process links an archive at a
//     time; another waits (Options.Waiting).
//  3. Fingerprints, per batch (archive.Store.SetFingerprints), written
//     while the batch is linked. Stopped after: harmless, they are
//     replaced when the batch is linked again.
//  4. Links, per batch, in batch order (archive.Store.WriteLinks): the
//     links from the batch's articles to older ones, replacing theirs;
//     both ends of every link removed or added marked in stories_stale;
//     and the progress marker linked_upto raised to the batch's last id,
//     all in one transaction. Stopped before: the batch's articles have
//     ids above linked_upto, so archive.Store.Unlinked returns them, and
//     the next import's Resume links them first, in id order, before its
//     own batches, which gives the links of an uninterrupted import
//     (an article's links depend only on the articles before it).
//  5. Stories, once 400,000 link ends are stored and at Flush: the
//     stories of the articles this session marked stale, 2,000 stale
//     articles a transaction (archive.Store.SaveStories, which unmarks
//     them). Stopped before: the rows of stories_stale stay, with the
//     link lock naming a process that is gone; the next linker takes
//     the lock over (archive.LinkLock.TookOver) and its Flush updates
//     every stale story, not only its own.
//  6. The link lock released, at Flush. A Flush that fails or is
//     cancelled abandons the lock instead (as a killed process would),
//     so that the next linker, in this process or another, takes it
//     over and finishes step 5.
//
// `wiretrace check` reports each unfinished state (archive.Store.
// LinkProblems: articles unlinked, stories out of date, a dead lock
// holder, a stopped relink) without calling it damage. An import with
// --no-link skips the service and raises link_skip_upto per batch
// instead, so that Unlinked leaves those articles to a relink.
//
// A relink (Service.Relink) holds the link lock throughout and records
// its own progress: relink_printed, in the transaction of each batch of
// 500 fingerprints (phase 1), then relink_linked, in the transaction of
// each batch's links (phase 2, as steps 3-4 above), then the stories of
// every stale article (phase 3), then archive.Store.EndRelink removes
// both markers. A relink stopped at any point leaves the links and
// stories it has not reached as they were, usable; the next relink reads
// the markers (Options.Resumed) and goes on from them.
package linking
