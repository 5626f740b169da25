package fold

import (
	"fmt"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestScratch(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) { continue }
		s := string(r)
		a := String(s)
		if String(a) != a {
			n++
			if n < 20 { fmt.Printf("String %U %q -> %q -> %q\n", r, s, a, String(a)) }
		}
		sl := Slug(s)
		if Slug(sl) != sl {
			n++
			if n < 40 { fmt.Printf("Slug %U %q -> %q -> %q\n", r, s, sl, Slug(sl)) }
		}
	}
	fmt.Println("total", n)
	for _, s := range []string{"Khách hàng là ai?", "Ce que ce n’est pas", "Œuvre & cœur", "Lãnh Đạo", "ǅ", "٣"} {
		fmt.Printf("%q %q %q\n", s, String(s), Slug(s))
	}
}
