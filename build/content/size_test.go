package content

import (
	"testing"
	"unsafe"
)

// TestPageSize: a site holds one Page for each of its pages from reading
// to the end of the build, and the allocator rounds a Page up to its
// next size class (576, 640, ...): a field that takes a Page past 576
// bytes costs a large site 64 bytes a page. What few pages set is held
// apart (hugoFields, pageRefs). Take a field out before adding one, or
// raise this bound knowingly.
func TestPageSize(t *testing.T) {
	if size := unsafe.Sizeof(Page{}); size > 576 {
		t.Errorf("a Page takes %d bytes, past the allocator's size class of 576", size)
	}
}
