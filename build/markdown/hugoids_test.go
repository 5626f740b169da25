package markdown

import "testing"

// The ids Hugo makes, by each of its rules, for headings whose ids
// Hugo's own tests and GitHub agree on.
func TestHugoAnchor(t *testing.T) {
	tests := []struct{ idType, text, want string }{
		{HugoGitHub, "God is good: 神真美好", "god-is-good-神真美好"},
		{HugoGitHub, "Question?", "question"},
		{HugoGitHub, "1+2=3", "123"},
		{HugoGitHub, `Special !"#$%&(parens)=?´* chars`, "special-parens-chars"},
		{HugoGitHub, "Resumé", "resumé"},
		{HugoGitHub, "Multiple--Hyphens", "multiple--hyphens"},
		{HugoGitHub, "Trailing hyphen-", "trailing-hyphen-"},
		{HugoGitHub, "Many   spaces  here", "many---spaces--here"},
		{HugoGitHub, "Forward/slash", "forwardslash"},
		{HugoGitHub, "Under_score", "under_score"},
		{HugoGitHub, "Nonbreaking\u00a0Space", "nonbreakingspace"},
		{HugoGitHub, "Tab\tSpace", "tabspace"},
		{HugoGitHub, " Trailing Space ", "trailing-space"},
		{HugoGitHub, "Smileys & Emotion", "smileys--emotion"},
		{HugoGitHub, "A -- B", "a----b"},
		{HugoGitHub, "Khách hàng là ai?", "khách-hàng-là-ai"},
		{HugoGitHub, "Đường đi", "đường-đi"},
		{HugoGitHubASCII, "god is神真美好 good", "god-is-good"},
		{HugoGitHubASCII, "Resumé", "resume"},
		{HugoGitHubASCII, "Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď", "a-a-a-a-a-a-c-c-c-c-c-c-c-c-d"},
		{HugoGitHubASCII, "良善天父", ""},
		{HugoBlackfriday, "Let's try this, shall we?", "let-s-try-this-shall-we"},
		{HugoBlackfriday, "God is good: 神真美好", "god-is-good-神真美好"},
		{HugoBlackfriday, "  -- A --  ", "a"},
	}
	for _, tc := range tests {
		if got := hugoAnchor(tc.text, tc.idType); got != tc.want {
			t.Errorf("%s %q = %q, want %q", tc.idType, tc.text, got, tc.want)
		}
	}
}

func TestHugoIDsRepeat(t *testing.T) {
	ids := &hugoIDs{idType: HugoGitHub, used: map[string]bool{"a-1": true}}
	var got []string
	for _, text := range []string{"A", "A", "A", "!!", "??"} {
		got = append(got, ids.generate(text, false))
	}
	got = append(got, ids.generate("良", true), ids.generate("", true))
	want := []string{"a", "a-2", "a-3", "heading", "heading-1", "良", "term"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("ids = %v, want %v", got, want)
			break
		}
	}
}
