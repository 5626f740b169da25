// Runs the shared test vectors (tokens.json, or the file named on the
// command line) through the theme's search.js and prints what it computes
// as JSON, for vectors_test.go to compare with the expected values.
//
// search.js is a browser module in a folder without a package.json, so
// node would read it as CommonJS: it is imported from its source instead.
import { readFile } from 'node:fs/promises'

const src = await readFile(new URL('../../../themes/default/static/js/search.js', import.meta.url))
const search = await import('data:text/javascript;base64,' + src.toString('base64'))
const v = JSON.parse(await readFile(process.argv[2] ?? new URL('tokens.json', import.meta.url), 'utf8'))

console.log(JSON.stringify({
  tokenize: v.tokenize.map(c => search.tokenize(c.text)),
  fromTelex: v.fromTelex.map(c => search.fromTelex(c.word)),
  parseQuery: v.parseQuery.map(c => search.parseQuery(c.query, c.lang, v.frenchStopWords)),
}))
