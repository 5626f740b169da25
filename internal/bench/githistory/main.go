package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	commits := flag.Int("commits", 10000, "commits after the first one")
	seed := flag.Uint64("seed", 1, "random seed: the same seed and flags give the same history")
	flag.Parse()
	if flag.NArg() != 1 || *commits < 0 {
		fmt.Fprintln(os.Stderr, "usage: githistory -commits N SITE_DIR | git -C SITE_DIR fast-import")
		os.Exit(2)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	err := write(w, flag.Arg(0), *commits, *seed)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "githistory:", err)
		os.Exit(1)
	}
}

// history is the site's files as the commits leave them.
type history struct {
	w     io.Writer
	files map[string][]byte
	names []string // the Markdown files, in a stable order
	added []int    // the indexes in names of the pages the history added
	when  time.Time
	mark  int
}

// subjects are the commit subjects, useful and not, as writers write
// them.
var subjects = []string{"wip", "fix typo", "Rewrite the explanation of the principle for new managers",
	"Add an example from the customer service team", "Update %s", "Clarify the exercise questions",
	"Merge the two paragraphs on hiring", "Stamp the translations"}

func write(w io.Writer, root string, commits int, seed uint64) error {
	h := &history{w: w, files: map[string][]byte{}, when: time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)}
	if err := h.read(root); err != nil {
		return err
	}
	if len(h.names) == 0 {
		return errors.New(root + " has no Markdown files under content/")
	}
	var all []string
	for name := range h.files {
		all = append(all, name)
	}
	slices.Sort(all)
	h.commit("Import the handbook", all, nil)
	rng := rand.New(rand.NewPCG(seed, 23))
	for i := range commits {
		h.when = h.when.Add(time.Hour)
		h.change(rng, i)
	}
	return nil
}

// read keeps every file of the site's content folder.
func (h *history) read(root string) error {
	return filepath.WalkDir(filepath.Join(root, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		name := filepath.ToSlash(rel)
		h.files[name] = data
		if strings.HasSuffix(name, ".md") {
			h.names = append(h.names, name)
		}
		return nil
	})
}

// change makes commit i: most change one to three pages' text, some
// restamp a translation, reformat a page, add a page or rename one.
func (h *history) change(rng *rand.Rand, i int) {
	pick := func() string { return h.names[rng.IntN(len(h.names))] }
	subject := subjects[rng.IntN(len(subjects))]
	switch r := rng.IntN(100); {
	case r < 70:
		var changed []string
		for range 1 + rng.IntN(3) {
			name := pick()
			h.files[name] = append(h.files[name], fmt.Sprintf("\nA sentence added by commit %d.\n", i)...)
			changed = append(changed, name)
		}
		if strings.Contains(subject, "%s") {
			subject = fmt.Sprintf(subject, path.Base(changed[0]))
		}
		h.commit(subject, changed, nil)
	case r < 82:
		name := pick()
		h.files[name] = restamp(h.files[name], i)
		h.commit("Stamp the translations", []string{name}, nil)
	case r < 92:
		name := pick()
		h.files[name] = append(h.files[name], "\n\n"...)
		h.commit("Wrap the lines", []string{name}, nil)
	case r < 97:
		dir := path.Dir(pick())
		name := fmt.Sprintf("%s/added-%d.md", dir, i)
		h.files[name] = fmt.Appendf(nil, "---\ntitle: Page %d\n---\n\nA new page.\n", i)
		h.added = append(h.added, len(h.names))
		h.names = append(h.names, name)
		h.commit("Add a page on the new process", []string{name}, nil)
	case len(h.added) > 0:
		// Only pages the history added are renamed: no page links to
		// them, so the site still builds.
		j := h.added[rng.IntN(len(h.added))]
		from := h.names[j]
		to := strings.TrimSuffix(from, ".md") + fmt.Sprintf("-moved-%d.md", i)
		h.files[to] = h.files[from]
		delete(h.files, from)
		h.names[j] = to
		h.commit("Give the page a clearer name", []string{to}, []string{from})
	}
}

// restamp sets the sourceHash line of a page's front matter.
func restamp(data []byte, i int) []byte {
	text := string(data)
	stamp := fmt.Sprintf("sourceHash: %016x\n", i)
	if at := strings.Index(text, "sourceHash:"); at >= 0 {
		end := strings.IndexByte(text[at:], '\n')
		return []byte(text[:at] + stamp + text[at+end+1:])
	}
	return []byte(strings.Replace(text, "\n", "\n"+stamp, 1))
}

// commit writes one commit of the fast-import stream: the files changed,
// inline, and those deleted.
func (h *history) commit(subject string, changed, deleted []string) {
	h.mark++
	fmt.Fprintf(h.w, "commit refs/heads/main\nmark :%d\n", h.mark)
	stamp := fmt.Sprintf("%d +0700", h.when.Unix())
	fmt.Fprintf(h.w, "author Writer <writer@example.com> %s\ncommitter Writer <writer@example.com> %s\n", stamp, stamp)
	fmt.Fprintf(h.w, "data %d\n%s\n", len(subject), subject)
	if h.mark > 1 {
		fmt.Fprintf(h.w, "from :%d\n", h.mark-1)
	}
	for _, name := range deleted {
		fmt.Fprintf(h.w, "D %s\n", name)
	}
	for _, name := range changed {
		data := h.files[name]
		fmt.Fprintf(h.w, "M 100644 inline %s\ndata %d\n", name, len(data))
		h.w.Write(data)
		io.WriteString(h.w, "\n")
	}
	io.WriteString(h.w, "\n")
}
