package search_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/search/query"
	"handbook/internal/sitetest"
)

// TestMain removes the handbook the tests built, and keeps the history's
// cache of the build out of the user's cache folder.
func TestMain(m *testing.M) {
	code := sitetest.RunWithCacheInTemp(m)
	if handbookDir != "" {
		os.RemoveAll(handbookDir)
	}
	os.Exit(code)
}

// handbookDir is the folder handbookSite built into, once it has.
var handbookDir string

// handbookSite builds the repository's own handbook once, for the tests
// that search its real content.
var handbookSite = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "handbook-search-")
	if err != nil {
		return "", err
	}
	handbookDir = dir
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
	s := query.NewSearcher(os.DirFS(site))
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

		// As readers type: without marks, in Telex, with a typo, with a
		// word too many, with a synonym from the synonym files, or with
		// the source texts' wording where the pages say it otherwise.
		{"vi", "chan dung khach hang dien hinh", "/vi/exercises/typical-customer/"},
		{"vi", "nguoi tieu dung dien hinh", "/vi/exercises/typical-customer/"}, // synonym
		{"vi", "so khach hang khong so doi thu", "/vi/quotes/q-1998-wake-up-terrified/"},
		{"vi", "thuc day moi sang so hai khach hang", "/vi/quotes/q-1998-wake-up-terrified/"},
		{"vi", "trung thanh cho den khi", "/vi/quotes/q-1998-loyal-until/"},
		{"vi", "khach hang trung thanh cho den khi co nguoi tot hon", "/vi/quotes/q-1998-loyal-until/"},
		{"vi", "nhu cau khong doi", "/vi/quotes/q-2008-stable-needs/"},
		{"vi", "muoi nam nua", "/vi/quotes/q-2008-ten-years/"},
		{"vi", "di nguoc tu nhu cau", "/vi/quotes/q-2008-work-backwards/"},
		{"vi", "tac gia cung la khach hang", "/vi/quotes/q-2012-authors/"},
		{"vi", "hai muoi bay lan giam gia", "/vi/quotes/q-2012-aws-prices/"},
		{"vi", "ban dang tra qua nhieu tien", "/vi/quotes/q-2012-trusted-advisor/"},
		{"vi", "trusted advisor", "/vi/stories/aws-price-cuts/"},
		{"vi", "chu wow", "/vi/quotes/q-2012-wow/"},
		{"vi", "ngay 2 dinh tre", "/vi/quotes/q-2016-day-two/"}, // synonym
		{"vi", "trif treej", "/vi/quotes/q-2016-day-two/"},      // Telex
		{"vi", "bat dong nhung cam ket", "/vi/quotes/q-2016-disagree-commit/"},
		{"vi", "khong dong y nhung van cam ket", "/vi/quotes/q-2016-disagree-commit/"}, // synonym
		{"vi", "moi cuoc goi la mot that bai", "/vi/stories/call-is-a-failure/"},
		{"vi", "goi dien la that bai cua he thong", "/vi/stories/call-is-a-failure/"}, // synonym
		{"vi", "goi lai cho khach thay vi bat cho", "/vi/stories/call-back/"},
		{"vi", "giu may qua lau goi lai", "/vi/stories/call-back/"}, // synonym
		{"vi", "hoan tien tu dong", "/vi/quotes/q-2012-automated-refunds/"},
		{"vi", "tra lai tien phim Casablanca", "/vi/stories/casablanca-refund/"}, // synonym
		{"vi", "nhuan but hang thang", "/vi/stories/monthly-royalties/"},         // synonym
		{"vi", "dieu gi ngan khach hang mua hang", "/vi/stories/what-stops-customers/"},
		{"vi", "kiem tra ngay 1", "/vi/exercises/day-one-check/"},
		{"vi", "cai thien trai nghiem ngay bay gio", "/vi/exercises/improve-now/"},
		{"vi", "soat lai tru cot", "/vi/exercises/pillars-check/"},
		{"vi", "truy tim vat thay the", "/vi/exercises/proxy-hunt/"},
		{"vi", "quyet dinh co the dao nguoc", "/vi/exercises/reversible-decisions/"},
		{"vi", "theo doi xu huong", "/vi/exercises/trend-watch/"},
		{"vi", "moi tuan mot y tuong moi", "/vi/exercises/weekly-idea/"},
		{"vi", "thu gui co dong 1998", "/vi/letters/1998/"},
		{"vi", "thu gui nha dau tu 2016", "/vi/letters/2016/"}, // synonym
		{"vi", "dung nham quy trinh voi ket qua", "/vi/principles/resist-proxies/"},
		{"vi", "he thong chu dong", "/vi/principles/proactive-systems/"},
		{"vi", "quyet dinh nhnah", "/vi/principles/high-velocity-decisions/"}, // a typo
		{"vi", "toc do doi moi sang tao", "/vi/principles/pace-of-innovation/"},
		{"vi", "bao bif khoong phieefn toais", "/vi/stories/frustration-free-packaging/"}, // Telex
		{"vi", "bao bi than thien", "/vi/stories/frustration-free-packaging/"},            // synonym
		{"vi", "ba tru cot trai nghiem khach hang", "/vi/principles/customer-experience-pillars/"},
		{"vi", "am anh ve nguoi tieu dung", "/vi/principles/customer-obsession/"}, // synonym
		{"vi", "don nhan xu huong ben ngoai", "/vi/principles/external-trends/"},
		{"fr", "obsession des consommateurs", "/fr/principles/customer-obsession/"}, // synonym
		{"fr", "emballage ecologique", "/fr/stories/frustration-free-packaging/"},   // synonym
		{"fr", "prix du cloud AWS baisse", "/fr/stories/aws-price-cuts/"},
		{"fr", "peur des clients", "/fr/quotes/q-1998-wake-up-terrified/"},
		{"fr", "se reveiller terrifie chaque matin", "/fr/quotes/q-1998-wake-up-terrified/"},
		{"fr", "fidelite sous condition", "/fr/quotes/q-1998-loyal-until/"},
		{"fr", "besoins qui ne changent pas", "/fr/quotes/q-2008-stable-needs/"},
		{"fr", "dans dix ans", "/fr/quotes/q-2008-ten-years/"},
		{"fr", "travailler a rebours", "/fr/quotes/q-2008-work-backwards/"},
		{"fr", "les auteurs sont aussi des clients", "/fr/quotes/q-2012-authors/"},
		{"fr", "vingt sept baisses de prix", "/fr/quotes/q-2012-aws-prices/"},
		{"fr", "vous payez trop cher", "/fr/quotes/q-2012-trusted-advisor/"},
		{"fr", "conseiller de confiance", "/fr/stories/aws-price-cuts/"},
		{"fr", "ce qui fait dire wow", "/fr/quotes/q-2012-wow/"},
		{"fr", "jour 2 stagnation", "/fr/quotes/q-2016-day-two/"}, // synonym
		{"fr", "desaccord et engagement", "/fr/quotes/q-2016-disagree-commit/"},
		{"fr", "chaque appel est un echec", "/fr/stories/call-is-a-failure/"},
		{"fr", "coup de fil echec du systeme", "/fr/stories/call-is-a-failure/"}, // synonym
		{"fr", "rappeler plutot que faire attendre", "/fr/stories/call-back/"},
		{"fr", "remboursemnt automatique", "/fr/quotes/q-2012-automated-refunds/"}, // a typo
		{"fr", "cafe decafeine livre par erreur", "/fr/stories/decaf-coffee/"},
		{"fr", "redevances versees chaque mois", "/fr/stories/monthly-royalties/"}, // synonym
		{"fr", "qu'est-ce qui empeche les clients d'acheter", "/fr/stories/what-stops-customers/"},
		{"fr", "sommes nous encore au jour 1", "/fr/exercises/day-one-check/"},
		{"fr", "ameliorer l'experience des maintenant", "/fr/exercises/improve-now/"},
		{"fr", "portrait du client type", "/fr/exercises/typical-customer/"},
		{"fr", "portrait du consommateur type", "/fr/exercises/typical-customer/"}, // synonym
		{"fr", "chasse aux substituts", "/fr/exercises/proxy-hunt/"},
		{"fr", "trier nos decisions", "/fr/exercises/reversible-decisions/"},
		{"fr", "veille sur les tendances", "/fr/exercises/trend-watch/"},
		{"fr", "une idee nouvelle chaque semaine", "/fr/exercises/weekly-idea/"},
		{"fr", "lettre aux actionnaires 2008", "/fr/letters/2008/"},
		{"fr", "lettre aux investisseurs 2012", "/fr/letters/2012/"}, // synonym
		{"fr", "systemes proactifs", "/fr/principles/proactive-systems/"},
		{"fr", "rythme de l'innovation", "/fr/principles/pace-of-innovation/"},
		{"fr", "decider vite", "/fr/principles/high-velocity-decisions/"},
		{"fr", "toujours le jour 1", "/fr/principles/day-one/"},
		{"fr", "un sourire de a a z", "/fr/stories/a-to-z-smile/"},
		{"fr", "remboursement Casablanca", "/fr/stories/casablanca-refund/"},
		{"fr", "adopter les tendances exterieures", "/fr/principles/external-trends/"},
		{"fr", "resister aux substituts", "/fr/principles/resist-proxies/"},
	}
	if len(tests) < 80 {
		t.Fatalf("%d queries: the relevance test asks at least 80", len(tests))
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
