package content

import (
	"testing"
	"unsafe"
)

// TestPageSize: a site holds one Page for each of its pages from reading
// to the end of the build, and the allocator rounds a Page up to its
// next size class (480, 512, 576, ...): a field that takes a Page past
// 480 bytes costs a large site 32 bytes a page. What few pages set is
// held apart (hugoFields, pageRefs, relations). Take a field out before
// adding one, or raise this bound knowingly.
func TestPageSize(t *testing.T) {
	if size := unsafe.Sizeof(Page{}); size > 480 {
		t.Errorf("a Page takes %d bytes, past the allocator's size class of 480", size)
	}
}
