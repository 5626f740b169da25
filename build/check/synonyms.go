package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"handbook/build"
	"handbook/build/search"
)

// checkSynonyms warns about each group of the synonym files none of
// whose words and phrases a page of its language has: it finds nothing,
// which is most often a typo, or words the pages have stopped using. (A
// group is there for the words readers type that the pages do not have,
// so one of its words is enough.) A site rendered with its search
// index (publishing) asks the index; one rendered without it reads the
// pages' files again, whose words are what the index would be made of
// (the body's Markdown is let go once rendered).
func checkSynonyms(site *build.Site) error {
	var missing []search.SynonymMiss
	if site.Index != nil {
		missing = site.Index.MissingSynonyms()
	} else {
		for _, l := range site.Pages.Langs {
			if len(site.Synonyms.Groups(l.Code)) == 0 {
				continue
			}
			texts := make([]string, 0, len(l.Pages))
			for _, p := range l.Pages {
				if p.File == "" {
					texts = append(texts, p.Title)
					continue
				}
				data, err := os.ReadFile(filepath.Join(site.Config.Root, filepath.FromSlash(p.File)))
				if err != nil {
					return fmt.Errorf("checking synonyms: %w", err)
				}
				texts = append(texts, p.Title+"\n"+string(data))
			}
			missing = append(missing, site.Synonyms.MissingSynonyms(l.Code, texts)...)
		}
	}
	for _, m := range missing {
		quoted := make([]string, len(m.Members))
		for i, w := range m.Members {
			quoted[i] = strconv.Quote(w)
		}
		site.Diags.Warnf(m.File, m.Line, "synonyms %s: no %s page has any of them, so they find nothing", strings.Join(quoted, ", "), m.Lang)
	}
	return nil
}
