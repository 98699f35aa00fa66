package provenance

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace"
)

// courierFooter closes every article of The Daily Courier.
const courierFooter = "Thank you for reading The Daily Courier. Our journalism depends on readers like you: " +
	"subscribe today for unlimited access to local news, the morning newsletter and the digital edition, " +
	"and follow The Daily Courier on social media for the latest updates from the valley."

// courierStories are unrelated stories of The Daily Courier.
var courierStories = []string{
	"The county fair opened on Friday with a record number of livestock entries, and organisers said the new " +
		"covered arena had drawn exhibitors from four neighbouring states. The carousel, restored over the winter " +
		"by volunteers, gave its first rides in six years.\n\nThe fair runs until Sunday. Parking at the showground " +
		"costs five dollars, and a shuttle bus leaves the town hall every twenty minutes from nine in the morning.",
	"A water main burst under Elm Street early on Tuesday, flooding basements along three blocks and closing the " +
		"elementary school for the day. Utility crews expected to restore service by the evening and asked residents " +
		"to boil tap water until further notice.\n\nThe pipe, laid in 1931, is one of eleven miles of cast iron mains " +
		"the city plans to replace over the next decade with money from a state loan.",
	"The high school robotics team won the regional championship in Springfield with a machine that stacks crates " +
		"faster than any rival, and will travel to the national finals in April after raising money from local " +
		"businesses and a bake sale.\n\nTheir coach, a chemistry teacher who founded the club in a garage nine years " +
		"ago, said the students had rebuilt the gripper twice in the week before the contest.",
	"Council members voted five to two to turn the empty rail depot into a public market, ending a debate that began " +
		"two years ago. Vendors will pay a reduced rent for the first year, and the renovation is due to start in " +
		"the autumn.\n\nThe two members who voted against the plan said the city should have sold the depot to a " +
		"developer who had offered to build apartments with shops on the ground floor.",
	"A family of beavers has built a dam across Miller Creek, raising the water level in the nature reserve and " +
		"drawing crowds of photographers. Rangers said the animals would be left alone, as the pond had already " +
		"attracted herons and otters.\n\nVisitors are asked to stay on the boardwalk, keep dogs on a leash and " +
		"leave no food behind, which could draw the beavers towards the car park.",
}

// courierVersions are four versions of one story of The Daily Courier: the
// first report, an update, a re-headlined update with a new lead, and the
// print version.
var courierVersions = []struct{ title, text string }{
	{"Fire destroys warehouse on river road", "A fire destroyed a furniture warehouse on River Road on Sunday night, " +
		"sending a column of black smoke over the town. Firefighters from three stations fought the blaze for more than " +
		"four hours before bringing it under control shortly after midnight.\n\n" +
		"Fire chief Laura Mendes said nobody had been inside the building when the fire broke out, and that the cause " +
		"was not yet known. Residents of nearby streets were asked to keep their windows closed because of the smoke.\n\n" +
		"The warehouse belonged to the Hartley family, who have sold furniture in the valley since 1952."},
	{"Fire destroys warehouse on river road; cause under investigation", "A fire destroyed a furniture warehouse on River Road on Sunday night, " +
		"sending a column of black smoke over the town. Firefighters from four stations fought the blaze for more than " +
		"four hours before bringing it under control shortly after midnight.\n\n" +
		"Fire chief Laura Mendes said nobody had been inside the building when the fire broke out, and that the cause " +
		"was not yet known. Residents of nearby streets were asked to keep their windows closed because of the smoke.\n\n" +
		"The warehouse belonged to the Hartley family, who have sold furniture in the valley since 1952.\n\n" +
		"State fire investigators arrived on Monday morning and began sifting through the debris, a spokesman for the " +
		"state fire marshal said. Their report is expected within two weeks."},
	{"Hartley family vows to rebuild after warehouse fire", "The Hartley family said on Monday they would rebuild the warehouse " +
		"that burned down on River Road, and that all forty employees would keep their jobs while the business moves " +
		"to a temporary site near the station.\n\n" +
		"A fire destroyed the furniture warehouse on Sunday night, sending a column of black smoke over the town. " +
		"Firefighters from four stations fought the blaze for more than four hours before bringing it under control " +
		"shortly after midnight.\n\n" +
		"Fire chief Laura Mendes said nobody had been inside the building when the fire broke out, and that the cause " +
		"was not yet known. Residents of nearby streets were asked to keep their windows closed because of the smoke.\n\n" +
		"State fire investigators arrived on Monday morning and began sifting through the debris, a spokesman for the " +
		"state fire marshal said. Their report is expected within two weeks."},
	{"Warehouse fire: family to rebuild", "A fire destroyed a furniture warehouse on River Road on Sunday night, " +
		"sending a column of black smoke over the town. Firefighters from four stations fought the blaze for more than " +
		"four hours before bringing it under control shortly after midnight.\n\n" +
		"Fire chief Laura Mendes said nobody had been inside the building when the fire broke out, and that the cause " +
		"was not yet known.\n\n" +
		"The Hartley family said on Monday they would rebuild the warehouse, and that all forty employees would keep " +
		"their jobs while the business moves to a temporary site near the station.\n\n" +
		"State fire investigators began sifting through the debris on Monday morning. Their report is expected " +
		"within two weeks."},
}

// TestOutletVersionsAreNotBoilerplate links an outlet's four versions of
// one story among five unrelated stories that end with the same footer, in
// several orders: the versions link each other, the footer links nothing
// and is no evidence.
func TestOutletVersionsAreNotBoilerplate(t *testing.T) {
	const S, V = 's', 'v' // a story, a version
	tests := []struct {
		name  string
		order string // of the articles: s for the next story, v for the next version
	}{
		{"stories first", "sssssvvvv"},
		{"versions first", "vvvvsssss"},
		{"interleaved", "svsvsvsvs"},
		{"versions last apart", "ssvsvsvsv"},
	}
	for _, tt := range tests {
		for _, before := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/before=%v", tt.name, before), func(t *testing.T) {
				idx := NewMemIndex()
				l := &Linker{Index: idx, Before: before}
				isVersion := map[int64]int{}
				var got []wiretrace.Link
				// footerKnown: links made from then on must not rest on
				// the footer, which OutletDF-1 = 2 unrelated stories and
				// the article being linked then carry.
				footerKnown := map[int64]bool{}
				ns, nv := 0, 0
				for i, c := range tt.order {
					d := Doc{ID: int64(i + 1), Source: "The Daily Courier", Language: "en"}
					switch c {
					case S:
						d.Title, d.Text = fmt.Sprint("Story ", ns), courierStories[ns]+"\n\n"+courierFooter
						ns++
					case V:
						v := courierVersions[nv]
						d.Title, d.Text = v.title, v.text+"\n\n"+courierFooter
						nv++
						isVersion[d.ID] = nv
					}
					idx.Add(d)
					links, err := l.Link(context.Background(), d)
					if err != nil {
						t.Fatal(err)
					}
					got = append(got, links...)
					for _, lk := range links {
						footerKnown[lk.From+lk.To<<32] = ns-b2i(c == S) >= 2
					}
				}
				pairs := map[[2]int64]bool{}
				for _, lk := range got {
					if isVersion[lk.From] == 0 || isVersion[lk.To] == 0 {
						t.Errorf("link %d -> %d involves an unrelated story (reused %.2f)", lk.From, lk.To, lk.Reused)
						continue
					}
					a, b := min(lk.From, lk.To), max(lk.From, lk.To)
					pairs[[2]int64{a, b}] = true
					for _, p := range lk.Evidence {
						if footerKnown[lk.From+lk.To<<32] && (strings.Contains(p.FromText, "subscribe today") || strings.Contains(p.ToText, "subscribe today")) {
							t.Errorf("link %d -> %d: the footer is evidence: %q", lk.From, lk.To, p.FromText)
						}
					}
				}
				var ids []int64
				for id := range isVersion {
					ids = append(ids, id)
				}
				for _, a := range ids {
					for _, b := range ids {
						if a < b && !pairs[[2]int64{a, b}] {
							t.Errorf("versions %d and %d (articles %d, %d) are not linked", isVersion[a], isVersion[b], a, b)
						}
					}
				}
			})
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestOutletCopiesAreNotBoilerplate: identical versions (a web and a print
// version, republished) have no text besides the one they share; it is
// their story, not boilerplate, while the footer they carry still is.
func TestOutletCopiesAreNotBoilerplate(t *testing.T) {
	idx := NewMemIndex()
	l := &Linker{Index: idx, Before: true}
	v := courierVersions[1]
	var docs []Doc
	for i, s := range courierStories[:3] {
		docs = append(docs, Doc{ID: int64(i + 1), Source: "The Daily Courier", Language: "en", Title: fmt.Sprint("Story ", i), Text: s + "\n\n" + courierFooter})
	}
	for i := 0; i < 4; i++ {
		docs = append(docs, Doc{ID: int64(len(docs) + 1), Source: "The Daily Courier", Language: "en", Title: v.title, Text: v.text + "\n\n" + courierFooter})
	}
	linked := map[int64]int{}
	for _, d := range docs {
		idx.Add(d)
		links, err := l.Link(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		for _, lk := range links {
			if lk.From <= 3 || lk.To <= 3 {
				t.Errorf("link %d -> %d involves an unrelated story", lk.From, lk.To)
			}
			linked[d.ID]++
		}
	}
	for id := int64(5); id <= 7; id++ {
		if got, want := linked[id], int(id-4); got != want {
			t.Errorf("copy %d: got %d links to the copies before it, want %d", id, got, want)
		}
	}
}

// TestBoilerplateIsOrderFree: whether a fingerprint is boilerplate does not
// depend on the order in which a map hands out the postings: the same
// postings give the same set, run after run.
func TestBoilerplateIsOrderFree(t *testing.T) {
	idx := NewMemIndex()
	var last Doc
	for i := 0; i < 9; i++ {
		d := Doc{ID: int64(i + 1), Source: "The Daily Courier", Language: "en"}
		if i%2 == 0 {
			d.Text = courierStories[i/2] + "\n\n" + courierFooter
		} else {
			d.Text = courierVersions[i/2].text + "\n\n" + courierFooter
		}
		idx.Add(d)
		last = d
	}
	fps := Fingerprints(last.Title, last.Text)
	post, err := idx.Postings(context.Background(), fps, 101)
	if err != nil {
		t.Fatal(err)
	}
	who := whoOf(post, last.ID, 101, map[int64]int32{1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1})
	want := boilerplate(fps, post, last.ID, 101, who, 1, 1, 3)
	if len(want) == 0 {
		t.Fatal("the footer is not boilerplate")
	}
	for run := 0; run < 20; run++ {
		got := boilerplate(fps, post, last.ID, 101, who, 1, 1, 3)
		if len(got) != len(want) {
			t.Fatalf("run %d: got %d boilerplate fingerprints, want %d", run, len(got), len(want))
		}
		for fp := range want {
			if !got[fp] {
				t.Fatalf("run %d: fingerprint %x is no longer boilerplate", run, fp)
			}
		}
	}
}

// TestOtherOutletVersionsAreNotBoilerplate: another outlet that copies a
// story The Daily Courier published three times links to every version,
// while the Courier's footer stays boilerplate.
func TestOtherOutletVersionsAreNotBoilerplate(t *testing.T) {
	idx := NewMemIndex()
	l := &Linker{Index: idx, Before: true}
	var docs []Doc
	for i, s := range courierStories[:3] {
		docs = append(docs, Doc{Source: "The Daily Courier", Title: fmt.Sprint("Story ", i), Text: s + "\n\n" + courierFooter})
	}
	// The versions differ only where the copy did not take from them: what
	// they share with it is one passage, held by all three.
	story := courierVersions[0].text
	update := "State fire investigators arrived on Monday morning and began sifting through the debris, a spokesman for the " +
		"state fire marshal said. Their report is expected within two weeks."
	lead := "The Hartley family said on Monday they would rebuild the warehouse that burned down on River Road, and that " +
		"all forty employees would keep their jobs while the business moves to a temporary site near the station."
	for _, v := range []string{story, story + "\n\n" + update, lead + "\n\n" + story} {
		docs = append(docs, Doc{Source: "The Daily Courier", Title: "Fire destroys warehouse", Text: v + "\n\n" + courierFooter})
	}
	docs = append(docs, Doc{Source: "Valley Gazette", Title: "Warehouse burns on River Road",
		Text: story + "\n\nThe Valley Gazette is published every morning except Sunday. Letters to the editor are welcome, " +
			"and so are photographs of the valley and its people: send them to the newsroom on Main Street."})
	var last []wiretrace.Link
	for i := range docs {
		docs[i].ID, docs[i].Language = int64(i+1), "en"
		idx.Add(docs[i])
		links, err := l.Link(context.Background(), docs[i])
		if err != nil {
			t.Fatal(err)
		}
		last = links
	}
	copyID := int64(len(docs))
	got := map[int64]bool{}
	for _, lk := range last {
		other := lk.From
		if other == copyID {
			other = lk.To
		}
		if other <= 3 {
			t.Errorf("the copy links to unrelated story %d", other)
		}
		got[other] = true
	}
	for id := int64(4); id <= 6; id++ {
		if !got[id] {
			t.Errorf("the copy does not link to version %d (links %+v)", id-3, last)
		}
	}
}
