package diag

// Take removes every diagnostic recorded so far and returns them, in the
// order they were recorded. A driver that rebuilds part of a site (the
// preview server) takes each stage's diagnostics as it runs, so that it
// can replace those of the files it rebuilds and keep the others.
func (l *List) Take() []Diagnostic {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.items
	l.items = nil
	return out
}
