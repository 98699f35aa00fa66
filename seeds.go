// Package wiretrace holds the domain types the whole product shares
// (Article, Credit, Link, Story, their roles and kinds) and the seed
// articles embedded in the binary for the demo and the tests. It has no
// SQL and does no I/O: the archive maps rows to these types, provenance
// computes them, the importer produces them.
package wiretrace

import "embed"

// Seeds holds testdata/seeds: the five founding articles and their
// manifest (wiretrace-manifest.csv).
//
//go:embed testdata/seeds
var Seeds embed.FS
