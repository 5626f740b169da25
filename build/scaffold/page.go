package scaffold

import (
	"fmt"
	"strconv"
	"strings"

	"handbook/build/content"
)

// page writes the file of a new page: its front matter, with the fields
// the handbook's pages of that kind have, in the order they write them,
// then the body's skeleton in the page's language.
func page(kind content.Kind, slug, lang string, weight int) []byte {
	w := words(lang)
	var b strings.Builder
	b.WriteString("---\n")
	field := func(key, value, comment string) {
		b.WriteString(key + ":")
		if value != "" {
			b.WriteString(" " + value)
		}
		if comment != "" {
			b.WriteString("  # " + comment)
		}
		b.WriteByte('\n')
	}
	title := placeholderTitle(slug)
	if kind == content.Letter {
		title = fmt.Sprintf(w.letterTitle, slug)
	}
	field("title", quote(title), "")
	field("description", `""`, w.description)
	field("kind", string(kind), "")
	switch kind {
	case content.Letter:
		field("year", slug, "")
	case content.Quote:
		field("letter", "", w.letter)
		field("principles", "[]", w.principles)
	case content.Story, content.Exercise:
		field("principles", "[]", w.principles)
	}
	field("weight", strconv.Itoa(weight), "")
	switch kind {
	case content.Principle:
		field("statement", `""`, w.statement)
	case content.Quote:
		field("text", `""`, w.text)
	case content.Exercise:
		field("duration", `""`, w.duration)
	}
	field("draft", "true", w.draft)
	b.WriteString("---\n\n")
	body := w.bodies[kind]
	if kind == content.Letter {
		body = fmt.Sprintf(body, slug)
	}
	b.WriteString(body)
	return []byte(b.String())
}

// placeholderTitle makes a title of a slug ("customer-obsession" is
// "Customer obsession"), for the writer to replace with the real one.
func placeholderTitle(slug string) string {
	s := strings.ReplaceAll(slug, "-", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// quote writes s as a YAML double-quoted string. Go's escapes are a
// subset of YAML's for the text a title holds.
func quote(s string) string { return strconv.Quote(s) }

// pageWords are what a new page says in one language: the comments that
// tell the writer what a field wants, a letter's title, and the body of
// each kind, with the headings the handbook's pages of that kind have.
type pageWords struct {
	description, letter, principles, statement, text, duration, draft string
	letterTitle                                                       string
	bodies                                                            map[content.Kind]string
}

// words returns the words of a language: Vietnamese and French, the
// handbook's, or English for any other.
func words(lang string) pageWords {
	switch lang {
	case "vi":
		return vietnamese()
	case "fr":
		return french()
	}
	return english()
}

func vietnamese() pageWords {
	return pageWords{
		description: "một câu tóm tắt, hiện trong danh sách và kết quả tìm kiếm",
		letter:      "năm của lá thư, như 2016",
		principles:  "tên tệp của các nguyên tắc, như [day-one, customer-obsession]",
		statement:   "nguyên tắc trong một câu",
		text:        "lời trích, do chúng ta dịch",
		duration:    `như "45 phút"`,
		draft:       "xóa dòng này để xuất bản trang",
		letterTitle: "Thư gửi cổ đông năm %s",
		bodies: map[content.Kind]string{
			content.Principle: "## Giải thích\n\nNguyên tắc nói gì, nó đến từ lá thư hay nguồn tư liệu nào, và vì sao nó quan trọng.\n\n" +
				"## Trong công việc hằng ngày\n\n- Một việc cụ thể mà nhóm có thể làm.\n\n" +
				"## Những cách hiểu sai\n\n- Một cách hiểu sai thường gặp.\n\n" +
				"## Nguyên tắc liên quan\n\n- Một nguyên tắc gần với nguyên tắc này, và vì sao.\n",
			content.Letter: "Tóm tắt, bằng lời của chúng ta, những gì thư năm %s nói về các chủ đề của sổ tay, " +
				"kèm liên kết tới các nguyên tắc liên quan.\n",
			content.Quote: "Câu trích này có ý nghĩa gì với công việc của chúng ta, và nó gắn với nguyên tắc nào.\n",
			content.Story: "Kể lại câu chuyện: điều gì đã xảy ra, ở đâu và khi nào.\n\n" +
				"## Bài học\n\n- Điều đội ngũ rút ra từ câu chuyện này.\n",
			content.Exercise: "Bài tập giúp nhóm làm gì, và nên đọc trước trang nguyên tắc nào.\n\n" +
				"## Câu hỏi\n\n1. Câu hỏi thứ nhất?\n2. Câu hỏi thứ hai?\n3. Câu hỏi thứ ba?\n\n" +
				"## Gợi ý\n\n- Một gợi ý cho người dẫn buổi thảo luận.\n",
		},
	}
}

// french puts a narrow no-break space (U+202F) before : ? ; and !, as
// the handbook's French pages do.
func french() pageWords {
	return pageWords{
		description: "une phrase de résumé, montrée dans les listes et la recherche",
		letter:      "l’année de la lettre, comme 2016",
		principles:  "les noms de fichier des principes, comme [day-one, customer-obsession]",
		statement:   "le principe en une phrase",
		text:        "la citation, traduite par nos soins",
		duration:    `comme "45 minutes"`,
		draft:       "supprimer cette ligne pour publier la page",
		letterTitle: "Lettre aux actionnaires de %s",
		bodies: map[content.Kind]string{
			content.Principle: "## Explication\n\nCe que dit le principe, la lettre ou la source d’où il vient, et pourquoi il compte.\n\n" +
				"## Au quotidien\n\n- Un geste concret que l’équipe peut faire.\n\n" +
				"## Ce que ce n’est pas\n\n- Un contresens fréquent.\n\n" +
				"## Principes liés\n\n- Un principe voisin, et pourquoi.\n",
			content.Letter: "Ce que la lettre de %s dit des thèmes du manuel, résumé avec nos mots, " +
				"avec des liens vers les principes concernés.\n",
			content.Quote: "Ce que cette citation veut dire pour notre travail, et à quel principe elle se rattache.\n",
			content.Story: "Racontez l’histoire\u202f: ce qui s’est passé, où et quand.\n\n" +
				"## Ce qu’on en retient\n\n- Ce que l’équipe en retient.\n",
			content.Exercise: "Ce que l’exercice aide l’équipe à faire, et le principe à relire avant de commencer.\n\n" +
				"## Questions\n\n1. Première question\u202f?\n2. Deuxième question\u202f?\n3. Troisième question\u202f?\n\n" +
				"## Pistes\n\n- Une piste pour animer la séance.\n",
		},
	}
}

func english() pageWords {
	return pageWords{
		description: "one sentence, shown in lists and search results",
		letter:      "the letter's year, such as 2016",
		principles:  "the principles' file names, such as [day-one, customer-obsession]",
		statement:   "the principle in one sentence",
		text:        "the quotation",
		duration:    `such as "45 minutes"`,
		draft:       "remove this line to publish the page",
		letterTitle: "Letter to shareholders of %s",
		bodies: map[content.Kind]string{
			content.Principle: "## Explanation\n\nWhat the principle says, the letter or source it comes from, and why it matters.\n\n" +
				"## Day to day\n\n- Something concrete the team can do.\n\n" +
				"## What it is not\n\n- A common misreading.\n\n" +
				"## Related principles\n\n- A principle close to this one, and why.\n",
			content.Letter: "What the letter of %s says about the handbook's themes, in our own words, " +
				"with links to the principles it concerns.\n",
			content.Quote: "What this quotation means for our work, and which principle it belongs to.\n",
			content.Story: "Tell the story: what happened, where and when.\n\n" +
				"## Lessons\n\nWhat the team takes from it.\n",
			content.Exercise: "What the exercise helps the team do, and the principle to read first.\n\n" +
				"## Questions\n\n1. First question?\n2. Second question?\n3. Third question?\n\n" +
				"## Tips\n\n- A tip for whoever leads the session.\n",
		},
	}
}
