package sitetest

import (
	"context"
	"io/fs"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pelletier/go-toml/v2"

	"handbook/themes"
)

// WaitFor polls a JavaScript condition in the browser of ctx until it
// holds, through page loads, for up to ten seconds, and fails the test
// otherwise; describe, when not nil, adds what the page shows to the
// failure.
func WaitFor(t testing.TB, ctx context.Context, cond, what string, describe func() string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			shown := ""
			if describe != nil {
				shown = "; the page shows:\n" + describe()
			}
			t.Fatalf("waiting for %s (%s): %v%s", what, cond, err, shown)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// ThemeStrings reads the default theme's interface strings in lang, as
// the binary embeds them.
func ThemeStrings(t testing.TB, lang string) map[string]string {
	t.Helper()
	data, err := fs.ReadFile(themes.Default(), "i18n/"+lang+".toml")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := toml.Unmarshal(data, &m); err != nil {
		t.Fatalf("i18n/%s.toml: %v", lang, err)
	}
	return m
}
