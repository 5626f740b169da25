package output

import (
	"path"
	"sync"
)

// WriteLazy stores at sitePath a file that produce makes when it is first
// read, and keeps. It is for a file that costs more to make than most
// changes of the site and is seldom read, such as the preview's print
// pages: writing it again, lazily or not, costs nothing until a reader
// asks for it. produce may run on the goroutine of any reader, while the
// site goes on changing: it must only read what no later change of the
// site touches.
func (m *Memory) WriteLazy(sitePath string, produce func() []byte) {
	clean := path.Clean("/" + sitePath)[1:]
	m.mu.Lock()
	delete(m.files, clean)
	m.lazy[clean] = &lazyFile{produce: produce}
	m.mu.Unlock()
}

// lazyFile is a file made on its first read; readers at the same time
// wait for the one making it.
type lazyFile struct {
	once    sync.Once
	produce func() []byte
	data    []byte
}

func (f *lazyFile) get() []byte {
	f.once.Do(func() {
		f.data = f.produce()
		f.produce = nil
	})
	return f.data
}
