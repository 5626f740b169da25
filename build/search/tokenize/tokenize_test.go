package tokenize

import (
	"reflect"
	"testing"
)

func words(tokens []Token) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		out[i] = t.Word
	}
	return out
}

func TestTokenizeFolds(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Lãnh đạo", []string{"lanh", "dao"}},
		{"KHÁCH HÀNG", []string{"khach", "hang"}},
		{"Đường dương đương", []string{"duong", "duong", "duong"}},
		{"décision", []string{"decision"}},
		{"l’expérience", []string{"experience"}},
		{"l'expérience d’un client", []string{"experience", "un", "client"}},
		{"qu’il jusqu’ici lorsqu’on", []string{"il", "ici", "on"}},
		{"aujourd’hui", []string{"aujourd", "hui"}},
		{"Frustration-Free Packaging", []string{"frustration", "free", "packaging"}},
		{"2,99 đô-la", []string{"2", "99", "do", "la"}},
		{"Œuvre", []string{"œuvre"}},
		{"Nhà\u202fcung cấp", []string{"nha", "cung", "cap"}},
		{"", []string{}},
	}
	for _, tt := range tests {
		if got := words(Tokenize(tt.in)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenizeKeepsExactFormAndPairs(t *testing.T) {
	got := Tokenize("Khách hàng, lãnh\u00a0đạo")
	want := []Token{
		{Word: "khach", Exact: "khách"},
		{Word: "hang", Exact: "hàng", Joined: true},
		{Word: "lanh", Exact: "lãnh"},
		{Word: "dao", Exact: "đạo", Joined: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokenize = %+v\nwant %+v", got, want)
	}
}

func TestTokenizeNormalisesNFD(t *testing.T) {
	got := Tokenize("kha\u0301ch ha\u0300ng") // decomposed, as some keyboards type it
	if len(got) != 2 || got[0].Exact != "khách" || got[1].Exact != "hàng" {
		t.Errorf("Tokenize(NFD) = %+v, want NFC exact forms", got)
	}
}

func TestFromTelex(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"khachs", "khách", true},
		{"hangf", "hàng", true},
		{"kha1ch", "khách", true},
		{"ha2ng", "hàng", true},
		{"ddaoj", "đạo", true},
		{"dda5o", "đạo", true},
		{"laxnh", "lãnh", true},
		{"tieengs", "tiếng", true},
		{"tieesng", "tiếng", true},
		{"nguwowif", "người", true},
		{"nguowif", "người", true},
		{"dduwowngf", "đường", true},
		{"viet65", "việt", true},
		{"quas", "quá", true},
		{"gias", "giá", true},
		{"banj", "bạn", true},
		{"bans", "bán", true},
		// Words that are not Telex stay as they are.
		{"decision", "", false},
		{"sang", "", false},
		{"xin", "", false},
		{"customer", "", false},
		{"lanh", "", false},
		{"2016", "", false},
		{"khách", "", false},
	}
	for _, tt := range tests {
		got, ok := FromTelex(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("FromTelex(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestStemFrench(t *testing.T) {
	same := [][]string{
		{"décisions", "décision", "decisions"},
		{"clients", "client"},
		{"innovations", "innovation"},
		{"expériences", "expérience"},
	}
	for _, group := range same {
		want := StemFrench(group[0])
		for _, w := range group[1:] {
			if got := StemFrench(w); got != want {
				t.Errorf("StemFrench(%q) = %q, want %q like %q", w, got, want, group[0])
			}
		}
	}
	if StemFrench("décision") == StemFrench("client") {
		t.Error("different words share a stem")
	}
}

func TestStopWords(t *testing.T) {
	for _, w := range []string{"le", "de", "été", "ete", "à"} {
		if !IsStopWord("fr", w) {
			t.Errorf("IsStopWord(fr, %q) = false", w)
		}
	}
	if IsStopWord("vi", "là") || IsStopWord("fr", "client") {
		t.Error("a content word is a stop word")
	}
	for _, w := range snowballFrenchStopWords {
		if !IsStopWord("fr", w) {
			t.Errorf("%q is in the list but not a Snowball stop word", w)
		}
	}
}

// FuzzTokenize checks that tokenizing never panics, that folding is
// idempotent, and that the Telex reader accepts anything.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Khách hàng", "l’expérience", "qu'", "'", "’l", "kha1ch ha2ng", "khachs hangf", "\xff\xfe", "đ\u0301", "a\u202fb", "Œ", "İstanbul", "ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tok := range Tokenize(s) {
			if tok.Word == "" || tok.Exact == "" {
				t.Fatalf("empty token in %q", s)
			}
			if again := Tokenize(tok.Word); len(again) != 1 || again[0].Word != tok.Word {
				t.Fatalf("folding %q is not idempotent: %q then %+v", tok.Exact, tok.Word, again)
			}
		}
		_, _ = FromTelex(s)
	})
}
