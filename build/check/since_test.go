package check_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/build"
	"handbook/build/check"
	"handbook/build/content"
	"handbook/internal/sitetest"
)

// The original's versions in the tests of SinceStamp.
const (
	originalV1 = "---\ntitle: Giới thiệu\n---\n\n## Mục đích\n\nSổ tay giúp người mới.\n\nĐoạn thứ hai giữ nguyên.\n"
	originalV2 = "---\ntitle: Giới thiệu\n---\n\n## Mục đích\n\nSổ tay giúp mọi người mới.\n\nĐoạn thứ hai giữ nguyên.\n"
)

// hashOf is the TextHash of a page of vi with text data.
func hashOf(t *testing.T, data string) string {
	t.Helper()
	p, _, errs := content.ParsePage("vi", "content/vi/about.md", "about.md", []byte(data))
	if p == nil || len(errs) > 0 {
		t.Fatalf("parse: %v", errs)
	}
	return p.TextHash
}

// translationOf is a French page stamped against the original text.
func translationOf(t *testing.T, original string) string {
	return "---\ntitle: À propos\nsourceHash: \"" + hashOf(t, original) + "\"\n---\n\n## But\n\nLe manuel aide les nouveaux.\n\nLe second paragraphe.\n"
}

// historySite is a site in a git repository whose original was first
// committed as originalV1 with its translation stamped against it.
func historySite(t *testing.T) *sitetest.GitRepo {
	g := sitetest.NewGitRepo(t, t.TempDir())
	g.Write(map[string]string{
		"handbook.toml":        sitetest.Config,
		"content/vi/_index.md": "---\ntitle: Sổ tay\n---\n",
		"content/fr/_index.md": "---\ntitle: Le manuel\n---\n",
		"content/vi/about.md":  originalV1,
		"content/fr/about.md":  translationOf(t, originalV1),
	})
	g.Commit("about: first version")
	return g
}

// sinceStamp loads the site at root and compares fr/about.md's original
// with the version it was stamped against.
func sinceStamp(t *testing.T, root string) (*check.Since, error) {
	t.Helper()
	site, err := build.Load(build.Options{Source: root})
	if err != nil && !build.IsContentError(err) {
		t.Fatal(err)
	}
	p := site.Pages.Lang("fr").ByRelPath("about.md")
	if p == nil {
		t.Fatal("no page fr/about.md")
	}
	return check.SinceStamp(context.Background(), site, p)
}

// changedWords writes a body's changes as git's plain word diff does.
func changedWords(s *check.Since) string {
	var b strings.Builder
	for _, c := range s.Body {
		switch c.Change {
		case check.Changed:
			for _, w := range c.Words {
				switch w.Op {
				case check.Inserted:
					b.WriteString("{+" + w.Text + "+}")
				case check.Deleted:
					b.WriteString("[-" + w.Text + "-]")
				default:
					b.WriteString(w.Text)
				}
			}
		case check.Added:
			b.WriteString("added: " + c.New.Text)
		case check.Removed:
			b.WriteString("removed: " + c.Old.Text)
		default:
			continue
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestSinceStampChangedParagraph(t *testing.T) {
	g := historySite(t)
	g.Write(map[string]string{"content/vi/about.md": originalV2})
	g.Commit("about: everyone")
	s, err := sinceStamp(t, g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := changedWords(s), "Sổ tay giúp {+mọi +}người mới.\n"; got != want {
		t.Errorf("body changes %q, want %q", got, want)
	}
	if s.Stamped.Subject != "about: first version" || s.Stamped.Path != "content/vi/about.md" || s.Uncommitted || len(s.Fields) != 0 {
		t.Errorf("stamped %+v, uncommitted %v, fields %v", s.Stamped, s.Uncommitted, s.Fields)
	}
	for _, c := range s.Body {
		if c.Change == check.Changed && (c.New.Line != 7 || c.Old.Line != 7) {
			t.Errorf("changed paragraph at lines %d → %d, want 7 → 7", c.Old.Line, c.New.Line)
		}
	}
}

func TestSinceStampChangedFieldAndParagraphs(t *testing.T) {
	g := historySite(t)
	g.Write(map[string]string{"content/vi/about.md": strings.Replace(
		strings.Replace(originalV1, "title: Giới thiệu", "title: Giới thiệu sổ tay", 1),
		"Đoạn thứ hai giữ nguyên.\n", "Đoạn thứ hai giữ nguyên.\n\nĐoạn mới.\n", 1)})
	g.Commit("about: a new paragraph")
	s, err := sinceStamp(t, g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Fields) != 1 || s.Fields[0] != (check.FieldChange{Name: "title", Old: "Giới thiệu", New: "Giới thiệu sổ tay"}) {
		t.Errorf("fields %+v", s.Fields)
	}
	if got, want := changedWords(s), "added: Đoạn mới.\n"; got != want {
		t.Errorf("body changes %q, want %q", got, want)
	}
}

func TestSinceStampFollowsTheOriginalMoved(t *testing.T) {
	g := historySite(t)
	g.Git("mv", "content/vi/about.md", "content/vi/intro.md")
	g.Write(map[string]string{"content/vi/intro.md": strings.Replace(originalV2, "---\n\n", "translationKey: about\n---\n\n", 1)})
	g.Commit("about is now intro")
	s, err := sinceStamp(t, g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if s.Stamped.Path != "content/vi/about.md" || s.Now.File != "content/vi/intro.md" {
		t.Errorf("stamped at %s, now %s", s.Stamped.Path, s.Now.File)
	}
	if got, want := changedWords(s), "Sổ tay giúp {+mọi +}người mới.\n"; got != want {
		t.Errorf("body changes %q, want %q", got, want)
	}
}

func TestSinceStampUncommittedOriginal(t *testing.T) {
	g := historySite(t)
	g.Write(map[string]string{"content/vi/about.md": originalV2})
	s, err := sinceStamp(t, g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Uncommitted || changedWords(s) != "Sổ tay giúp {+mọi +}người mới.\n" {
		t.Errorf("uncommitted %v, changes %q", s.Uncommitted, changedWords(s))
	}
}

func TestSinceStampUpToDate(t *testing.T) {
	g := historySite(t)
	s, err := sinceStamp(t, g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if !s.UpToDate() || changedWords(s) != "" {
		t.Errorf("up to date %v, changes %q", s.UpToDate(), changedWords(s))
	}
}

// TestSinceStampSaysWhyThereIsNothingToCompare: each case where the
// version stamped cannot be found says why, and what to do.
func TestSinceStampSaysWhyThereIsNothingToCompare(t *testing.T) {
	for _, tc := range []struct {
		name string
		// change makes the case from historySite's repository; it
		// returns the site's folder.
		change func(t *testing.T, g *sitetest.GitRepo) string
		want   string
	}{
		{"original deleted", func(t *testing.T, g *sitetest.GitRepo) string {
			g.Git("rm", "-q", "content/vi/about.md")
			g.Commit("about: no longer needed")
			return g.Dir
		}, `its original content/vi/about.md was deleted in commit `},
		{"stamp not in history", func(t *testing.T, g *sitetest.GitRepo) string {
			g.Write(map[string]string{
				"content/vi/about.md": originalV2,
				"content/fr/about.md": translationOf(t, originalV1+"\nNever committed.\n"),
			})
			g.Commit("about: everyone")
			return g.Dir
		}, "none of the 2 versions of content/vi/about.md in the git history (followed through renames) has the text of the stamp"},
		{"never committed", func(t *testing.T, g *sitetest.GitRepo) string {
			if err := os.RemoveAll(filepath.Join(g.Dir, ".git")); err != nil {
				t.Fatal(err)
			}
			g.Write(map[string]string{"content/vi/about.md": originalV2})
			fresh := sitetest.NewGitRepo(t, g.Dir)
			fresh.Git("add", "handbook.toml", "content/fr", "content/vi/_index.md")
			fresh.Git("commit", "-q", "-m", "the site, but for the original")
			return g.Dir
		}, "content/vi/about.md was never committed"},
		{"shallow clone", func(t *testing.T, g *sitetest.GitRepo) string {
			g.Write(map[string]string{"content/vi/about.md": originalV2})
			g.Commit("about: everyone")
			clone := filepath.Join(t.TempDir(), "clone")
			g.Git("clone", "-q", "--depth", "1", "file://"+g.Dir, clone)
			return clone
		}, "the history is shallow: run git fetch --unshallow"},
		{"not a git repository", func(t *testing.T, g *sitetest.GitRepo) string {
			if err := os.RemoveAll(filepath.Join(g.Dir, ".git")); err != nil {
				t.Fatal(err)
			}
			return g.Dir
		}, "content/fr/about.md: the site is not in a git repository"},
		{"not stamped", func(t *testing.T, g *sitetest.GitRepo) string {
			g.Write(map[string]string{"content/fr/about.md": "---\ntitle: À propos\n---\n"})
			return g.Dir
		}, "content/fr/about.md: not stamped (no sourceHash)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := tc.change(t, historySite(t))
			_, err := sinceStamp(t, root)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}
