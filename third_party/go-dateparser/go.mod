module github.com/markusmobius/go-dateparser

go 1.26.0

require (
	github.com/markusmobius/go-dateutil/v2 v2.9.1
	golang.org/x/text v0.42.0
)
