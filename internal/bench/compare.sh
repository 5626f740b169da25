#!/usr/bin/env bash
# Times `handbook build` beside Hugo and the goldmark floor on generated
# corpora, in one hyperfine run per corpus, and prints the ratios and the
# peak memory of each.
#
# Usage: internal/bench/compare.sh GENCORPUS_DIR [PAGES ...]
#   GENCORPUS_DIR  the folder of the benchmark corpus generator (gencorpus)
#   PAGES          pages per language of each corpus (default: 1000 10000)
# Environment:
#   BENCH_OUT      where the sites are written (default: a temporary folder;
#                  /dev/shm takes the disk out of the measurement)
#   BENCH_RUNS     hyperfine runs per command (default: 5)
# Needs hyperfine (Debian package) and hugo v0.165.0 on PATH
# (go install github.com/gohugoio/hugo@v0.165.0).
set -euo pipefail

if [ $# -lt 1 ] || [ ! -f "$1/main.go" ]; then
  echo "usage: $0 GENCORPUS_DIR [PAGES ...]" >&2
  exit 2
fi
gen=$(cd "$1" && pwd)
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
for tool in hyperfine hugo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is not installed" >&2; exit 1; }
done

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
out=${BENCH_OUT:-$work}
runs=${BENCH_RUNS:-5}
trap 'rm -rf "$work" "$out"/bench-*' EXIT

(cd "$repo" && go build -o "$work/handbook" ./cmd/handbook && go build -o "$work/floor" ./internal/bench/floor)
echo "handbook: $("$work/handbook" version)"
echo "hugo:     $(hugo version)"
echo

for n in "${sizes[@]}"; do
  corpus="$work/c$n"
  (cd "$gen" && go run . -pages "$n" -out "$corpus" >/dev/null)
  echo "== corpus: $n pages per language ($(du -sh "$corpus/content" | cut -f1) of Markdown)"
  hyperfine --warmup 1 --runs "$runs" --style basic \
    --prepare "rm -rf '$out/bench-floor' '$out/bench-handbook' '$out/bench-handbook-core' '$out/bench-hugo' '$out/bench-hugo-pages'" \
    --export-markdown "$work/result-$n.md" \
    -n floor "'$work/floor' '$corpus/content' '$out/bench-floor'" \
    -n handbook "'$work/handbook' build --source '$corpus' --dest '$out/bench-handbook'" \
    -n handbook-no-search "'$work/handbook' build --search=false --source '$corpus' --dest '$out/bench-handbook-core'" \
    -n hugo-pages "hugo --quiet --source '$corpus' --destination '$out/bench-hugo-pages' --disableKinds rss,taxonomy,term" \
    -n hugo "hugo --quiet --source '$corpus' --destination '$out/bench-hugo'"
  cat "$work/result-$n.md"
  echo
  echo "peak memory (one run each):"
  for cmd in handbook hugo; do
    rm -rf "$out/bench-peak"
    if [ "$cmd" = handbook ]; then
      /usr/bin/time -f "  handbook %M KiB" "$work/handbook" build --source "$corpus" --dest "$out/bench-peak" >/dev/null 2>"$work/time.txt" || true
    else
      /usr/bin/time -f "  hugo     %M KiB" hugo --quiet --source "$corpus" --destination "$out/bench-peak" >/dev/null 2>"$work/time.txt" || true
    fi
    grep KiB "$work/time.txt"
  done
  echo
done
