package tokenize

import (
	"sort"

	"handbook/build/fold"
)

// snowballFrenchStopWords is the Snowball project's French stop-word list,
// the one github.com/kljensen/snowball/french.IsStopWord answers from
// (a test keeps the two in step). The index and the client need it as a
// list: queries typed without accents are checked in folded form.
var snowballFrenchStopWords = []string{
	"au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "eux",
	"il", "je", "la", "le", "leur", "lui", "ma", "mais", "me", "même", "mes", "moi", "mon",
	"ne", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui",
	"sa", "se", "ses", "son", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une",
	"vos", "votre", "vous", "c", "d", "j", "l", "à", "m", "n", "s", "t", "y", "été", "étée",
	"étées", "étés", "étant", "étante", "étants", "étantes", "suis", "es", "est", "sommes",
	"êtes", "sont", "serai", "seras", "sera", "serons", "serez", "seront", "serais",
	"serait", "serions", "seriez", "seraient", "étais", "était", "étions", "étiez",
	"étaient", "fus", "fut", "fûmes", "fûtes", "furent", "sois", "soit", "soyons", "soyez",
	"soient", "fusse", "fusses", "fût", "fussions", "fussiez", "fussent", "ayant", "ayante",
	"ayantes", "ayants", "eu", "eue", "eues", "eus", "ai", "as", "avons", "avez", "ont",
	"aurai", "auras", "aura", "aurons", "aurez", "auront", "aurais", "aurait", "aurions",
	"auriez", "auraient", "avais", "avait", "avions", "aviez", "avaient", "eut", "eûmes",
	"eûtes", "eurent", "aie", "aies", "ait", "ayons", "ayez", "aient", "eusse", "eusses",
	"eût", "eussions", "eussiez", "eussent",
}

// FrenchStopWords returns the folded stop words, sorted, each once.
func FrenchStopWords() []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range snowballFrenchStopWords {
		f := fold.String(w)
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}
