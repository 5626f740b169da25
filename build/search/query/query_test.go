package query

import (
	"strings"
	"testing"
)

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"innovation", "innovation", 2, 0},
		{"inovation", "innovation", 2, 1},
		{"innovaiton", "innovation", 2, 1}, // a transposition is one edit
		{"decision", "decisions", 2, 1},
		{"kitten", "sitting", 3, 3},
		{"abc", "xyzabc", 1, 2}, // beyond the limit: limit+1
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	text := strings.Repeat("mở đầu ", 60) + "Amazon coi khách hàng là điểm xuất phát. " + strings.Repeat("kết thúc ", 60)
	got := snippetOf(text, "khach hang", 80)
	if !strings.Contains(got, "khách hàng") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("Snippet = %q, want the passage around khách hàng, cut with …", got)
	}
	if got := snippetOf("ngắn gọn", "xyz", 80); got != "ngắn gọn" {
		t.Errorf("Snippet without a match = %q", got)
	}
}

func TestParseQuery(t *testing.T) {
	q := ParseQuery("la décision ", "fr")
	if len(q) != 2 || !q[0].Stop || q[1].Stop || q[1].Prefix {
		t.Errorf("ParseQuery = %+v, want a stop word then a complete word", q)
	}
	q = ParseQuery("khachs hang", "vi")
	if q[0].Telex != "khách" || !q[1].Prefix || !q[1].Joined {
		t.Errorf("ParseQuery = %+v", q)
	}
	q = ParseQuery("le la", "fr")
	if q[0].Stop || q[1].Stop {
		t.Error("a query of stop words only must still match them")
	}
}

// FuzzParseQuery checks that the query parser accepts anything.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"Khách hàng", "l’expérience", "qu'", "'", "’l", "kha1ch ha2ng", "khachs hangf", "\xff\xfe", "đ\u0301", "a\u202fb", "Œ", "İstanbul", "ǅ", `"khách hàng" nhanh`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []string{"vi", "fr"} {
			_ = ParseQuery(s, lang)
		}
	})
}
