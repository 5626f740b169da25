package fold

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestRune(t *testing.T) {
	tests := []struct {
		in, want rune
	}{
		{'A', 'a'},
		{'a', 'a'},
		{'đ', 'd'},
		{'Đ', 'd'},
		{'ð', 'd'},
		{'Ø', 'o'},
		{'ł', 'l'},
		{'Æ', 'æ'},
		{'Œ', 'œ'},
		{'\u0301', -1}, // combining acute
		{'\u031b', -1}, // combining horn (ư, ơ)
		{'\u0323', -1}, // combining dot below
		{'É', 'é'},     // only combining marks are dropped: String decomposes first
		{'1', '1'},
		{'-', '-'},
	}
	for _, tt := range tests {
		if got := Rune(tt.in); got != tt.want {
			t.Errorf("Rune(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestString(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"already plain", "already plain"},
		{"Lãnh Đạo", "lanh dao"},
		{"Khách hàng là ai?", "khach hang la ai?"},
		{"ĐƯỜNG ĐI", "duong di"},
		{"Tiếng Việt: ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ơ ớ ờ ở ỡ ợ ư ứ ừ ử ữ ự", "tieng viet: a a a a a a a a a a o o o o o o u u u u u u"},
		{"Ce que ce n’est pas", "ce que ce n’est pas"},
		{"L’été à Noël, ça où ïle ÿ Ê", "l’ete a noel, ca ou ile y e"},
		{"Œuvre & cœur, Æsop", "œuvre & cœur, æsop"},
		{"Ørsted Łódź", "orsted lodz"},
		// NFD input folds as NFC does.
		{norm.NFD.String("Lãnh Đạo"), "lanh dao"},
		// A byte that is not UTF-8 does not stop the runes after it from
		// being folded (norm.NFD leaves "\xffé" as it is).
		{"\xf6Žluť", "\ufffdzlut"},
		{"\xffÉ", "\ufffde"},
		{"\xf6ž", "\ufffdz"},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStringIdempotent(t *testing.T) {
	for _, s := range []string{
		"Lãnh Đạo", "Œuvre & cœur", "İstanbul", "ǅungla", "Ω Å K", "ẞ", "ΆΈΉ", "a\u0345b", "\xffé",
	} {
		once := String(s)
		if twice := String(once); twice != once {
			t.Errorf("String(String(%q)) = %q, want %q", s, twice, once)
		}
	}
	// Every single rune, too.
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		once := String(string(r))
		if twice := String(once); twice != once {
			t.Fatalf("String(String(%U)) = %q, want %q", r, twice, once)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Khách hàng là ai?", "khach-hang-la-ai"},
		{"Khách hàng là gì?", "khach-hang-la-gi"},
		{"Ce que ce n’est pas", "ce-que-ce-n-est-pas"},
		{"Œuvre & cœur", "oeuvre-coeur"},
		{"Lãnh đạo ĐỔI MỚI", "lanh-dao-doi-moi"},
		{"Ám ảnh về khách hàng", "am-anh-ve-khach-hang"},
		{"Thư năm 2016", "thu-nam-2016"},
		{"« L’obsession du client »", "l-obsession-du-client"},
		{"Qu’est-ce que le « Jour 1 » ?", "qu-est-ce-que-le-jour-1"},
		{"Æsop\u00a0—\u202fétude", "aesop-etude"},
		{"  --leading and trailing--  ", "leading-and-trailing"},
		{"a__b..c", "a-b-c"},
		{"C++ & Go", "c-go"},
		{"", ""},
		{"?!", ""},
		{"日本語", "日本語"},
		{"caf\xe9 Žluť", "caf-zlut"},
		{"\xffÉ", "e"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// checkSlug reports what is wrong with s as the output of Slug.
func checkSlug(t *testing.T, in, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("Slug(%q) = %q is not valid UTF-8", in, s)
	}
	if strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
		t.Errorf("Slug(%q) = %q has a leading, trailing or double dash", in, s)
	}
	for _, r := range s {
		switch {
		case r == '-', 'a' <= r && r <= 'z', '0' <= r && r <= '9':
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			// Letters and digits of other scripts are kept.
		default:
			t.Errorf("Slug(%q) = %q holds %q", in, s, r)
		}
	}
	if strings.ContainsAny(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZæœđĐ") {
		t.Errorf("Slug(%q) = %q is not folded", in, s)
	}
}

func FuzzSlug(f *testing.F) {
	for _, seed := range []string{
		"Khách hàng là ai?",
		"Ce que ce n’est pas",
		"Œuvre & cœur",
		"ĐƯỜNG ĐI --- 2016",
		"  -x-  ",
		"C++",
		"\xff\xfe",
		"a\u0301\u0323",
		"日本語 テキスト",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		slug := Slug(s)
		checkSlug(t, s, slug)
		if isASCII(s) {
			if again := Slug(slug); again != slug {
				t.Errorf("Slug(Slug(%q)) = %q, want %q", s, again, slug)
			}
		}
		if once := String(s); String(once) != once {
			t.Errorf("String(String(%q)) = %q, want %q", s, String(once), once)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
