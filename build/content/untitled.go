package content

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"handbook/build/config"
)

// nameUntitled gives a Hugo page written without a title the one Hugo
// would show: the language's (else the site's) title for the home page,
// the folder's name for a section or a bundle, else the file's name,
// with hyphens and underscores as spaces. Hugo builds such pages, so
// they are not an error there; check still asks for a title.
func (p *Page) nameUntitled(cfg *config.Config) {
	if p.Title != "" || !p.hugo {
		return
	}
	p.TitleFromFile = true
	if p.IsHome {
		if l, ok := cfg.Language(p.Lang); ok && l.Title != "" {
			p.Title = l.Title
		} else {
			p.Title = cfg.Title
		}
		if p.Title != "" {
			return
		}
	}
	name := pageStem(p.RelPath)
	if name == "index" || name == "_index" {
		name = path.Base(path.Dir(p.RelPath))
	}
	p.Title = readableName(name)
}

// readableName is a file or folder name as a title: "day-one_notes"
// reads "Day one notes".
func readableName(name string) string {
	name = strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '-' || r == '_' {
			return ' '
		}
		return r
	}, name))
	first, size := utf8.DecodeRuneInString(name)
	if size == 0 {
		return name
	}
	return string(unicode.ToUpper(first)) + name[size:]
}
