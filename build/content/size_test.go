package content

import (
	"testing"
	"unsafe"
)

// TestPageSize: a site holds one Page for each of its pages from reading
// to the end of the build, and the allocator rounds a Page up to its
// next size class (768, 896, ...): a field that takes a Page past 768
// bytes costs a large site 128 bytes a page. Take one out before adding
// one, or raise this bound knowingly.
func TestPageSize(t *testing.T) {
	if size := unsafe.Sizeof(Page{}); size > 768 {
		t.Errorf("a Page takes %d bytes, past the allocator's size class of 768", size)
	}
}
