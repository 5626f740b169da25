// Runs queries through the theme's search.js over a built site, reading
// the index from disk, and prints the answers as JSON for parity_test.go
// to compare with the Go Searcher's.
//
// usage: node run-queries.mjs SITE < requests.json
// requests: [{query, langs, limit}]; prints [{answer, fetched, again,
// plain}]: the answer of a new client, the files it fetched (relative to
// _search/), the answer of one client shared by every query, whose cache
// the earlier queries have filled, and that of a new client scoring in
// JavaScript rather than WebAssembly.
import { readFile } from 'node:fs/promises'

const src = await readFile(new URL('../../../themes/default/static/js/search.js', import.meta.url))
const { createSearch } = await import('data:text/javascript;base64,' + src.toString('base64'))

const base = process.argv[2] + '/_search/'
const client = (fetched, wasm = true) =>
  createSearch(base, {
    wasm,
    fetch: async path => {
      fetched?.push(path.slice(base.length))
      try {
        return new Response(await readFile(path))
      } catch (e) {
        if (e.code == 'ENOENT') return new Response(null, { status: 404 })
        throw e
      }
    },
  })

let input = ''
for await (const chunk of process.stdin) input += chunk
const shared = client()
const out = []
for (const r of JSON.parse(input)) {
  const fetched = []
  const answer = await client(fetched).query(r.query, { langs: r.langs, limit: r.limit })
  const again = await shared.query(r.query, { langs: r.langs, limit: r.limit })
  const plain = await client(null, false).query(r.query, { langs: r.langs, limit: r.limit })
  out.push({ answer, fetched, again, plain })
}
console.log(JSON.stringify(out))
