package content

import "sync"

// bodies holds the pages' Markdown bodies as read, beside the pages
// rather than in them: a page keeps what the content stage read of it,
// and a build that converts each page once lets its Markdown go then
// (LetBodyGo), so that a large site's is not all held to the end.
type bodies struct {
	mu sync.RWMutex
	of map[*Page][]byte
}

func newBodies(n int) *bodies {
	return &bodies{of: make(map[*Page][]byte, n)}
}

// put records body as p's; a nil body removes p's.
func (b *bodies) put(p *Page, body []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if body == nil {
		delete(b.of, p)
		return
	}
	b.of[p] = body
}

// bodyTable is the set's table of bodies, made for a set that has none
// (one not made by Load). Only a change of the set, never concurrent,
// may make it.
func (s *Set) bodyTable() *bodies {
	if s.bodies == nil {
		s.bodies = newBodies(0)
	}
	return s.bodies
}

// Body is p's Markdown body as read; nil for a page without one (a
// section made for a folder without an _index.md) or whose body was let
// go.
func (s *Set) Body(p *Page) []byte {
	if s.bodies == nil {
		return nil
	}
	s.bodies.mu.RLock()
	defer s.bodies.mu.RUnlock()
	return s.bodies.of[p]
}

// LetBodyGo lets p's Markdown go, once it is converted for the last
// time: Body then returns nil. It is safe to call from many goroutines.
func (s *Set) LetBodyGo(p *Page) {
	if s.bodies != nil {
		s.bodies.put(p, nil)
	}
}
