package config

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"handbook/build/diag"
)

func TestScratch(t *testing.T) {
	for _, src := range []string{
		`baseURL = "https://example.org/"
title = "Hugo site"
defaultContentLanguage = "fr"
theme = "ananke"
enableRobotsTXT = true
[params]
author = "x"
[languages.vi]
contentDir = "content/vi"
weight = 2
label = "Tiếng Việt"
title = "VN"
menu = 3
[languages.fr]
contentDir = "content/fr"
weight = 1
languageName = "Français"
[languages.fr.params]
x = 1
[markup.goldmark.renderer]
unsafe = true
hardWraps = true
[markup.highlight]
style = "x"
`,
	} {
		dir := t.TempDir()
		os.MkdirAll(filepath.Join(dir, "content/vi"), 0o755)
		os.MkdirAll(filepath.Join(dir, "content/fr"), 0o755)
		os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte(src), 0o644)
		var d diag.List
		cfg, err := Load(dir, Overrides{}, &d)
		fmt.Printf("err=%v cfg=%+v\n", err, cfg)
		for _, x := range d.Sorted() {
			fmt.Printf("   %s\n", x)
		}
	}
}
