;; The scoring loops of the default theme's search client (search.js),
;; which walk every posting of a query's terms. Run as WebAssembly, they
;; go at full speed from their first call: a first query is the only one
;; many readers make, and the JavaScript engine would run it in its
;; interpreter. search.js holds this module's bytes (base64, in
;; SCORE_WASM) and the same loops in JavaScript (jsKernel) for a browser
;; that runs no WebAssembly; both give the same numbers, Go's.
;;
;; Rebuild after a change: go test ./themes -run TestScoreWasm -update
;; (needs wat2wasm, from Debian's wabt).
;;
;; Memory, given by search.js: posting lists as Int32 gaps between
;; document numbers ($docs), Uint8 scores of postings ($sc: scaled term
;; frequencies 1..100, plus 128 for a match in a title or statement),
;; Int32 masks of the forms each document has ($masks, 0 when the term has
;; one form), Float64 tables of a term's score by scaled frequency ($plain,
;; $marked: the latter for a document with the form the reader typed), and
;; Float64 arrays of scores by document ($out, $prev: 0 is no match).
(module
  (import "js" "mem" (memory 1))

  ;; $weight is the score posting $j adds.
  (func $weight (param $sc i32) (param $masks i32) (param $bit i32)
      (param $plain i32) (param $marked i32) (param $j i32) (result f64)
    (f64.load
      (i32.add
        (if (result i32) (local.get $masks)
          (then
            (select (local.get $marked) (local.get $plain)
              (i32.and
                (i32.load (i32.add (local.get $masks) (i32.shl (local.get $j) (i32.const 2))))
                (local.get $bit))))
          (else (local.get $plain)))
        (i32.shl (i32.load8_u (i32.add (local.get $sc) (local.get $j))) (i32.const 3)))))

  ;; best raises each document's score in $out to what the term gives it,
  ;; if that is more: the best of a word's candidate terms.
  (func (export "best") (param $docs i32) (param $sc i32) (param $masks i32) (param $n i32)
      (param $bit i32) (param $plain i32) (param $marked i32) (param $out i32)
    (local $j i32) (local $d i32) (local $s f64) (local $at i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $d (i32.add (local.get $d)
          (i32.load (i32.add (local.get $docs) (i32.shl (local.get $j) (i32.const 2))))))
        (local.set $s (call $weight (local.get $sc) (local.get $masks) (local.get $bit)
          (local.get $plain) (local.get $marked) (local.get $j)))
        (local.set $at (i32.add (local.get $out) (i32.shl (local.get $d) (i32.const 3))))
        (if (f64.gt (local.get $s) (f64.load (local.get $at)))
          (then (f64.store (local.get $at) (local.get $s))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next))))

  ;; add sets a document's score in $out to its score in $prev plus what
  ;; the term gives it, for the documents $prev has: those every word
  ;; before matched. $out may be $prev.
  (func (export "add") (param $docs i32) (param $sc i32) (param $masks i32) (param $n i32)
      (param $bit i32) (param $plain i32) (param $marked i32) (param $prev i32) (param $out i32)
    (local $j i32) (local $d i32) (local $v f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $d (i32.add (local.get $d)
          (i32.load (i32.add (local.get $docs) (i32.shl (local.get $j) (i32.const 2))))))
        (local.set $v (f64.load (i32.add (local.get $prev) (i32.shl (local.get $d) (i32.const 3)))))
        (if (f64.ne (local.get $v) (f64.const 0))
          (then
            (f64.store (i32.add (local.get $out) (i32.shl (local.get $d) (i32.const 3)))
              (f64.add (local.get $v)
                (call $weight (local.get $sc) (local.get $masks) (local.get $bit)
                  (local.get $plain) (local.get $marked) (local.get $j))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next))))

  ;; both keeps in $b the documents both $a and $b score, with the sum of
  ;; their scores, over $n documents.
  (func (export "both") (param $a i32) (param $b i32) (param $n i32)
    (local $d i32) (local $x f64) (local $y f64) (local $at i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $d) (local.get $n)))
        (local.set $x (f64.load (i32.add (local.get $a) (i32.shl (local.get $d) (i32.const 3)))))
        (local.set $at (i32.add (local.get $b) (i32.shl (local.get $d) (i32.const 3))))
        (local.set $y (f64.load (local.get $at)))
        (f64.store (local.get $at)
          (select (f64.add (local.get $x) (local.get $y)) (f64.const 0)
            (i32.and (f64.ne (local.get $x) (f64.const 0)) (f64.ne (local.get $y) (f64.const 0)))))
        (local.set $d (i32.add (local.get $d) (i32.const 1)))
        (br $next))))

  ;; part adds up, for each of the $n documents, the $k arrays of word
  ;; scores whose offsets are the Int32s at $arrays, for a query's partial
  ;; matches: at $sum (Float64s) the scores that are not 0, in the words'
  ;; order, at $weight (Float64s) the sum of the Float64s at $idfs of those
  ;; words, and at $count (a byte each) how many they are.
  (func (export "part") (param $arrays i32) (param $k i32) (param $n i32) (param $idfs i32)
      (param $sum i32) (param $weight i32) (param $count i32)
    (local $d i32) (local $j i32) (local $off i32) (local $c i32)
    (local $s f64) (local $w f64) (local $v f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $d) (local.get $n)))
        (local.set $off (i32.shl (local.get $d) (i32.const 3)))
        (local.set $s (f64.const 0))
        (local.set $w (f64.const 0))
        (local.set $c (i32.const 0))
        (local.set $j (i32.const 0))
        (block $words
          (loop $word
            (br_if $words (i32.ge_u (local.get $j) (local.get $k)))
            (local.set $v (f64.load (i32.add
              (i32.load (i32.add (local.get $arrays) (i32.shl (local.get $j) (i32.const 2))))
              (local.get $off))))
            (if (f64.ne (local.get $v) (f64.const 0))
              (then
                (local.set $s (f64.add (local.get $s) (local.get $v)))
                (local.set $w (f64.add (local.get $w)
                  (f64.load (i32.add (local.get $idfs) (i32.shl (local.get $j) (i32.const 3))))))
                (local.set $c (i32.add (local.get $c) (i32.const 1)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $word)))
        (f64.store (i32.add (local.get $sum) (local.get $off)) (local.get $s))
        (f64.store (i32.add (local.get $weight) (local.get $off)) (local.get $w))
        (i32.store8 (i32.add (local.get $count) (local.get $d)) (local.get $c))
        (local.set $d (i32.add (local.get $d) (i32.const 1)))
        (br $next))))

;; $round is $x rounded to a whole number as JavaScript's Math.round
  ;; and Go's math.Round round it, for $x >= 0 (ties up).
  (func $round (param $x f64) (result f64)
    (local $r f64)
    (local.set $r (f64.floor (local.get $x)))
    (if (result f64) (f64.ge (f64.sub (local.get $x) (local.get $r)) (f64.const 0.5))
      (then (f64.add (local.get $r) (f64.const 1)))
      (else (local.get $r))))

  ;; keys writes at $out the key of each of the $n documents as a partial
  ;; match, from what part left at $sum, $weight and $count: 0 where the
  ;; page matches no word ($sum is 0), where it lacks a word of a quoted
  ;; phrase (its count at $phrase, a byte each, is not $phrase_words; no
  ;; check when $phrase is 0), and where it matches all $need words, which
  ;; it marks with a 1 at $full (a byte each); otherwise its share of the
  ;; query's weight $total to five decimals, times 1e7, plus its score to
  ;; three decimals, times 1000: whole numbers, which first orders as it
  ;; orders scores, share first.
  (func (export "keys") (param $sum i32) (param $weight i32) (param $count i32) (param $n i32)
      (param $need i32) (param $total f64) (param $phrase i32) (param $phrase_words i32)
      (param $full i32) (param $out i32)
    (local $d i32) (local $off i32) (local $s f64) (local $key f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $d) (local.get $n)))
        (local.set $off (i32.shl (local.get $d) (i32.const 3)))
        (local.set $s (f64.load (i32.add (local.get $sum) (local.get $off))))
        (local.set $key (f64.const 0))
        (if (i32.and (f64.ne (local.get $s) (f64.const 0))
              (i32.or (i32.eqz (local.get $phrase))
                (i32.eq (i32.load8_u (i32.add (local.get $phrase) (local.get $d))) (local.get $phrase_words))))
          (then
            (if (i32.eq (i32.load8_u (i32.add (local.get $count) (local.get $d))) (local.get $need))
              (then (i32.store8 (i32.add (local.get $full) (local.get $d)) (i32.const 1)))
              (else
                (local.set $key (f64.add
                  (f64.mul
                    (call $round (f64.mul
                      (f64.div (f64.load (i32.add (local.get $weight) (local.get $off))) (local.get $total))
                      (f64.const 1e5)))
                    (f64.const 1e7))
                  (call $round (f64.mul (local.get $s) (f64.const 1000)))))))))
        (f64.store (i32.add (local.get $out) (local.get $off)) (local.get $key))
        (local.set $d (i32.add (local.get $d) (i32.const 1)))
        (br $next))))

  ;; clear zeroes the keys at $out of the $n documents marked at $full.
  (func (export "clear") (param $out i32) (param $full i32) (param $n i32)
    (local $d i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $d) (local.get $n)))
        (if (i32.load8_u (i32.add (local.get $full) (local.get $d)))
          (then (f64.store (i32.add (local.get $out) (i32.shl (local.get $d) (i32.const 3))) (f64.const 0))))
        (local.set $d (i32.add (local.get $d) (i32.const 1)))
        (br $next))))

  ;; $rounded is $v rounded to three decimals as JavaScript's
  ;; Math.round(v * 1000) / 1000 rounds it, for $v >= 0 (ties up; the
  ;; fraction x - floor(x) is exact).
  (func $rounded (param $v f64) (result f64)
    (local $x f64) (local $r f64)
    (local.set $x (f64.mul (local.get $v) (f64.const 1000)))
    (local.set $r (f64.floor (local.get $x)))
    (if (f64.ge (f64.sub (local.get $x) (local.get $r)) (f64.const 0.5))
      (then (local.set $r (f64.add (local.get $r) (f64.const 1)))))
    (f64.div (local.get $r) (f64.const 1000)))

  ;; first writes at $out the documents of the $n that are among the
  ;; first $limit, in Go's order (rounded score, then language, then
  ;; document: the $k arrays of scores, whose offsets are the Int32s at
  ;; $arrays, come in the order of their languages), or every document
  ;; that matches when $limit is 0, and returns how many. It leaves at $top
  ;; how many documents match (an Int32), and needs the $limit entries
  ;; after it (16 bytes each: the rounded score, the array, the document).
  (func (export "first") (param $arrays i32) (param $k i32) (param $n i32)
      (param $limit i32) (param $top i32) (param $out i32) (result i32)
    (local $d i32) (local $i i32) (local $v f64) (local $s f64) (local $lang i32)
    (local $total i32) (local $kept i32) (local $at i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $d) (local.get $n)))
        ;; the best rounded score of the document, and the first array with it
        (local.set $s (f64.const -1))
        (local.set $i (i32.const 0))
        (block $scored
          (loop $array
            (br_if $scored (i32.ge_u (local.get $i) (local.get $k)))
            (local.set $v (f64.load (i32.add
              (i32.load (i32.add (local.get $arrays) (i32.shl (local.get $i) (i32.const 2))))
              (i32.shl (local.get $d) (i32.const 3)))))
            (if (f64.gt (local.get $v) (f64.const 0))
              (then
                (local.set $v (call $rounded (local.get $v)))
                (if (f64.gt (local.get $v) (local.get $s))
                  (then (local.set $s (local.get $v)) (local.set $lang (local.get $i))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $array)))
        (if (f64.ge (local.get $s) (f64.const 0))
          (then
            (local.set $total (i32.add (local.get $total) (i32.const 1)))
            (if (i32.eqz (local.get $limit))
              (then
                (i32.store (i32.add (local.get $out) (i32.shl (local.get $kept) (i32.const 2))) (local.get $d))
                (local.set $kept (i32.add (local.get $kept) (i32.const 1))))
              (else
                ;; Documents come in order: one that ties with an entry
                ;; comes after it unless its language comes first.
                (if (i32.lt_u (local.get $kept) (local.get $limit))
                  (then
                    (local.set $i (local.get $kept))
                    (local.set $kept (i32.add (local.get $kept) (i32.const 1))))
                  (else
                    (local.set $i (local.get $limit))
                    (if (call $before (local.get $s) (local.get $lang)
                          (call $entry (local.get $top) (i32.sub (local.get $limit) (i32.const 1))))
                      (then (local.set $i (i32.sub (local.get $limit) (i32.const 1)))))))
                (if (i32.lt_u (local.get $i) (local.get $limit))
                  (then
                    (block $placed
                      (loop $shift
                        (br_if $placed (i32.eqz (local.get $i)))
                        (local.set $at (call $entry (local.get $top) (i32.sub (local.get $i) (i32.const 1))))
                        (br_if $placed (i32.eqz (call $before (local.get $s) (local.get $lang) (local.get $at))))
                        (memory.copy (call $entry (local.get $top) (local.get $i)) (local.get $at) (i32.const 16))
                        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
                        (br $shift)))
                    (local.set $at (call $entry (local.get $top) (local.get $i)))
                    (f64.store (local.get $at) (local.get $s))
                    (i32.store offset=8 (local.get $at) (local.get $lang))
                    (i32.store offset=12 (local.get $at) (local.get $d))))))))
        (local.set $d (i32.add (local.get $d) (i32.const 1)))
        (br $next)))
    (if (local.get $limit)
      (then
        (local.set $i (i32.const 0))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $i) (local.get $kept)))
            (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
              (i32.load offset=12 (call $entry (local.get $top) (local.get $i))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $next)))))
    (i32.store (local.get $top) (local.get $total))
    (local.get $kept))

  ;; $entry is the address of entry $i of the first kept, after $top.
  (func $entry (param $top i32) (param $i i32) (result i32)
    (i32.add (i32.add (local.get $top) (i32.const 8)) (i32.shl (local.get $i) (i32.const 4))))

  ;; $before says a later document with rounded score $s in array $lang
  ;; comes before the entry at $at.
  (func $before (param $s f64) (param $lang i32) (param $at i32) (result i32)
    (i32.or (f64.gt (local.get $s) (f64.load (local.get $at)))
      (i32.and (f64.eq (local.get $s) (f64.load (local.get $at)))
        (i32.lt_u (local.get $lang) (i32.load offset=8 (local.get $at)))))))
