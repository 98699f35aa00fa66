// Package wiretrace holds what the whole product shares: the seed articles
// embedded in the binary for the demo and the tests.
package wiretrace

import "embed"

// Seeds holds testdata/seeds: the five founding articles and their
// manifest (wiretrace-manifest.csv).
//
//go:embed testdata/seeds
var Seeds embed.FS
