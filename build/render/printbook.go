package render

import (
	"bufio"
	"bytes"
	"io"
	"sort"
	"sync"

	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/internal/parallel"
	"handbook/build/output"
)

// PrintBook writes a build's print pages while its pages are rendered.
// The build renders the pages in the book's order (Order), reading
// order, and hands each page's article to Add as soon as it is made; the
// book writes the articles to the print pages in that order, straight to
// their files (output.Create). So no page's HTML is kept beyond its
// turn, which comes within a few pages since the pages are rendered
// roughly in order, and a print page, which holds a language's whole
// handbook, is never whole in memory.
type PrintBook struct {
	order []*content.Page
	// scopes are the print pages, by their first page's place in the
	// order; each covers a run of the order: the pages below its root.
	scopes []*bookScope

	mu      sync.Mutex
	next    int                    // the place of the next article to write
	pending map[int]*PrintFragment // the articles made before their turn
	open    []*bookScope           // the print pages being written
	opened  int                    // how many of scopes are open or done
	err     error                  // the first error writing
}

// bookScope is a print page being written.
type bookScope struct {
	*PrintScope
	frame       PrintFrame
	first, last int // its run of the order
	file        io.WriteCloser
	buf         *bufio.Writer
}

// printBuffer is how much of a print page is written at once.
const printBuffer = 256 << 10

// NewPrintBook prepares the print pages of a build, rendering each one's
// table of contents; nil when the site has none. A print page whose
// layout fails is reported and left out.
func (r *Renderer) NewPrintBook() *PrintBook {
	if len(r.print.scopes) == 0 {
		return nil
	}
	b := &PrintBook{order: r.print.order, pending: map[int]*PrintFragment{}}
	place := make(map[*content.Page]int, len(b.order))
	for i, p := range b.order {
		place[p] = i
	}
	// A table of contents lists a whole language's pages: they are
	// rendered on all cores.
	scopes := make([]*bookScope, len(r.print.scopes))
	parallel.Each(len(scopes), func() func(int) {
		return func(i int) {
			s := r.print.scopes[i]
			frame, err := r.RenderPrintFrame(r.PrintFrameData(s))
			if err != nil {
				d := diag.FromError(err, r.theme.Source("layouts/"+printLayout))
				d.Message = s.URL + ": " + d.Message
				r.diags.Add(d)
				return
			}
			first, last := place[s.Root], place[s.Pages[len(s.Pages)-1]]
			scopes[i] = &bookScope{PrintScope: s, frame: frame, first: first, last: last}
		}
	})
	for _, s := range scopes {
		if s != nil {
			b.scopes = append(b.scopes, s)
		}
	}
	// A language's whole handbook opens before its first section,
	// which starts at the same page or after.
	sort.SliceStable(b.scopes, func(i, j int) bool {
		x, y := b.scopes[i], b.scopes[j]
		return x.first < y.first || x.first == y.first && x.last > y.last
	})
	return b
}

// Order is every page of the site, drafts included, in the order to
// render them.
func (b *PrintBook) Order() []*content.Page { return b.order }

// Add takes the article of the page at place i of the order (nil for a
// page no print page shows), and writes what is due to the print pages:
// the articles whose turn has come, and the end of those that are
// complete. It returns the first error writing them.
func (b *PrintBook) Add(i int, f *PrintFragment, w output.Writer) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pending[i] = f
	for b.err == nil {
		f, ok := b.pending[b.next]
		if !ok {
			break
		}
		delete(b.pending, b.next)
		b.err = b.write(f, w)
		b.next++
	}
	if b.err != nil {
		// The build fails: the print pages written so far are thrown
		// away with the rest of its output.
		for _, s := range b.open {
			s.file.Close()
		}
		b.open = nil
	}
	return b.err
}

// write writes the article at place b.next to the print pages holding
// it, opening those that start there and closing those it completes.
func (b *PrintBook) write(f *PrintFragment, w output.Writer) error {
	for b.opened < len(b.scopes) && b.scopes[b.opened].first == b.next {
		s := b.scopes[b.opened]
		file, err := output.Create(w, s.Path())
		if err != nil {
			return err
		}
		s.file, s.buf = file, bufio.NewWriterSize(file, printBuffer)
		s.buf.Write(s.frame.Head)
		b.open = append(b.open, s)
		b.opened++
	}
	kept := b.open[:0]
	for _, s := range b.open {
		if f != nil {
			f.appendTo(s.buf, s.URL)
		}
		if s.last != b.next {
			kept = append(kept, s)
			continue
		}
		if err := s.close(); err != nil {
			return err
		}
	}
	b.open = kept
	return nil
}

// close writes the end of the print page and closes its file.
func (s *bookScope) close() error {
	s.buf.Write(s.frame.Tail)
	err := s.buf.Flush()
	if cerr := s.file.Close(); err == nil {
		err = cerr
	}
	s.file, s.buf = nil, nil
	return err
}

// AssemblePrint puts the print page at site path u together from its
// frame and its pages' articles, in order, as a build's PrintBook does.
// It reads nothing but its arguments, which never change once made.
func AssemblePrint(u string, frame PrintFrame, articles []*PrintFragment) []byte {
	size := len(frame.Head) + len(frame.Tail)
	for _, f := range articles {
		if f != nil {
			size += f.Len()
		}
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+size/8))
	buf.Write(frame.Head)
	for _, f := range articles {
		if f != nil {
			f.appendTo(buf, u)
		}
	}
	buf.Write(frame.Tail)
	return buf.Bytes()
}
