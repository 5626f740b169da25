#!/usr/bin/env bash
# Times the live preview beside Hugo's on generated corpora: from the save
# of a page to the reload message the browsers get, for `handbook serve`
# (Server-Sent Events) and `hugo server` (its livereload WebSocket), one
# server after the other on the same corpus, with the reload program
# (internal/bench/reload). Prints each one's median, minimum and maximum and
# the ratio of the medians.
#
# Usage: internal/bench/reload.sh GENCORPUS_DIR [PAGES ...]
#   GENCORPUS_DIR  the folder of the benchmark corpus generator (gencorpus)
#   PAGES          pages per language of each corpus (default: 1000 10000)
# Environment:
#   BENCH_OUT      where the corpora are written (default: a temporary folder)
#   BENCH_EDITS    edits measured per server (default: 20)
#   BENCH_PAUSE    pause between edits (default: 500ms)
# Needs hugo v0.165.0 on PATH (go install github.com/gohugoio/hugo@v0.165.0).
set -euo pipefail

if [ $# -lt 1 ] || [ ! -f "$1/main.go" ]; then
  echo "usage: $0 GENCORPUS_DIR [PAGES ...]" >&2
  exit 2
fi
gen=$(cd "$1" && pwd)
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
command -v hugo >/dev/null || { echo "$0: hugo is not installed" >&2; exit 1; }

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
out=${BENCH_OUT:-$work}
edits=${BENCH_EDITS:-20}
pause=${BENCH_PAUSE:-500ms}
trap 'rm -rf "$work" "$out"/reload-c*' EXIT

(cd "$repo" && go build -o "$work/handbook" ./cmd/handbook && go build -o "$work/reload" ./internal/bench/reload)
echo "handbook: $("$work/handbook" version)"
echo "hugo:     $(hugo version)"
echo

median() { sed -n 's/.*: median \([0-9.]*\) ms.*/\1/p' "$1"; }

for n in "${sizes[@]}"; do
  corpus="$out/reload-c$n"
  (cd "$gen" && go run . -pages "$n" -out "$corpus" >/dev/null)
  echo "== corpus: $n pages per language; $edits edits, ${pause} apart"
  for tool in handbook hugo; do
    bin=hugo
    [ "$tool" = handbook ] && bin="$work/handbook"
    "$work/reload" -tool "$tool" -bin "$bin" -n "$edits" -pause "$pause" "$corpus" | tee "$work/$tool-$n.txt"
  done
  awk -v h="$(median "$work/handbook-$n.txt")" -v g="$(median "$work/hugo-$n.txt")" \
    'BEGIN { printf "hugo / handbook (medians): %.0f×\n\n", g / h }'
done
