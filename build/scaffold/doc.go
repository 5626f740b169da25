// Package scaffold owns starting new pages, before the pipeline ever reads
// them: it writes the file of a new principle, letter, quote, story or
// exercise in each language, with the front matter its kind has in the
// handbook and the headings of its body, for a writer to fill in. Every
// new page is marked draft: true, so that an unfinished page never
// reaches a published site; removing that line publishes it.
package scaffold
