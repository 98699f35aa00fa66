package importer

// FormatSummary names, in a few words, the formats Run reads: for a
// command's one-line summary.
const FormatSummary = "text, HTML, MHTML, JSON Lines, RSS/Atom/JSON Feed, WARC, ARC, zip, tar"

// Formats lists the formats Run reads, one a line, with the names they
// are known by: for a command's help.
var Formats = []string{
	"plain text      .txt .text .md (the first line is the title unless it is a dateline)",
	"web page        .html .htm .xhtml .shtml .php .asp .aspx, and files without an extension that start as HTML",
	"saved page      .mhtml .mht (one MIME file)",
	"JSON Lines      .jsonl .ndjson (one article a line, as 'wiretrace export --jsonl' writes)",
	"feed            .rss .atom, .xml holding RSS, Atom or RDF, .json holding a JSON Feed",
	"web archive     .warc .warc.gz (response, resource and conversion records), .arc .arc.gz",
	"bundle          .zip .tar .tar.gz .tgz of any of these",
	"manifest        wiretrace-manifest.csv or .json in a folder: metadata per file (not imported)",
}
