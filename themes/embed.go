package themes

import (
	"embed"
	"io/fs"
)

//go:embed default
var embedded embed.FS

// Default returns the default theme's files, rooted at the theme folder
// (layouts/, static/, i18n/).
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // the folder is embedded at compile time
	}
	return sub
}
