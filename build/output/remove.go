package output

import "path"

// Remove deletes the file at sitePath, if there is one: the preview
// server's site loses a page when its source is deleted or moves.
func (m *Memory) Remove(sitePath string) {
	m.mu.Lock()
	clean := path.Clean("/" + sitePath)[1:]
	delete(m.files, clean)
	delete(m.lazy, clean)
	m.mu.Unlock()
}
