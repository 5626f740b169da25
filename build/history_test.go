package build

import (
	"encoding/xml"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/internal/sitetest"
)

// historySite is the small handbook in a git repository of three
// commits: the whole site on 10 January 2026; on 5 March its Vietnamese
// principle's text; on 6 March the draft and the about page; on 20 March
// the French principle's stamp alone, as handbook translations --stamp
// writes it.
func historySite(t *testing.T) string {
	t.Helper()
	root := writeSite(t, siteFiles())
	sitetest.GitInit(t, root)
	sitetest.GitCommit(t, root, "2026-01-10T09:00:00+07:00", "Start the handbook")
	writeFiles(t, root, map[string]string{
		"content/vi/principles/customer-obsession.md": "---\ntitle: Ám ảnh về khách hàng\nkind: principle\n" +
			"statement: Bắt đầu từ khách hàng.\nweight: 1\n---\n\n## Khách hàng là ai?\n\nVăn bản mới.\n",
	})
	sitetest.GitCommit(t, root, "2026-03-05T10:00:00+07:00", "Say who the customer is on the principle page")
	writeFiles(t, root, map[string]string{
		"content/vi/principles/draft-idea.md": "---\ntitle: Bản nháp\ndraft: true\n---\n\nVẫn chưa xong.\n",
		"content/vi/about.md": "---\ntitle: Giới thiệu\naliases: [/gioi-thieu/]\n---\n\n" +
			"Xem [nguyên tắc](principles/customer-obsession.md) và [câu chuyện](/stories/only-vi/). Thêm.\n",
	})
	sitetest.GitCommit(t, root, "2026-03-06T10:00:00+07:00", "Plan the secret reorganisation in the draft")
	writeFiles(t, root, map[string]string{
		"content/fr/principles/customer-obsession.md": "---\ntitle: L’obsession du client\nkind: principle\n" +
			"statement: Partir du client.\nweight: 1\nsourceHash: 0123456789abcdef\n---\n\n## Qui est le client ?\n",
	})
	sitetest.GitCommit(t, root, "2026-03-20T10:00:00+01:00", "Stamp the French principle")
	return root
}

func TestLastUpdatedFromGit(t *testing.T) {
	root := historySite(t)
	_, _, files := buildInto(t, root, config.Overrides{})

	mustContain(t, "vi principle", files["vi/principles/customer-obsession/index.html"],
		`<time datetime="2026-03-05">Cập nhật lần cuối: ngày 5 tháng 3 năm 2026</time>`)
	// The restamp alone is not a change of the text.
	mustContain(t, "fr principle", files["fr/principles/customer-obsession/index.html"],
		`<time datetime="2026-01-10">Mis à jour le 10 janvier 2026</time>`)
	mustContain(t, "sitemap", files["sitemap.xml"],
		"<loc>https://handbook.example/vi/principles/customer-obsession/</loc>\n  <lastmod>2026-03-05T10:00:00+07:00</lastmod>",
		"<loc>https://handbook.example/fr/principles/customer-obsession/</loc>\n  <lastmod>2026-01-10T09:00:00+07:00</lastmod>")
}

func TestChangesPageAndFeed(t *testing.T) {
	root := historySite(t)
	_, _, files := buildInto(t, root, config.Overrides{Drafts: false})

	vi := files["vi/changes/index.html"]
	mustContain(t, "vi changes", vi, "<title>Có gì mới · Sổ tay</title>", `<h2 id="month-2026-03">Tháng 3 năm 2026</h2>`,
		`Đã thay đổi: <a href="/vi/principles/customer-obsession/">Ám ảnh về khách hàng</a>`,
		"Say who the customer is on the principle page",
		`<h2 id="month-2026-01">Tháng 1 năm 2026</h2>`, `Trang mới: <a href="/vi/about/">Giới thiệu</a>`,
		`hreflang="fr" href="https://handbook.example/fr/changes/"`)
	// The commit that changed the draft changed the about page too: the
	// page is listed, the subject, which may speak of the draft, is not.
	mustContain(t, "vi changes", vi, `Đã thay đổi: <a href="/vi/about/">Giới thiệu</a></li>`)
	mustNotContain(t, "vi changes", vi, "Bản nháp", "draft-idea", "secret")
	fr := files["fr/changes/index.html"]
	mustContain(t, "fr changes", fr, "<h1>Quoi de neuf</h1>", `<h2 id="month-2026-03">Mars 2026</h2>`,
		`Traduction mise à jour: <a href="/fr/principles/customer-obsession/">L’obsession du client</a>`,
		"Stamp the French principle")
	for _, page := range []string{"vi/about/index.html", "fr/index.html", "vi/changes/index.html"} {
		mustContain(t, page, files[page], `type="application/atom+xml"`)
	}

	feed := parseAtom(t, files["fr/feed.xml"])
	if feed.Lang != "fr" || !strings.HasPrefix(feed.ID, "urn:uuid:") || feed.Updated != "2026-03-20T10:00:00+01:00" {
		t.Errorf("fr feed: lang %q, id %q, updated %q", feed.Lang, feed.ID, feed.Updated)
	}
	if feed.Link("self") != "https://handbook.example/fr/feed.xml" || feed.Link("alternate") != "https://handbook.example/fr/changes/" {
		t.Errorf("fr feed's links: %+v", feed.Links)
	}
	if len(feed.Entries) == 0 || feed.Entries[0].Title != "Traduction mise à jour\u202f: L’obsession du client" ||
		feed.Entries[0].Link.Href != "https://handbook.example/fr/principles/customer-obsession/" {
		t.Fatalf("fr feed's first entry: %+v", feed.Entries)
	}
	ids := map[string]bool{feed.ID: true}
	for _, e := range feed.Entries {
		if e.ID == "" || ids[e.ID] || e.Updated == "" || e.Title == "" {
			t.Errorf("entry without its own id, a date or a title: %+v", e)
		}
		ids[e.ID] = true
	}
	// Not even a build with the drafts lists them.
	_, _, files = buildInto(t, root, config.Overrides{Drafts: true})
	mustNotContain(t, "vi changes with --drafts", files["vi/changes/index.html"], "Bản nháp", "draft-idea", "secret")
	for _, e := range parseAtom(t, files["vi/feed.xml"]).Entries {
		if strings.Contains(e.Link.Href, "draft-idea") {
			t.Errorf("the draft is in the feed: %+v", e)
		}
	}
}

// atomFeed is what the tests read of an Atom feed (RFC 4287).
type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  string   `xml:"author>name"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

func (f *atomFeed) Link(rel string) string {
	for _, l := range f.Links {
		if l.Rel == rel {
			return l.Href
		}
	}
	return ""
}

func parseAtom(t *testing.T, data string) *atomFeed {
	t.Helper()
	var f atomFeed
	if err := xml.Unmarshal([]byte(data), &f); err != nil {
		t.Fatalf("the feed is not Atom: %v\n%s", err, data)
	}
	if f.ID == "" || f.Title == "" || f.Updated == "" || f.Author == "" {
		t.Errorf("the feed lacks an element RFC 4287 requires: %+v", f)
	}
	return &f
}

func TestHistoryBuildsAreByteIdentical(t *testing.T) {
	root := historySite(t)
	_, _, first := buildInto(t, root, config.Overrides{})
	_, _, second := buildInto(t, root, config.Overrides{})
	if !maps.Equal(first, second) {
		for name := range first {
			if first[name] != second[name] {
				t.Errorf("%s differs between two builds of the same commit", name)
			}
		}
	}
}

func TestUncommittedEditKeepsTheLastCommitsDate(t *testing.T) {
	root := historySite(t)
	writeFiles(t, root, map[string]string{"content/vi/stories/only-vi.md": "---\ntitle: Chỉ có tiếng Việt\n" +
		"kind: story\nprinciples: [customer-obsession]\n---\n\nChuyện, viết lại.\n"})
	_, _, files := buildInto(t, root, config.Overrides{})
	mustContain(t, "the edited story", files["vi/stories/only-vi/index.html"], "Chuyện, viết lại.",
		`<time datetime="2026-01-10">Cập nhật lần cuối: ngày 10 tháng 1 năm 2026</time>`)
}

func TestNoHistoryOutsideGit(t *testing.T) {
	for name, over := range map[string]config.Overrides{"outside git": {}, "--history=false": {NoHistory: true}} {
		t.Run(name, func(t *testing.T) {
			root := writeSite(t, siteFiles())
			if over.NoHistory {
				root = historySite(t)
			}
			s, _, files := buildInto(t, root, over)
			for file, text := range files {
				mustNotContain(t, file, text, "last-updated", "atom+xml", "<lastmod>")
				if strings.HasSuffix(file, "feed.xml") || strings.Contains(file, "/changes/") {
					t.Errorf("%s is written without a history", file)
				}
			}
			if d := diagsOf(s); len(d) != 0 {
				t.Errorf("diagnostics: %v", d)
			}
		})
	}
}

func TestHistoryAskedForOutsideGit(t *testing.T) {
	files := siteFiles()
	files["handbook.toml"] += "\n[history]\nenable = true\n"
	s, _, _ := buildInto(t, writeSite(t, files), config.Overrides{})
	if d := diagsOf(s); len(d) != 1 || !strings.Contains(d[0], "not in a git repository") {
		t.Errorf("diagnostics: %v, want one warning that the site is not in a git repository", d)
	}
}

func TestShallowCloneWarnsOnce(t *testing.T) {
	origin, clone := historySite(t), filepath.Join(t.TempDir(), "clone")
	sitetest.Git(t, origin, nil, "clone", "-q", "--depth", "1", "file://"+origin, clone)
	s, _, files := buildInto(t, clone, config.Overrides{})
	var shallow int
	for _, d := range diagsOf(s) {
		if strings.Contains(d, "shallow clone") {
			shallow++
		}
	}
	if shallow != 1 {
		t.Errorf("%d warnings of the shallow clone, want 1: %v", shallow, diagsOf(s))
	}
	// The one commit there dates every page, and adds none.
	mustContain(t, "vi about", files["vi/about/index.html"], `<time datetime="2026-03-20">`)
	mustNotContain(t, "vi changes", files["vi/changes/index.html"], "Trang mới")
}

func TestChangesPageURLTaken(t *testing.T) {
	root := historySite(t)
	writeFiles(t, root, map[string]string{"content/vi/changes.md": "---\ntitle: Thay đổi\n---\n"})
	s, err := Build(Options{Source: root, Overrides: config.Overrides{Dest: filepath.Join(t.TempDir(), "public")}})
	if !IsContentError(err) {
		t.Fatalf("Build: %v, want a content error", err)
	}
	d := strings.Join(diagsOf(s), "\n")
	mustContain(t, "diagnostics", d, "content/vi/changes.md", `the "what's new" page /vi/changes/`)

	writeFiles(t, root, map[string]string{"handbook.toml": siteConfig + "\n[history]\nchangesMonths = 0\n"})
	_, _, files := buildInto(t, root, config.Overrides{})
	mustContain(t, "the page", files["vi/changes/index.html"], "<h1>Thay đổi</h1>")
	if _, ok := files["vi/feed.xml"]; ok {
		t.Error("changesMonths = 0 writes a feed")
	}
}

func TestAnotherThemeShowsTheDatesItsOwnWay(t *testing.T) {
	root := historySite(t)
	writeFiles(t, root, map[string]string{
		"handbook.toml": strings.Replace(siteConfig, `defaultLanguage = "vi"`, "defaultLanguage = \"vi\"\ntheme = \"corp\"", 1),
		"themes/corp/layouts/partials/lastupdated.html": `{{define "lastupdated"}}{{if not .Updated.IsZero}}<footer data-updated="{{.Updated.Format "2006-01-02T15:04"}}">{{.FormatDay .Updated}}</footer>{{end}}{{end}}`,
		"themes/corp/layouts/changes.html": `<!DOCTYPE html><html lang="{{.Language.Code}}"><title>{{.Title}}</title>` +
			`{{range .Changes.Months}}<h2>{{.Label}}</h2>{{range .Entries}}<p>{{.Kind}} {{.Page.Title}}</p>{{end}}{{end}}</html>`,
	})
	sitetest.GitCommit(t, root, "2026-03-21T10:00:00+01:00", "Dress the handbook in the corporate theme")
	_, _, files := buildInto(t, root, config.Overrides{})
	mustContain(t, "vi principle", files["vi/principles/customer-obsession/index.html"],
		`<footer data-updated="2026-03-05T10:00">ngày 5 tháng 3 năm 2026</footer>`)
	mustNotContain(t, "vi principle", files["vi/principles/customer-obsession/index.html"], "Cập nhật lần cuối")
	mustContain(t, "fr changes", files["fr/changes/index.html"], "<title>Quoi de neuf</title>", "<h2>Mars 2026</h2>",
		"<p>restamped L’obsession du client</p>")
}
