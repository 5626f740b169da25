package render

import "testing"

func TestRobotsTxtEscapesTheSitemapAddress(t *testing.T) {
	tests := map[string]string{
		"https://handbook.example/sitemap.xml":              "https://handbook.example/sitemap.xml",
		"/sitemap.xml":                                      "/sitemap.xml",
		"https://handbook.example/a b/sitemap.xml":          "https://handbook.example/a%20b/sitemap.xml",
		"https://handbook.example/sổ-tay/sitemap.xml":       "https://handbook.example/s%E1%BB%95-tay/sitemap.xml",
		"https://handbook.example/x%20y/sitemap.xml":        "https://handbook.example/x%20y/sitemap.xml",
		"https://handbook.example/\nDisallow: /sitemap.xml": "https://handbook.example/%0ADisallow:%20/sitemap.xml",
	}
	for sitemap, want := range tests {
		got := string(robotsTxt(sitemap))
		if wantTxt := "User-agent: *\nAllow: /\nSitemap: " + want + "\n"; got != wantTxt {
			t.Errorf("robotsTxt(%q) = %q, want %q", sitemap, got, wantTxt)
		}
	}
}
