package search_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/search"
)

// handbookSite builds the repository's own handbook once, for the tests
// that search its real content.
var handbookSite = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "handbook-search-")
	if err != nil {
		return "", err
	}
	dest := filepath.Join(dir, "public")
	_, err = build.Build(build.Options{Source: filepath.Join("..", ".."), Overrides: config.Overrides{Dest: dest}})
	return dest, err
})

// TestRelevance asks the real handbook what readers ask it, with and
// without marks, in Telex and VNI, with a typo, as a phrase, and expects
// the page they look for among the first three results.
func TestRelevance(t *testing.T) {
	site, err := handbookSite()
	if err != nil {
		t.Fatal(err)
	}
	s := search.NewSearcher(os.DirFS(site))
	tests := []struct {
		lang, query, want string
	}{
		{"vi", "ám ảnh về khách hàng", "/vi/principles/customer-obsession/"},
		{"vi", "am anh ve khach hang", "/vi/principles/customer-obsession/"},
		{"vi", "luôn là ngày 1", "/vi/principles/day-one/"},
		{"vi", "ngay 2 la tri tre", "/vi/quotes/q-2016-day-two/"},
		{"vi", "quyết định nhanh", "/vi/principles/high-velocity-decisions/"},
		{"vi", "bat dong nhung van cam ket", "/vi/quotes/q-2016-disagree-commit/"},
		{"vi", "cà phê", "/vi/stories/decaf-coffee/"},
		{"vi", "ca phe khong caffeine", "/vi/stories/decaf-coffee/"},
		{"vi", "Casablanca", "/vi/stories/casablanca-refund/"},
		{"vi", "Casablance", "/vi/stories/casablanca-refund/"}, // a typo
		{"vi", "nụ cười từ A đến Z", "/vi/stories/a-to-z-smile/"},
		{"vi", "logo", "/vi/stories/a-to-z-smile/"},
		{"vi", "bao bì không phiền toái", "/vi/stories/frustration-free-packaging/"},
		{"vi", "giam gia AWS", "/vi/stories/aws-price-cuts/"},
		{"vi", "tiền bản quyền hằng tháng", "/vi/stories/monthly-royalties/"},
		{"vi", "ba trụ cột", "/vi/principles/customer-experience-pillars/"},
		{"vi", "gọi lại thay vì chờ máy", "/vi/stories/call-back/"},
		{"vi", "chaan dung khachs hangf", "/vi/exercises/typical-customer/"},  // Telex
		{"vi", "cha6n du2ng kha1ch ha2ng", "/vi/exercises/typical-customer/"}, // VNI
		{"vi", "xu huong ben ngoai", "/vi/principles/external-trends/"},
		{"vi", "hệ thống tự động", "/vi/principles/proactive-systems/"},
		{"vi", "tốc độ đổi mới", "/vi/principles/pace-of-innovation/"},
		{"fr", "obsession du client", "/fr/principles/customer-obsession/"},
		{"fr", "immobilisme", "/fr/quotes/q-2016-day-two/"},
		{"fr", "décisions réversibles", "/fr/exercises/reversible-decisions/"},
		{"fr", "decisions reversibles", "/fr/exercises/reversible-decisions/"},
		{"fr", "emballage sans frustration", "/fr/stories/frustration-free-packaging/"},
		{"fr", "remboursement automatique", "/fr/quotes/q-2012-automated-refunds/"},
		{"fr", "droits d’auteur", "/fr/stories/monthly-royalties/"},
		{"fr", "desaccord et s'engager", "/fr/quotes/q-2016-disagree-commit/"},
		{"fr", "tendances exterieures", "/fr/principles/external-trends/"},
		{"fr", "indicateurs de substitution", "/fr/principles/resist-proxies/"},
		{"fr", "innovaton", "/fr/principles/pace-of-innovation/"}, // a typo
		{"fr", "café décaféiné", "/fr/stories/decaf-coffee/"},
		{"fr", "sourire", "/fr/stories/a-to-z-smile/"},
		{"fr", "les piliers de l’expérience client", "/fr/principles/customer-experience-pillars/"},
	}
	for _, tt := range tests {
		ans, err := s.Query(tt.query, []string{tt.lang}, 3)
		if err != nil {
			t.Fatalf("%q: %v", tt.query, err)
		}
		var got []string
		found := false
		for _, r := range ans.Results {
			got = append(got, r.URL)
			found = found || r.URL == tt.want
		}
		if !found {
			t.Errorf("%s %q: top 3 = %v, want %s among them (unmatched: %+v)", tt.lang, tt.query, got, tt.want, ans.Unmatched)
		}
	}
}
