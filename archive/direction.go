package archive

import "strings"

// joinEvidence is Link.DirectionEvidence as stored in
// links.direction_evidence: the kinds, comma-separated.
func joinEvidence(kinds []string) string { return strings.Join(kinds, ",") }

// splitEvidence reads links.direction_evidence; never nil, so that JSON
// writes [] for none.
func splitEvidence(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, ",")
}
