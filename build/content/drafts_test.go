package content

import (
	"sort"
	"strings"
	"testing"

	"handbook/build/config"
)

// draftSite has a draft bundle, a draft section and a draft home, each
// with files beside and below it.
var draftSite = map[string]string{
	"handbook.toml":        twoLanguages,
	"content/vi/_index.md": "---\ntitle: Trang chủ\n---\n",
	"content/vi/logo.png":  "PNG",

	"content/vi/secret/index.md":      "---\ntitle: Bí mật\ndraft: true\n---\n",
	"content/vi/secret/plan.pdf":      "PDF",
	"content/vi/secret/sub/photo.png": "PNG",
	"content/vi/secret/sub/notes.md":  "---\ntitle: Ghi chú\n---\n",
	"content/vi/secretive/open.png":   "PNG", // a name that starts like a draft's folder

	"content/vi/plans/_index.md":         "---\ntitle: Kế hoạch\ndraft: true\n---\n",
	"content/vi/plans/q3.md":             "---\ntitle: Quý 3\n---\n",
	"content/vi/plans/chart.svg":         "<svg/>",
	"content/vi/plans/later/_index.md":   "---\ntitle: Sau\n---\n",
	"content/vi/plans/later/roadmap.png": "PNG",

	"content/fr/_index.md":        "---\ntitle: Accueil\ndraft: true\n---\n",
	"content/fr/about.md":         "---\ntitle: À propos\n---\n",
	"content/fr/images/photo.png": "PNG",
}

func TestDraftBundlesAndSectionsStayPrivate(t *testing.T) {
	set, diags := loadSite(t, writeSite(t, draftSite), config.Overrides{})
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags.Sorted())
	}
	var files []string
	for _, p := range set.Pages {
		if p.File != "" {
			files = append(files, p.File)
		}
	}
	if got, want := strings.Join(files, " "), "content/vi/_index.md content/fr/about.md"; !sameWords(got, want) {
		t.Errorf("pages %q, want %q", got, want)
	}
	if got, want := strings.Join(resourceList(set), " "), "/fr/images/photo.png /vi/logo.png /vi/secretive/open.png"; got != want {
		t.Errorf("resources %q, want %q", got, want)
	}
	for _, u := range []string{"/vi/secret/plan.pdf", "/vi/secret/sub/photo.png", "/vi/plans/chart.svg", "/vi/plans/later/roadmap.png"} {
		if set.ResourceURL(u) {
			t.Errorf("ResourceURL(%s) = true for a draft's file", u)
		}
	}
	if set.Skipped != 6 {
		t.Errorf("Skipped = %d, want the 6 pages of drafts", set.Skipped)
	}
}

func TestDraftsIncludedKeepEverything(t *testing.T) {
	set, _ := loadSite(t, writeSite(t, draftSite), config.Overrides{Drafts: true})
	if got := len(resourceList(set)); got != 7 {
		t.Errorf("%d resources with drafts on, want all 7: %q", got, resourceList(set))
	}
	if set.Skipped != 0 {
		t.Errorf("Skipped = %d with drafts on", set.Skipped)
	}
	for _, rel := range []string{"secret/sub/notes.md", "plans/q3.md", "plans/later/_index.md"} {
		if !page(t, set, "vi", rel).Draft {
			t.Errorf("%s, in a draft's folder, is not marked a draft", rel)
		}
	}
	if page(t, set, "fr", "about.md").Draft {
		t.Error("a page beside a draft home is marked a draft")
	}
}

// sameWords reports whether a and b hold the same words in any order.
func sameWords(a, b string) bool {
	x, y := strings.Fields(a), strings.Fields(b)
	sort.Strings(x)
	sort.Strings(y)
	return strings.Join(x, " ") == strings.Join(y, " ")
}
