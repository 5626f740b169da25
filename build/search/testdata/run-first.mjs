// Checks the search client's ranking shortcut: the kernel passes pick only
// the documents that may be among the first, in WebAssembly and in
// JavaScript alike. For random scores, many of them a hair either side of
// where rounding to three decimals ties them, it compares firstOf with
// ordering every document as Go does, and prints the cases that differ
// as JSON (an empty array when none does).
//
// usage: node run-first.mjs CASES
import { readFile } from 'node:fs/promises'

const src = await readFile(new URL('../../../themes/default/static/js/search.js', import.meta.url))
const { firstOf } = await import('data:text/javascript;base64,' + src.toString('base64'))

// random is a small deterministic generator (mulberry32), so that a
// failure can be reproduced.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// everyDocument orders all the documents that match, as Go does.
function everyDocument(lists, limit) {
  const n = Math.max(0, ...lists.map(l => l.scores.length)), all = []
  for (let doc = 0; doc < n; doc++) {
    let best = null
    for (const { lang, scores } of lists) {
      const v = scores[doc] || 0
      if (!v) continue
      const score = Math.round(v * 1000) / 1000
      if (!best || score > best.score || (score == best.score && lang < best.lang)) best = { lang, doc, score }
    }
    if (best) all.push(best)
  }
  all.sort((a, b) => b.score - a.score || (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0) || a.doc - b.doc)
  return { top: limit > 0 ? all.slice(0, limit) : all, total: all.length }
}

const cases = Number(process.argv[2] || 500), failures = []
for (let seed = 1; seed <= cases; seed++) {
  const r = random(seed), n = 1 + Math.floor(r() * 300), limit = [0, 1, 3, 10, 10, 20][Math.floor(r() * 6)]
  const base = Array.from({ length: 4 }, () => Math.round(r() * 3000) / 1000)
  const score = () => {
    if (r() < 0.4) return 0
    const b = base[Math.floor(r() * base.length)], v = r() < 0.8 ? b + (r() - 0.5) * 0.0012 : r() * 3
    return v > 0 ? v : 0.0001 // scores are positive
  }
  const lists = ['vi', 'fr'].slice(0, 1 + Math.floor(r() * 2)).map(lang => ({ lang, scores: Array.from({ length: n }, score) }))
  const want = JSON.stringify(everyDocument(lists, limit))
  for (const wasm of [true, false]) {
    const got = JSON.stringify(await firstOf(lists, limit, { wasm }))
    if (got != want) failures.push({ seed, wasm, limit, want: JSON.parse(want), got: JSON.parse(got) })
  }
}
console.log(JSON.stringify(failures.slice(0, 5)))
