// The handbook's search: the search box in the header of every page, and
// the search it runs over the index the build writes under _search/. It
// tokenizes, matches and ranks exactly as the Go reference does
// (build/search): the same tokens, candidates and scores, in the same
// order. build/search/testdata/tokens.json and the tests beside it check
// that both agree. No dependencies, no build step.

const WORD = /[\p{L}\p{Nd}\p{M}]/u
// isWord is WORD.test(c), without the regular expression for the Latin
// letters and marks Vietnamese and French are written with: compiling its
// Unicode classes is much of what a first query costs.
const isWord = c => {
  const n = c.charCodeAt(0)
  if (n < 0x80) return (n >= 0x61 && n <= 0x7a) || (n >= 0x41 && n <= 0x5a) || (n >= 0x30 && n <= 0x39)
  if ((n >= 0xc0 && n <= 0x24f && n != 0xd7 && n != 0xf7) || (n >= 0x300 && n <= 0x36f) || (n >= 0x1e00 && n <= 0x1eff)) return true
  return WORD.test(c)
}
// CJK is what Go's tokenize.IsCJK accepts: Han, Hiragana, Katakana and
// Hangul, the prolonged sound marks and the iteration marks; isCJK tests
// the first character of c, without the regular expression where no
// character of those scripts is (Vietnamese letters, punctuation).
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆ｰ]/u
const isCJK = c => {
  const n = c.charCodeAt(0)
  return n >= 0x1100 && (n < 0x1200 || n >= 0x2e80) && CJK.test(c)
}
const ELIDED = new Set('l d j m n s t c qu jusqu lorsqu puisqu quoiqu'.split(' '))
const STROKES = { đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', Æ: 'æ', Œ: 'œ' }
const own = (o, k) => (o && Object.hasOwn(o, k) ? o[k] : undefined)
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

// scoreModule compiles SCORE_WASM, off the page's main thread. Decoding
// it in a loop of JavaScript costs a first query milliseconds: the
// browser's own decoder does it where there is one.
const scoreModule = () =>
  WebAssembly.compile(Uint8Array.fromBase64 ? Uint8Array.fromBase64(SCORE_WASM) : Uint8Array.from(atob(SCORE_WASM), c => c.charCodeAt(0)))

// memory is the scoring memory of a client, with the loops that score in
// it: the compiled score.wat's where the browser runs WebAssembly,
// jsKernel's where it does not (a page's security policy may forbid it)
// or the client was told not to. A query readies it for `bytes` bytes
// (ready), which it then hands out from the start (take): scoring is
// synchronous, so queries take turns, and the memory stays, grown to the
// largest. Arrays in it are byte offsets.
function memory(compiled) {
  const wasm = compiled && new WebAssembly.Memory({ initial: 1 })
  const m = { buffer: wasm ? wasm.buffer : new ArrayBuffer(65536) }
  m.run = wasm ? new WebAssembly.Instance(compiled, { js: { mem: wasm } }).exports : jsKernel(m.buffer)
  let top = 0
  m.ready = bytes => {
    top = 0
    const more = Math.ceil((bytes - m.buffer.byteLength) / 65536)
    if (more <= 0) return m
    if (wasm) wasm.grow(more), (m.buffer = wasm.buffer)
    else (m.buffer = new ArrayBuffer(m.buffer.byteLength + more * 65536)), (m.run = jsKernel(m.buffer))
    return m
  }
  m.take = n => {
    const at = top
    top += (n + 7) & ~7
    return at
  }
  // zeros is an array of n Float64 zeros.
  m.zeros = n => {
    const at = m.take(n * 8)
    new Float64Array(m.buffer, at, n).fill(0)
    return at
  }
  // put copies a typed array in.
  m.put = values => {
    const at = m.take(values.byteLength)
    new values.constructor(m.buffer, at, values.length).set(values)
    return at
  }
  return m
}

// firstBytes is what first takes of a memory.
const firstBytes = (langs, ids, limit) => 8 * langs + 16 * Math.max(limit, 0) + 8 + ids * 4 + 64

// first returns the first `limit` results of the languages' scores (lists
// of {lang, at}: arrays of `ids` scores in mem) and how many documents
// match. The kernel finds them among every document (a query may match
// every page); pick makes them results.
function first(mem, lists, ids, limit) {
  lists = [...lists].sort((a, b) => cmp(a.lang, b.lang))
  const at = mem.put(new Int32Array(lists.map(l => l.at))), top = mem.take(16 * Math.max(limit, 0) + 8), out = mem.take(ids * 4)
  const n = mem.run.first(at, lists.length, ids, Math.max(limit, 0), top, out)
  const scores = lists.map(l => ({ lang: l.lang, scores: new Float64Array(mem.buffer, l.at, ids) }))
  return { top: pick(scores, new Int32Array(mem.buffer, out, n)), total: new Int32Array(mem.buffer, top, 1)[0] }
}

// firstOf is first over lists of {lang, scores} (arrays of numbers), in
// WebAssembly or not: tests check the kernel's shortcut with it against
// ordering every document.
export async function firstOf(lists, limit, { wasm = true } = {}) {
  const ids = Math.max(0, ...lists.map(l => l.scores.length))
  const mem = memory(wasm ? await scoreModule() : null).ready(lists.length * ids * 8 + firstBytes(lists.length, ids, limit))
  const at = lists.map(l => {
    const at = mem.take(ids * 8)
    new Float64Array(mem.buffer, at, l.scores.length).set(l.scores)
    return at
  })
  return first(mem, lists.map((l, i) => ({ lang: l.lang, at: at[i] })), ids, limit)
}

// pick makes results of the documents the kernel found, given each
// language's scores ({lang, scores}: arrays indexed by document): each
// document once, with the score of its best language rounded to three
// decimals, in Go's order (score, then language, then document). A page
// and its translations share their number; the best entry stands for them.
function pick(lists, docs) {
  const out = []
  for (const doc of docs) {
    let score = 0, lang = null
    for (const l of lists) {
      const v = l.scores[doc]
      if (!v) continue
      const s = Math.round(v * 1000) / 1000
      if (lang === null || s > score || (s == score && cmp(l.lang, lang) < 0)) (score = s), (lang = l.lang)
    }
    out.push({ lang, doc, score })
  }
  return out.sort((a, b) => b.score - a.score || cmp(a.lang, b.lang) || a.doc - b.doc)
}
const runes = s => [...s]
const runeCount = s => s.length - (s.match(/[\uD800-\uDBFF](?=[\uDC00-\uDFFF])/g)?.length || 0)

// Go lowercases rune by rune: İ is i, and Σ is σ even at the end of a word.
const lower = s => s.replace(/[İΣ]/g, c => (c == 'İ' ? 'i' : 'σ')).toLowerCase()

// fold is a word as the index stores it: no marks, đ as d, ß as ss,
// lower case; a CJK word (Go's tokenize.Fold) stands as written.
export const fold = s =>
  /^[\0-@[-\x7f]*$/.test(s) || isCJK(s) ? s : lower(unmark(s.normalize('NFD')).replace(/[đĐðÐøØłŁÆŒ]/g, c => STROKES[c])).replace(/ß/g, 'ss')

// unmark removes the nonspacing marks: for Latin text and its
// punctuation, those of the combining diacritics block, with no Unicode
// class to compile.
const unmark = s => (/[^\0-\u036f\u1e00-\u1eff\u2000-\u20cf]/.test(s) ? s.replace(/\p{Mn}/gu, '') : s.replace(/[\u0300-\u036f]/g, ''))

// tokenize splits text into {word, exact, joined} like Go's Tokenize:
// joined says only spaces separate the token from the one before.
// A run of CJK characters makes a token of each overlapping pair, or of
// its one character, and breaks the pairs of syllables around it.
export function tokenize(text) {
  const out = [], cs = runes(lower(text.normalize('NFC')))
  let w = '', joined = false, broken = true, run = 0, prev = ''
  const flush = () => {
    const word = fold(w)
    if (word) out.push({ word, exact: w, joined: joined && !broken }), (joined = true), (broken = false)
    w = ''
  }
  const endRun = () => {
    if (run == 1) out.push({ word: prev, exact: prev, joined: false })
    if (run) (run = 0), (broken = true), (joined = false)
  }
  cs.forEach((c, i) => {
    if (isCJK(c)) {
      flush()
      if (run) out.push({ word: prev + c, exact: prev + c, joined: false })
      return run++, (prev = c)
    }
    endRun()
    if (isWord(c)) w += c
    else if ((c == "'" || c == '’') && w && isWord(cs[i + 1] || ' ')) ELIDED.has(w) ? (w = '') : flush()
    else flush(), ' \t\u00a0\u202f'.includes(c) || (broken = true)
  })
  endRun()
  flush()
  return out
}

// Telex ("khachs") and VNI ("kha1ch"): fromTelex spells the syllable, or
// returns null when the word is neither.
const TONES = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323', 1: '\u0301', 2: '\u0300', 3: '\u0309', 4: '\u0303', 5: '\u0323' }
const PAIRS = { aa: 'â', aw: 'ă', ee: 'ê', oo: 'ô', ow: 'ơ', uw: 'ư', dd: 'đ' }
const VNI = { 6: { a: 'â', e: 'ê', o: 'ô' }, 7: { o: 'ơ', u: 'ư' }, 8: { a: 'ă' }, 9: { d: 'đ' } }
const SYLLABLE = /^(b|c|ch|d|đ|g|gh|gi|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)?[aeiouyâăêôơư]{1,3}(c|ch|m|n|ng|nh|p|t)?$/
const isVowel = c => !!c && 'aeiouyâăêôơư'.includes(c)

export function fromTelex(word) {
  if (!/^[a-z0-9]{1,12}$/.test(word)) return null
  const out = []
  let tone = '', changed = false, vowel = false
  for (let i = 0; i < word.length; i++) {
    const r = word[i], v = own(PAIRS, r + word[i + 1]), last = out.at(-1)
    if (v) {
      out.push(v)
      if (v == 'ơ' && out.at(-2) == 'u') out[out.length - 2] = 'ư'
      vowel ||= r != 'd'
      changed = true
      i++
    } else if (r == 'w' && (last == 'u' || last == 'o')) (out[out.length - 1] = last == 'u' ? 'ư' : 'ơ'), (changed = true)
    else if (r >= '6' && r <= '9') {
      if (!vni(out, r)) return null
      changed = true
    } else if (TONES[r] && (vowel || r <= '5')) {
      if (tone) return null
      tone = TONES[r]
    } else (vowel ||= isVowel(r)), out.push(r)
  }
  const base = out.join('')
  if ((!tone && !changed) || !SYLLABLE.test(base)) return null
  return (tone ? placeTone(base, tone) : base).normalize('NFC')
}

function vni(out, digit) {
  let done = false
  for (let i = out.length - 1; i >= 0; i--) {
    const v = own(VNI[digit], out[i])
    if (v) {
      out[i] = v
      done = true
      if (digit != '7' || !i || out[i - 1] != 'u') break
    }
  }
  return done
}

function placeTone(s, tone) {
  const rs = runes(s)
  let first = -1, last = -1
  for (let i = s.startsWith('qu') || (s.startsWith('gi') && isVowel(rs[2])) ? 2 : 0; i < rs.length; i++) {
    if (isVowel(rs[i])) (first < 0 && (first = i)), (last = i)
    else if (first >= 0) break
  }
  if (first < 0) return s
  let at = -1
  for (const set of ['âăêôơ', 'ư']) for (let i = last; i >= first && at < 0; i--) if (set.includes(rs[i])) at = i
  if (at < 0) at = last + 1 < rs.length ? last : last - first == 1 ? first : last - first >= 2 ? first + 1 : last
  rs.splice(at + 1, 0, tone)
  return rs.join('')
}

// parseQuery is Go's ParseQuery; stopWords are the folded stop words of
// lang (meta.json has them).
// Words between quotes (", “ ”, « ») make a phrase, numbered from 1 in
// their phrase; a quote left open makes none.
export function parseQuery(query, lang, stopWords = []) {
  const stop = new Set(stopWords), prefix = !/[ \t\n\u00a0\u202f]$/.test(query), parts = query.split(/["“”«»]/)
  const toks = parts.flatMap((text, k) => tokenize(text).map(t => ({ ...t, phrase: k % 2 && k < parts.length - 1 ? (k + 1) / 2 : 0 })))
  const words = toks.map((t, i) => ({
    ...t,
    // A word that ends a phrase is complete: it is no prefix.
    prefix: prefix && i == toks.length - 1 && !t.phrase,
    stop: lang == 'fr' && stop.has(t.word),
    telex: (lang == 'vi' && fromTelex(t.word)) || '',
  }))
  if (words.every(w => w.stop)) words.forEach(w => (w.stop = false))
  return words
}

// editDistance is the Damerau–Levenshtein distance in runes, or limit+1
// once it is known to be more than limit.
export function editDistance(a, b, limit) {
  ;[a, b] = [runes(a), runes(b)]
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let p2 = Array(b.length + 1).fill(0), p = [...p2.keys()], c = [...p2]
  for (let i = 1; i <= a.length; i++) {
    let best = (c[0] = i)
    for (let j = 1; j <= b.length; j++) {
      c[j] = Math.min(p[j] + 1, c[j - 1] + 1, p[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) c[j] = Math.min(c[j], p2[j - 2] + 1)
      best = Math.min(best, c[j])
    }
    if (best > limit) return limit + 1
    ;[p2, p, c] = [p, c, p2]
  }
  return Math.min(p[b.length], limit + 1)
}

const SPACES = /[\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g
// NOT_ONE_TO_ONE finds what may not fold character for character: text
// without it (precomposed Latin and Vietnamese, general punctuation) has
// the same offsets folded.
const NOT_ONE_TO_ONE = /[^\0-\u02ff\u1e00-\u1eff\u2000-\u20cf]/
const SURROGATE = /[\uD800-\uDFFF]/

// snippet is about width runes of text around the first word of the
// query, as Go's Snippet; spaced says text has its words separated by
// single spaces already (as the index writes it).
export function snippet(text, query, width, spaced = false) {
  const toks = tokenize(query)
  const joined = spaced ? text : text.replace(SPACES, ' ').replace(/^ | $/g, '')
  const surrogates = SURROGATE.test(joined)
  let start = toks.length ? firstMatch(joined, toks) : 0
  // Offsets count runes; without surrogate pairs, a string's own indices do.
  const rs = surrogates ? runes(joined) : joined
  if (surrogates) start = runeCount(joined.slice(0, start))
  let from = Math.max(0, start - Math.trunc(width / 3)), to = Math.min(rs.length, from + width)
  // Text is cut between words, or at any CJK character (Go's snippetOf).
  while (from > 0 && rs[from - 1] != ' ' && !isCJK(rs[from])) from--
  while (to < rs.length && rs[to] != ' ' && !isCJK(rs[to - 1])) to++
  const cut = surrogates ? rs.slice(from, to).join('') : rs.slice(from, to)
  return (from > 0 ? '…' : '') + cut + (to < rs.length ? '…' : '')
}

// firstMatch is the offset of the first field of joined (its fields are
// separated by one space) with a word of the query, or one starting with
// the last word; 0 if none has. The text is searched a part at a time,
// since the word is most often near the start: a part is folded, and only
// the fields where the folded part has a word of the query (a word of a
// field folds to part of the folded field) are tokenized.
function firstMatch(joined, toks) {
  const words = new Set(toks.map(t => t.word)), needles = new Set([...words, toks.at(-1).word])
  // matches is the offset in field f of its first token that matches (a
  // CJK token's own, as Go's cjkOffset), or -1.
  const matches = f => {
    const t = tokenize(f).find(t => words.has(t.word) || t.word.startsWith(toks.at(-1).word))
    return !t ? -1 : isCJK(t.exact) ? Math.max(0, f.indexOf(t.exact)) : 0
  }
  for (let at = 0; at < joined.length; ) {
    let end = joined.indexOf(' ', at + 480)
    if (end < 0) end = joined.length
    const part = joined.slice(at, end), found = NOT_ONE_TO_ONE.test(part) ? byField(part, toks, matches) : byFold(part, needles, matches)
    if (found >= 0) return at + found
    at = end + 1
  }
  return 0
}

// byFold finds the first matching field of a part that folds character
// for character, by searching its folded form for the needles.
function byFold(part, needles, matches) {
  const folded = fold(part)
  let best = -1
  for (const needle of needles) {
    for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i)) {
      const from = folded.lastIndexOf(' ', i) + 1
      if (best >= 0 && from >= best) break
      const to = (folded.indexOf(' ', i) + 1 || part.length + 1) - 1
      const at = matches(part.slice(from, to))
      if (at >= 0) {
        best = from + at
        break
      }
      i = to
    }
  }
  return best
}

// byField finds the first matching field of any part, field by field.
function byField(part, toks, matches) {
  let pos = 0
  for (const f of part.split(' ')) {
    const folded = fold(f)
    // A CJK word keeps marks the folded field loses (が): the field is read.
    const at = toks.some(t => isCJK(t.word) || folded.includes(t.word)) ? matches(f) : -1
    if (at >= 0) return pos + at
    pos += f.length + 1
  }
  return -1
}

// PREFIX is how many letters of a word name its shard, as meta.json's
// prefix says: known before meta.json comes.
const PREFIX = 2

// HANDFUL is how many pages must match every word of a query for those
// matching only some of them to be left out (Go's Handful); MAX_WORDS,
// how many words of a query have to match.
const HANDFUL = 5, MAX_WORDS = 64

// SYNONYM is the weight of a synonym's match (Go's weightSynonym).
const SYNONYM = 0.8

// synonymKey is Go's SynonymKey: how a query word and a word of a
// synonym compare (in French, without the final s or x of a plural).
const synonymKey = (lang, w) => (lang == 'fr' && runes(w).length > 3 && /[sx]$/.test(w) ? w.slice(0, -1) : w)

// synonymStarts are the spellings of a query word a synonym phrase may
// start with: the word, and its Telex reading.
const synonymStarts = w => {
  const t = w.telex && tokenize(w.telex)[0]?.word
  return t && t != w.word ? [w.word, t] : [w.word]
}

// phraseSlots are the words of the query, from the i-th, that spell
// phrase and have to match; null when they do not spell it.
function phraseSlots(lang, qw, i, phrase) {
  if (i + phrase.length > qw.length) return null
  const slots = []
  for (const [k, p] of phrase.entries()) {
    const w = qw[i + k]
    if (!synonymStarts(w).some(x => synonymKey(lang, x) == p)) return null
    if (!w.stop) slots.push(i + k)
  }
  return slots
}


const idf = (n, df) => Math.log(1 + (n - df + 0.5) / (df + 0.5))

// TABLE is the bytes of a term's table of scores by a posting's score
// byte (Float64s for 0..255: the scaled frequency, 1..100, plus LEAD
// where the page's title or statement has the term); a term has two,
// plain and marked.
const TABLE = 256 * 8

// LEAD is the bit of a posting's score for a match in the page's title
// or statement, which raises it by BOOST_LEAD (Go's leadScore, boostLead).
const LEAD = 128, BOOST_LEAD = 1.5

// SCORE_WASM is themes/wasm/score.wat as wat2wasm builds it, in base64:
// go test ./themes -run TestScoreWasm -update writes it, and checks it.
const SCORE_WASM = 'AGFzbQEAAAABWwpgBn9/f39/fwF8YAh/f39/f39/fwBgCX9/f39/f39/fwBgA39/fwBgB39/f39/f38AYAF8AXxgCn9/f39/fH9/f38AYAZ/f39/f38Bf2ACf38Bf2ADfH9/AX8CCwECanMDbWVtAgABAw0MAAECAwQFBgMFBwgJBzMHBGJlc3QAAQNhZGQAAgRib3RoAAMEcGFydAAEBGtleXMABgVjbGVhcgAHBWZpcnN0AAkKjAoMLAAgAQR/IAQgAyABIAVBAnRqKAIAIAJxGwUgAwsgACAFai0AAEEDdGorAwALWgMCfwF8AX8CQANAIAggA08NASAJIAAgCEECdGooAgBqIQkgASACIAQgBSAGIAgQACEKIAcgCUEDdGohCyAKIAsrAwBkBEAgCyAKOQMACyAIQQFqIQgMAAsLC2QCAn8BfAJAA0AgCSADTw0BIAogACAJQQJ0aigCAGohCiAHIApBA3RqKwMAIQsgC0QAAAAAAAAAAGIEQCAIIApBA3RqIAsgASACIAQgBSAGIAkQAKA5AwALIAlBAWohCQwACwsLaQMBfwJ8AX8CQANAIAMgAk8NASAAIANBA3RqKwMAIQQgASADQQN0aiEGIAYrAwAhBSAGIAQgBaBEAAAAAAAAAAAgBEQAAAAAAAAAAGIgBUQAAAAAAAAAAGJxGzkDACADQQFqIQMMAAsLC7UBAgR/A3wCQANAIAcgAk8NASAHQQN0IQlEAAAAAAAAAAAhC0QAAAAAAAAAACEMQQAhCkEAIQgCQANAIAggAU8NASAAIAhBAnRqKAIAIAlqKwMAIQ0gDUQAAAAAAAAAAGIEQCALIA2gIQsgDCADIAhBA3RqKwMAoCEMIApBAWohCgsgCEEBaiEIDAALCyAEIAlqIAs5AwAgBSAJaiAMOQMAIAYgB2ogCjoAACAHQQFqIQcMAAsLCyoBAXwgAJwhASAAIAGhRAAAAAAAAOA/ZgR8IAFEAAAAAAAA8D+gBSABCwusAQICfwJ8AkADQCAKIANPDQEgCkEDdCELIAAgC2orAwAhDEQAAAAAAAAAACENIAxEAAAAAAAAAABiIAZFIAYgCmotAAAgB0ZycQRAIAIgCmotAAAgBEYEQCAIIApqQQE6AAAFIAEgC2orAwAgBaNEAAAAAABq+ECiEAVEAAAAANASY0GiIAxEAAAAAABAj0CiEAWgIQ0LCyAJIAtqIA05AwAgCkEBaiEKDAALCws5AQF/AkADQCADIAJPDQEgASADai0AAARAIAAgA0EDdGpEAAAAAAAAAAA5AwALIANBAWohAwwACwsLQwECfCAARAAAAAAAQI9AoiEBIAGcIQIgASACoUQAAAAAAADgP2YEQCACRAAAAAAAAPA/oCECCyACRAAAAAAAQI9Aowv5AgMCfwJ8BH8CQANAIAYgAk8NAUQAAAAAAADwvyEJQQAhBwJAA0AgByABTw0BIAAgB0ECdGooAgAgBkEDdGorAwAhCCAIRAAAAAAAAAAAZARAIAgQCCEIIAggCWQEQCAIIQkgByEKCwsgB0EBaiEHDAALCyAJRAAAAAAAAAAAZgRAIAtBAWohCyADRQRAIAUgDEECdGogBjYCACAMQQFqIQwFIAwgA0kEQCAMIQcgDEEBaiEMBSADIQcgCSAKIAQgA0EBaxAKEAsEQCADQQFrIQcLCyAHIANJBEACQANAIAdFDQEgBCAHQQFrEAohDSAJIAogDRALRQ0BIAQgBxAKIA1BEPwKAAAgB0EBayEHDAALCyAEIAcQCiENIA0gCTkDACANIAo2AgggDSAGNgIMCwsLIAZBAWohBgwACwsgAwRAQQAhBwJAA0AgByAMTw0BIAUgB0ECdGogBCAHEAooAgw2AgAgB0EBaiEHDAALCwsgBCALNgIAIAwLDQAgAEEIaiABQQR0agscACAAIAIrAwBkIAAgAisDAGEgASACKAIISXFyCw=='

// jsKernel runs score.wat's loops in JavaScript over the same memory, to
// the same numbers, for a browser that runs no WebAssembly.
function jsKernel(buffer) {
  const i32 = new Int32Array(buffer), u8 = new Uint8Array(buffer), f64 = new Float64Array(buffer)
  const weight = (sc, masks, bit, plain, marked, j) => f64[((masks && i32[(masks >> 2) + j] & bit ? marked : plain) >> 3) + u8[sc + j]]
  return {
    best(docs, sc, masks, n, bit, plain, marked, out) {
      for (let j = 0, d = 0; j < n; j++) {
        d += i32[(docs >> 2) + j]
        const s = weight(sc, masks, bit, plain, marked, j), at = (out >> 3) + d
        if (s > f64[at]) f64[at] = s
      }
    },
    add(docs, sc, masks, n, bit, plain, marked, prev, out) {
      for (let j = 0, d = 0; j < n; j++) {
        d += i32[(docs >> 2) + j]
        const v = f64[(prev >> 3) + d]
        if (v) f64[(out >> 3) + d] = v + weight(sc, masks, bit, plain, marked, j)
      }
    },
    both(a, b, n) {
      for (let d = 0; d < n; d++) {
        const x = f64[(a >> 3) + d], y = f64[(b >> 3) + d]
        f64[(b >> 3) + d] = x && y ? x + y : 0
      }
    },
    part(arrays, k, n, idfs, sum, weight, count) {
      for (let d = 0; d < n; d++) {
        let s = 0, w = 0, c = 0
        for (let j = 0; j < k; j++) {
          const v = f64[(i32[(arrays >> 2) + j] >> 3) + d]
          if (v) (s += v), (w += f64[(idfs >> 3) + j]), c++
        }
        ;(f64[(sum >> 3) + d] = s), (f64[(weight >> 3) + d] = w), (u8[count + d] = c)
      }
    },
    keys(sum, weight, count, n, need, total, phrase, phraseWords, full, out) {
      const round = x => {
        const r = Math.floor(x)
        return x - r >= 0.5 ? r + 1 : r
      }
      for (let d = 0; d < n; d++) {
        const s = f64[(sum >> 3) + d]
        let key = 0
        if (s != 0 && (!phrase || u8[phrase + d] == phraseWords)) {
          if (u8[count + d] == need) u8[full + d] = 1
          else key = round((f64[(weight >> 3) + d] / total) * 1e5) * 1e7 + round(s * 1000)
        }
        f64[(out >> 3) + d] = key
      }
    },
    clear(out, full, n) {
      for (let d = 0; d < n; d++) if (u8[full + d]) f64[(out >> 3) + d] = 0
    },
    first(arrays, k, n, limit, top, out) {
      const offsets = Array.from({ length: k }, (_, i) => i32[(arrays >> 2) + i] >> 3), kept = []
      let total = 0
      for (let d = 0; d < n; d++) {
        let s = -1, lang = 0
        for (let i = 0; i < k; i++) {
          const v = f64[offsets[i] + d], r = Math.round(v * 1000) / 1000
          if (v > 0 && r > s) (s = r), (lang = i)
        }
        if (s < 0) continue
        if (!limit) {
          i32[(out >> 2) + total++] = d
          continue
        }
        total++
        // Documents come in order: one that ties with an entry comes after
        // it unless its language comes first.
        const before = e => s > e.s || (s == e.s && lang < e.lang)
        if (kept.length == limit && !before(kept[limit - 1])) continue
        let i = Math.min(kept.length, limit - 1)
        while (i > 0 && before(kept[i - 1])) i--
        kept.splice(i, 0, { s, lang, d })
        kept.length = Math.min(kept.length, limit)
      }
      kept.forEach((e, i) => (i32[(out >> 2) + i] = e.d))
      i32[top >> 2] = total
      return limit ? kept.length : total
    },
  }
}

// createSearch searches the index under base (the _search/ folder's URL).
// Every file is fetched once, when a query first needs it; options.fetch
// replaces the browser's fetch (node reads files from disk with it).
// decodePostings reads a posting file, as build/search/postingfile.go
// writes it: "HBP" and version 1, the number of documents n, flags (1:
// masks), then n document gaps, n scores of a byte each and, with the
// flag, n masks. Numbers other than scores are unsigned LEB128 varints.
export function decodePostings(b) {
  if (b[0] != 72 || b[1] != 66 || b[2] != 80 || b[3] != 1) throw new Error('not a posting file')
  let at = 4
  const varint = () => {
    let v = 0, scale = 1, c
    do {
      c = b[at++]
      v += (c & 127) * scale
      scale *= 128
    } while (c & 128)
    return v
  }
  const n = varint(), flags = b[at++], docs = new Int32Array(n)
  for (let i = 0; i < n; i++) docs[i] = b[at] < 128 ? b[at++] : varint()
  const scores = b.subarray(at, at + n)
  at += n
  let masks = null
  if (flags & 1) {
    masks = new Uint32Array(n)
    for (let i = 0; i < n; i++) masks[i] = b[at] < 128 ? b[at++] : varint()
  }
  if (at != b.length || scores.length != n) throw new Error('posting file: cut short or too long')
  return { docs, scores, masks }
}

export function createSearch(base, { fetch: get = u => fetch(u), wasm = typeof WebAssembly == 'object' } = {}) {
  base = base.replace(/\/?$/, '/')
  // The scoring module compiles while a query's first files download:
  // starting to compile takes the browser a few milliseconds the first
  // time, better spent once the requests are out.
  let compiling, scorerMemory
  const compiled = () => (compiling ||= wasm ? scoreModule().catch(() => null) : Promise.resolve(null))
  const scoring = async () => (scorerMemory ||= memory(await compiled()))
  const files = new Map(), lists = new WeakMap()
  const load = path => {
    if (!files.has(path)) {
      const p = (async () => {
        const r = await get(base + path)
        if (!r.ok) throw new Error(`${base + path}: ${r.status}`)
        const b = new Uint8Array(await r.arrayBuffer()), binary = path.endsWith('.bin.gz')
        if (b[0] != 31 || b[1] != 139) return binary ? decodePostings(b) : JSON.parse(new TextDecoder().decode(b)) // inflated by the server
        // A stream made here, not a Blob's: the browser would take a Blob
        // through another process and back.
        const gz = new ReadableStream({ start: c => (c.enqueue(b), c.close()) })
        const inflated = new Response(gz.pipeThrough(new DecompressionStream('gzip')))
        return binary ? decodePostings(new Uint8Array(await inflated.arrayBuffer())) : inflated.json()
      })()
      files.set(path, p)
      p.catch(() => files.delete(path))
    }
    return files.get(path)
  }
  const metas = new Map()
  const meta = async lang => {
    const m = await load(lang + '/meta.json')
    if (!metas.has(lang)) metas.set(lang, { ...m, lang, shards: new Set(m.shards), prefix: m.prefix || PREFIX, stop: m.stopWords || [] })
    return metas.get(lang)
  }
  const hexOf = s => Array.from(new TextEncoder().encode(s), b => b.toString(16).padStart(2, '0')).join('')
  // keyLength is Go's ShardKeyLengthOf: a CJK pair's shard is named by its
  // first character.
  const keyLength = (m, word) => (isCJK(word) ? 1 : m.prefix)
  const shardOf = (m, word) => hexOf(runes(word).slice(0, keyLength(m, word)).join(''))
  const shard = (m, word) => {
    const hex = shardOf(m, word.split(' ')[0])
    return m.shards.has(hex) ? load(`${m.lang}/s/${hex}.json.gz`) : null
  }
  // prefetch asks for the shards of a query's words together with
  // meta.json, rather than one round of requests after the other: before
  // meta.json has come, a shard the index lacks is asked for in vain.
  const prefetch = (lang, words) => {
    const m = metas.get(lang) || { lang, prefix: PREFIX, shards: { has: () => true } }
    for (const w of words) if (w) shard(m, w)?.catch(() => {})
  }
  // words lists a shard's single words: its terms and the words table.
  const words = sh => {
    if (!lists.has(sh)) lists.set(sh, [...Object.keys(sh.terms).filter(k => !k.includes(' ')), ...Object.keys(sh.words || {})])
    return lists.get(sh)
  }
  const postings = (m, t) => (t.docs ? t : load(`${m.lang}/${t.file}`))
  // typed are a posting list's arrays as the scoring memory holds them,
  // made once for each list.
  const typedLists = new WeakMap()
  const typed = p => {
    if (!typedLists.has(p))
      typedLists.set(p, p.docs instanceof Int32Array ? p : { docs: new Int32Array(p.docs), scores: new Uint8Array(p.scores), masks: p.masks?.length ? new Uint32Array(p.masks) : null })
    return typedLists.get(p)
  }
  const doc = (lang, n) => load(`${lang}/d/${n}.json`)

  async function lookup(m, word) {
    const sh = await shard(m, word)
    if (!sh) return null
    const key = own(sh.words, word) ?? word
    let t = own(sh.terms, key)
    if (!t && shardOf(m, key) != shardOf(m, word)) t = own((await shard(m, key))?.terms, key)
    return t ? { key, t } : null
  }

  // termOf finds an index term by its key, a word's or a pair's: {key, t}
  // or null.
  async function termOf(m, key) {
    const sp = key.indexOf(' ')
    if (sp < 0) {
      const t = own((await shard(m, key))?.terms, key)
      return t ? { key, t } : null
    }
    const first = key.slice(0, sp), sh = await shard(m, first)
    let t = own(sh?.terms, key)
    if (!t && own(sh?.terms, first)?.pairs) t = own((await load(`${m.lang}/p/${hexOf(first)}.json.gz`)).terms, key)
    return t ? { key, t } : null
  }

  // synonymsOf is Go's synonyms: for each word of a query, the index
  // terms of the synonyms of the phrases of the query it is part of (a
  // phrase is found in the shard of its first word), spread over the
  // words of the phrase that have to match.
  async function synonymsOf(m, qw) {
    const out = qw.map(() => [])
    for (const [i, w] of qw.entries()) {
      if (w.stop) continue
      for (const start of synonymStarts(w)) {
        const sh = await shard(m, start)
        for (const e of own(sh?.syn, synonymKey(m.lang, start)) || []) {
          const slots = phraseSlots(m.lang, qw, i, e.p)
          if (!slots) continue
          // The phrase's own terms (the word typed in another form) at
          // no discount, the others' at SYNONYM.
          for (const [a, alt] of [e.s || [], ...e.a].entries())
            slots.forEach((slot, k) => {
              const from = Math.trunc((k * alt.length) / slots.length)
              for (const key of alt.slice(from, Math.max(Math.trunc(((k + 1) * alt.length) / slots.length), from + 1))) out[slot].push({ key, weight: a ? SYNONYM : 1 })
            })
        }
      }
    }
    return out
  }

  // candidates are the terms a query word may stand for, as in Go; syn
  // are the terms of its synonyms.
  async function candidates(m, w, syn = []) {
    const out = [], seen = new Set()
    const add = (r, weight, form) => r && !seen.has(r.key) && seen.add(r.key) && out.push({ ...r, weight, form: form(r.t) })
    const formOf = typed => t => {
      if (typed == (tokenize(typed)[0]?.word ?? typed)) return -1
      const i = (t.forms || []).indexOf(typed)
      return i < 0 ? -2 : i
    }
    add(await lookup(m, w.word), 1, formOf(w.exact))
    if (w.telex) add(await lookup(m, tokenize(w.telex)[0].word), 1, formOf(w.telex))
    const many = async (pick, weight) => {
      const sh = await shard(m, w.word)
      if (!sh) return []
      const found = await Promise.all(words(sh).filter(pick).map(x => lookup(m, x)))
      const before = out.length
      found.forEach(r => add(r, weight, () => -1))
      return out.splice(before)
    }
    if (w.prefix && runes(w.word).length >= keyLength(m, w.word)) {
      const more = await many(x => x.startsWith(w.word) && x != w.word, 0.9)
      out.push(...more.sort((a, b) => b.t.df - a.t.df || cmp(a.key, b.key)).slice(0, 10))
    }
    for (const { key, weight } of syn) add(await termOf(m, key), weight, () => -1)
    if (!out.length && runes(w.word).length >= 5) out.push(...(await many(x => editDistance(w.word, x, 1) <= 1, 0.7)))
    return out
  }

  async function suggest(m, word) {
    const sh = await shard(m, word)
    if (!sh) return []
    return words(sh)
      .map(x => [x, editDistance(word, x, 3)])
      .filter(x => x[1] <= 3)
      .sort((a, b) => a[1] - b[1] || cmp(a[0], b[0]))
      .slice(0, 5)
      .map(x => x[0])
  }

  // scorer scores a language's terms into mem, in arrays of `ids` scores
  // by document (0: no match).
  function scorer(mem, m, ids) {
    const { buffer, run, take, put } = mem // ready for the query: it grows no more
    // tables are a term's scores for each scaled term frequency (1..100),
    // worked out as Go works them out, plain and raised for a page with
    // the form typed: looked up for each posting rather than computed.
    const tables = (t, weight) => {
      const w = idf(m.docs, t.df), at = take(2 * TABLE), plain = new Float64Array(buffer, at, 256), marked = new Float64Array(buffer, at + TABLE, 256)
      for (let v = 1; v <= 100; v++) {
        ;(plain[v] = ((w * v) / 100) * 2.2 * weight), (marked[v] = plain[v] * 1.5)
        ;(plain[v | LEAD] = ((w * (v * BOOST_LEAD)) / 100) * 2.2 * weight), (marked[v | LEAD] = plain[v | LEAD] * 1.5)
      }
      return [at, at + TABLE]
    }
    return {
      array: () => mem.zeros(ids),
      // term scores the pages of a word's candidate c into out: the best
      // of the word's candidates, or, given prev (the words before, where
      // they all matched), that plus this one, so that out holds only the
      // pages every word so far matches.
      term(c, p, out, prev) {
        const [plain, marked] = tables(c.t, c.weight), n = p.docs.length
        const tp = typed(p), masks = c.form >= 0 && tp.masks ? put(tp.masks) : 0
        // Without masks the term has one form: a page has it if it is the typed one.
        const w = c.form == 0 && !masks ? marked : plain
        const docs = put(tp.docs), sc = put(tp.scores)
        if (prev === null) run.best(docs, sc, masks, n, 1 << c.form, w, marked, out)
        else run.add(docs, sc, masks, n, 1 << c.form, w, marked, prev, out)
      },
      // raise adds a pair's scores to the pages that already have one.
      raise(t, p, scores) {
        const [plain] = tables(t, 1), tp = typed(p), docs = put(tp.docs), sc = put(tp.scores)
        run.add(docs, sc, 0, p.docs.length, 0, plain, plain, scores, scores)
      },
      both: (a, b) => run.both(a, b, ids),
      // keep is a new array of the scores of the pages of posting list p,
      // 0 elsewhere: the kernel adds them a table of zeros.
      keep(p, scores) {
        const out = mem.zeros(ids), zero = mem.zeros(TABLE / 8), tp = typed(p)
        run.add(put(tp.docs), put(tp.scores), 0, tp.docs.length, 0, zero, zero, scores, out)
        return out
      },
    }
  }

  // score is a language's scores (an array in mem), or null when it has
  // none: every word of the query must match.
  function score(mem, ids, { m, cands, adjacent, lists }) {
    const sc = scorer(mem, m, ids)
    let scores = null, i = 0
    for (const cs of cands) {
      if (!cs) continue
      const next = sc.array()
      if (scores !== null && cs.length == 1) sc.term(cs[0], lists[i++], next, scores)
      else {
        for (const c of cs) sc.term(c, lists[i++], next, null)
        if (scores !== null) sc.both(scores, next)
      }
      scores = next
    }
    // Adjacent words side by side in a page (Vietnamese pairs) score more.
    if (scores !== null) for (const t of adjacent) sc.raise(t, lists[i++], scores)
    return scores
  }

  // rank scores each language's answer in the client's scoring memory,
  // and returns the first `limit` results and how many documents match.
  async function rank(per, langs, limit) {
    const live = per.map((x, i) => ({ ...x, lang: langs[i] })).filter(x => x.scorable)
    if (!live.length) return { top: [], total: 0 }
    const ids = Math.max(...live.map(x => x.m.ids))
    let bytes = firstBytes(live.length, ids, limit)
    for (const x of live) {
      bytes += x.cands.length * ids * 8
      for (const p of [...x.lists, ...(x.side || [])]) bytes += p.docs.length * 9 + 2 * TABLE + ids * 8 + 64
    }
    const mem = (await scoring()).ready(bytes)
    const lists = live.map(x => {
      let at = score(mem, ids, x)
      // A page without a quoted phrase's words side by side matches nothing.
      for (const p of x.side || []) at = scorer(mem, x.m, ids).keep(p, at)
      return { lang: x.lang, at }
    })
    return first(mem, lists, ids, limit)
  }

  // pairs are the index's terms for adjacent words of the query, in
  // order: a frequent pair is in the first word's shard, a rare one in
  // its pair file.
  async function pairs(m, qw, keys) {
    const found = await Promise.all(
      qw.map(async (w, i) => {
        const first = keys[i - 1], key = first + ' ' + keys[i]
        if (!i || !first || !keys[i] || !w.joined) return null
        const sh = await shard(m, first)
        if (own(sh?.terms, key)) return sh.terms[key]
        if (!own(sh?.terms, first)?.pairs) return null
        return own((await load(`${m.lang}/p/${hexOf(first)}.json.gz`)).terms, key) || null
      })
    )
    return found.filter(Boolean)
  }

  async function queryLang(query, lang) {
    const m0 = meta(lang)
    prefetch(lang, parseQuery(query, lang).flatMap(w => [w.word, w.telex && tokenize(w.telex)[0]?.word]))
    compiled()
    const m = await m0, qw = parseQuery(query, lang, m.stop)
    // At most MAX_WORDS words have to match; the rest count as stop words.
    let count = 0
    for (const w of qw) if (!w.stop && count++ == MAX_WORDS) (w.stop = true), count--
    const syn = await synonymsOf(m, qw)
    const cands = await Promise.all(qw.map((w, i) => (w.stop ? null : candidates(m, w, syn[i]))))
    const keys = cands.map(cs => cs?.[0]?.key || '')
    // Fetch every posting list and pair file the query needs at once, not
    // one after another.
    const words = cands.flat().filter(Boolean).map(c => c.t), wordPostings = Promise.all(words.map(t => postings(m, t)))
    const adjacent = await pairs(m, qw, keys)
    const pairPostings = Promise.all(adjacent.map(t => postings(m, t)))
    const loaded = [...(await wordPostings), ...(await pairPostings)]
    const missing = [], found = [], need = [], idfs = [], phrase = []
    for (const [i, w] of qw.entries()) {
      const cs = cands[i]
      if (!cs) continue
      if (w.phrase) phrase.push(need.length)
      need.push(w.word)
      idfs.push(idf(m.docs, cs.length ? cs[0].t.df : 0))
      if (cs.length) found.push(...cs.map(c => c.key))
      else missing.push({ word: w.word, suggestions: await suggest(m, w.word) })
    }
    // With a word that matches nothing, no page matches every word.
    const side = await phrasePages(m, qw, keys)
    return { missing, found, need, idfs, phrase, side, scorable: !missing.length && cands.some(Boolean), m, cands, adjacent, lists: loaded }
  }

  // pairTerm is the index's entry for the pair of terms first and
  // second, as Go's pair: from the shard of first if the pair is
  // frequent, from the pair file of first if it is rare; or null.
  async function pairTerm(m, first, second) {
    const key = first + ' ' + second, sh = await shard(m, first)
    if (own(sh?.terms, key)) return sh.terms[key]
    if (!own(sh?.terms, first)?.pairs) return null
    return own((await load(`${m.lang}/p/${hexOf(first)}.json.gz`)).terms, key) || null
  }

  // phrasePages is Go's phrasePages: the posting lists of the pairs of
  // adjacent words of the query's quoted phrases (an empty list for a
  // pair the index lacks), whose pages alone may match; null when that
  // asks nothing of a page (no phrase, or an index without pairs).
  async function phrasePages(m, qw, keys) {
    if (m.lang != 'vi') return null
    let side = null
    for (let i = 1; i < qw.length; i++) {
      const a = qw[i - 1], b = qw[i]
      if (!b.phrase || b.phrase != a.phrase || a.stop || b.stop) continue
      const t = keys[i - 1] && keys[i] ? await pairTerm(m, keys[i - 1], keys[i]) : null
      ;(side ||= []).push(t ? await postings(m, t) : { docs: new Int32Array(0), scores: new Uint8Array(0), masks: null })
    }
    return side
  }

  // partial finds, in every language, the pages that match some of the
  // words and not all (as Go's Query), when a query has more than one:
  // {top, total}, the first n of them best first, by the share of the
  // query's weight (its words' IDF) they match, then by score, language
  // and document, a page and its translations once, and none that matches
  // every word in a language. The kernel adds each page's words up (part),
  // makes keys of the share and the score that order as the two do
  // (keys), and finds the first (first), so that no loop of JavaScript
  // walks every document.
  async function partial(per, langs, n) {
    const live = per.map((x, i) => ({ ...x, lang: langs[i] })).filter(x => x.need.length > 1)
    if (!live.length) return { top: [], total: 0 }
    const ids = Math.max(...live.map(x => x.m.ids)), limit = n == Infinity ? 0 : n
    let bytes = firstBytes(live.length, ids, limit) + ids + 64
    for (const x of live) {
      bytes += (x.cands.length + 4) * ids * 8 + 2 * ids + x.cands.length * 12 + 128
      for (const p of [...x.lists, ...(x.side || [])]) bytes += p.docs.length * 9 + 2 * TABLE + ids * 8 + 64
    }
    const mem = (await scoring()).ready(bytes), run = mem.run, full = mem.take(ids)
    new Uint8Array(mem.buffer, full, ids).fill(0)
    const lists = [], arraysOf = new Map()
    for (const x of live) {
      const sc = scorer(mem, x.m, ids), offsets = []
      let i = 0
      for (const cs of x.cands) {
        if (!cs) continue
        const a = sc.array()
        for (const c of cs) sc.term(c, x.lists[i++], a, null)
        offsets.push(a)
      }
      arraysOf.set(x.lang, offsets.map(a => new Float64Array(mem.buffer, a, ids)))
      // Each document's words added up: their scores, the weight (IDF) of
      // the words, and how many; then the pairs.
      const at = mem.take(ids * 8), weight = mem.take(ids * 8), count = mem.take(ids)
      run.part(mem.put(new Int32Array(offsets)), offsets.length, ids, mem.put(new Float64Array(x.idfs)), at, weight, count)
      for (const t of x.adjacent) sc.raise(t, x.lists[i++], at)
      // A page without a quoted phrase's words side by side, or without
      // one of them, matches nothing.
      let kept = at, phrase = 0
      for (const p of x.side || []) kept = sc.keep(p, kept)
      if (x.phrase.length) {
        const scratch = mem.take(ids * 16)
        phrase = mem.take(ids)
        run.part(mem.put(new Int32Array(x.phrase.map(j => offsets[j]))), x.phrase.length, ids, mem.put(new Float64Array(x.phrase.length)), scratch, scratch + ids * 8, phrase)
      }
      const keys = mem.take(ids * 8), total = x.idfs.reduce((a, b) => a + b, 0)
      run.keys(kept, weight, count, ids, x.need.length, total, phrase, x.phrase.length, full, keys)
      lists.push({ lang: x.lang, at: keys })
    }
    for (const l of lists) run.clear(l.at, full, ids)
    const { top, total } = first(mem, lists, ids, limit)
    const shown = n == 0 ? [] : top
    for (const e of shown) {
      const arrays = arraysOf.get(e.lang), need = live.find(x => x.lang == e.lang).need
      // The key back into the share and the score (both rounded, as Go's).
      const q = Math.floor(e.score / 1e7)
      e.score = (e.score - q * 1e7) / 1000
      e.matched = need.filter((_, j) => arrays[j][e.doc])
      e.missing = need.filter((_, j) => !arrays[j][e.doc])
    }
    return { top: shown, total }
  }

  // query answers {results, total, full, unmatched, without} like Go's
  // Searcher.Query, and keys, the index terms the words matched, for
  // highlighting. Only the documents shown are fetched: a page and its
  // translations share their document number, which is all listing them
  // once needs.
  async function query(q, { langs = ['vi'], limit = 10 } = {}) {
    const per = await Promise.all(langs.map(l => queryLang(q, l)))
    const order = new Map(), hit = new Set(), keys = new Set()
    for (const { missing, found } of per) {
      for (const { word, suggestions } of missing) {
        const a = order.get(word) || order.set(word, []).get(word)
        for (const s of suggestions) a.includes(s) || a.push(s)
      }
      const miss = new Set(missing.map(x => x.word))
      for (const t of tokenize(q)) miss.has(t.word) || hit.add(t.word)
      found.forEach(k => keys.add(k))
    }
    const { top, total: full } = await rank(per, langs, limit)
    const needOf = new Map(per.map((x, i) => [langs[i], x.need]))
    for (const r of top) r.matched = needOf.get(r.lang)
    let shown = top, total = full
    if (full < HANDFUL) {
      const p = await partial(per, langs, limit ? Math.max(limit - top.length, 0) : Infinity)
      shown = [...top, ...p.top]
      total += p.total
    }
    const results = await Promise.all(
      shown.map(async ({ lang, doc: n, score, matched, missing }) => {
        const d = await doc(lang, n)
        const r = { title: d.title, url: d.url, lang, kind: d.kind || '', snippet: snippet(d.text, q, 160, metas.get(lang).version >= 3), score, matched, key: d.key }
        if (missing?.length) r.missing = missing
        return r
      })
    )
    const unmatched = [...order].filter(([w]) => !hit.has(w)).map(([word, suggestions]) => ({ word, suggestions }))
    const without = results.find(r => r.missing)?.missing || []
    return { results, total, full, unmatched, without, keys: [...keys] }
  }

  // kernel says what scores: "wasm" or "js".
  const kernel = async () => ((await compiled()) ? 'wasm' : 'js')

  return { query, meta, kernel }
}

// The user interface.

const RUN = /[\p{L}\p{Nd}\p{M}]+/gu

// matcher says whether a folded word of a page matches the query: one of
// its words (or their Telex reading), the last word as a prefix, an index
// term it matched; in French, words sharing that term's stem.
function matcher(query, keys = []) {
  const toks = tokenize(query), words = new Set(keys), last = toks.at(-1)?.word || ''
  for (const t of toks) words.add(t.word), words.add(fold(fromTelex(t.word) || ''))
  words.delete('')
  return (w, fr) => words.has(w) || (runes(last).length > 1 && w.startsWith(last)) || (fr && keys.some(k => k.length > 2 && w.startsWith(k)))
}

// mark appends text to parent with the matching words in <mark>.
function mark(parent, text, match, className) {
  let at = 0
  for (const m of text.matchAll(RUN)) {
    if (!match(fold(m[0]))) continue
    parent.append(text.slice(at, m.index), el('mark', className, m[0]))
    at = m.index + m[0].length
  }
  parent.append(text.slice(at))
}

// highlight marks the words of the query the reader came with (?q=) in
// the page's main text, and scrolls to the first.
function highlight(query) {
  const main = document.querySelector('main'), match = matcher(query), nodes = []
  if (!main) return
  const walk = document.createTreeWalker(main, NodeFilter.SHOW_TEXT)
  while (walk.nextNode()) if (!walk.currentNode.parentElement.closest('script,style,mark')) nodes.push(walk.currentNode)
  for (const n of nodes) {
    const f = document.createDocumentFragment()
    mark(f, n.data, match, 'search-hit')
    if (f.querySelector('mark')) n.replaceWith(f)
  }
  document.querySelector('mark.search-hit')?.scrollIntoView({ block: 'center' })
}

// el makes an element with its classes, if any (an element made without
// them has no class attribute, not class="undefined"), and its text.
const el = (tag, className, text) => Object.assign(document.createElement(tag), className ? { className } : {}, text == null ? {} : { textContent: text })
const fmt = (s, args) => s.replace(/\{(\w+)\}/g, (_, k) => args[k])

function ui(root) {
  const $ = s => root.querySelector(s)
  const input = $('[role=combobox]'), list = $('[role=listbox]'), panel = $('.search-panel'), msg = $('.search-message')
  const live = $('[aria-live]'), scope = $('.search-scope input'), S = JSON.parse($('.search-strings').textContent)
  const lang = document.documentElement.lang, langs = root.dataset.langs.split(' ')
  const intl = (C, o) => {
    try {
      return new C([lang], o)
    } catch {}
  }
  const plural = intl(Intl.PluralRules), names = intl(Intl.DisplayNames, { type: 'language' })
  let search, timer, seq = 0, active = -1, items = [], dirty = false
  const open = on => ((panel.hidden = !on), input.setAttribute('aria-expanded', on))
  const start = () => (search ||= createSearch(root.dataset.search))
  const select = i => {
    active = i
    items.forEach((li, k) => li.setAttribute('aria-selected', k == i))
    if (i < 0) return input.removeAttribute('aria-activedescendant')
    input.setAttribute('aria-activedescendant', items[i].id)
    items[i].scrollIntoView({ block: 'nearest' })
  }

  async function run() {
    clearTimeout(timer)
    dirty = false
    const q = input.value, n = ++seq
    if (!q.trim()) return show(q, { results: [], total: 0, unmatched: [] }), open(false)
    let ans
    try {
      ans = await start().query(q, { langs: scope.checked ? langs : [lang], limit: 10 })
      // No page of the reader's language has every word: do the others?
      const others = langs.filter(l => l != lang)
      if (!scope.checked && !ans.full && others.length && n == seq) {
        const o = await start().query(q, { langs: others, limit: 1 })
        if (o.full) ans.elsewhere = { n: o.full, lang: others.length == 1 ? others[0] : '' }
      }
    } catch (e) {
      if (n == seq) msg.replaceChildren(el('p', '', S.error)), open(true)
      throw e
    }
    if (n == seq) show(q, ans), open(true)
  }

  function show(q, ans) {
    const match = matcher(q, ans.keys)
    items = ans.results.map((r, i) => {
      const li = el('li', 'search-result'), a = el('a'), other = r.lang != lang
      const title = el('span', 'search-title'), text = el('span', 'search-snippet')
      li.id = 'site-search-option-' + i
      li.setAttribute('role', 'option')
      Object.assign(li.dataset, { key: r.key, lang: r.lang })
      a.href = r.url + '?q=' + encodeURIComponent(q)
      a.tabIndex = -1
      mark(title, r.title, w => match(w, r.lang == 'fr'))
      mark(text, r.snippet, w => match(w, r.lang == 'fr'))
      a.append(el('span', 'search-kind', S.kinds[r.kind] || S.kinds.page), title)
      if (other) {
        title.lang = text.lang = r.lang
        a.append(Object.assign(el('span', 'search-lang', names?.of(r.lang) || r.lang), { lang }))
      }
      a.append(text)
      if (r.missing) a.append(el('span', 'search-without', fmt(S.resultWithout, { words: r.missing.join(', ') })))
      li.append(a)
      return li
    })
    list.replaceChildren(...items)
    const notes = ans.unmatched.map(u => {
      const p = el('p', '', fmt(S.unmatched, { word: u.word }))
      if (u.suggestions.length) {
        const [before, after] = S.closest.split('{words}')
        p.append(' ', before)
        u.suggestions.forEach((s, i) => {
          const b = el('button', 'search-suggestion', s)
          b.type = 'button'
          b.onclick = () => {
            input.value = tokenize(input.value).map(t => (t.word == u.word ? s : t.exact)).join(' ')
            input.focus()
            run()
          }
          p.append(i ? ', ' : '', b)
        })
        p.append(after)
      }
      return p
    })
    if (ans.without?.length) notes.push(el('p', 'search-partial', fmt(S.without, { words: ans.without.join(', ') })))
    if (ans.elsewhere) {
      // The other languages' results, in one click: all languages, where
      // a page and its translation are listed once.
      const { n, lang: other } = ans.elsewhere
      const b = el('button', 'search-elsewhere', fmt(S.elsewhere, { n, lang: other ? names?.of(other) || other : '' }).replace(/  +/g, ' '))
      b.type = 'button'
      b.onclick = () => {
        scope.checked = true
        input.focus()
        run()
      }
      const p = el('p', 'search-elsewhere-note')
      p.append(b)
      notes.unshift(p)
    }
    if (q.trim() && !ans.total && !notes.length) notes.push(el('p', '', S.none))
    msg.replaceChildren(...notes)
    live.textContent = q.trim() ? fmt(S[plural?.select(ans.total) == 'one' ? 'one' : 'other'], { n: ans.total }) : ''
    select(-1)
  }

  input.addEventListener('focus', () => {
    start().meta(lang).catch(() => {})
    // Back in the box: show its results again (or, on a page opened from
    // a result, the results of the query it came with).
    if (input.value.trim()) items.length || msg.firstChild ? open(true) : run()
  })
  input.addEventListener('input', () => {
    dirty = true
    clearTimeout(timer)
    timer = setTimeout(run, 80)
  })
  input.addEventListener('keydown', async e => {
    const n = items.length
    if (e.key == 'ArrowDown' || e.key == 'ArrowUp') {
      if (!n) return
      e.preventDefault()
      if (panel.hidden) open(true), select(-1)
      select(active < 0 ? (e.key == 'ArrowDown' ? 0 : n - 1) : (active + (e.key == 'ArrowDown' ? 1 : -1) + n) % n)
    } else if (e.key == 'Enter') {
      e.preventDefault()
      if (dirty) await run()
      const a = items[Math.max(active, 0)]?.firstChild
      if (a) location.href = a.href
    } else if (e.key == 'Escape') {
      e.preventDefault()
      if (!panel.hidden) open(false)
      else if (input.value) (input.value = ''), run()
    }
  })
  scope.addEventListener('change', run)
  root.addEventListener('focusout', e => e.relatedTarget && !root.contains(e.relatedTarget) && open(false))
  document.addEventListener('pointerdown', e => root.contains(e.target) || open(false))
  document.addEventListener('keydown', e => {
    const t = e.target
    if (e.altKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return
    if ((e.key == '/' && !e.ctrlKey && !e.metaKey) || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() == 'k')) {
      e.preventDefault()
      input.focus()
      input.select()
    }
  })
  root.dataset.ready = ''
}

if (typeof document == 'object') {
  const q = new URLSearchParams(location.search).get('q'), root = document.querySelector('[data-search]')
  if (q) highlight(q)
  if (root) {
    ui(root)
    if (q) root.querySelector('[role=combobox]').value = q
  }
}
