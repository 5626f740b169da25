#!/usr/bin/env bash
# Measures the handbook's search beside Pagefind 1.6 on a generated corpus:
# the time and peak memory of each indexer, the size and file count of each
# index, and then, in headless Chromium (internal/bench/searchbench), the bytes
# fetched and the time to results of cold and warm queries. Pagefind indexes
# the very site that `handbook build` wrote.
#
# Usage: internal/bench/search.sh GENCORPUS_DIR [PAGES]
#   GENCORPUS_DIR  the folder of the benchmark corpus generator (gencorpus)
#   PAGES          pages per language of the corpus (default: 10000)
# Environment:
#   BENCH_OUT      where the site is written (default: a temporary folder)
#   BENCH_RUNS     timed cold runs per query and engine; the median is shown
#                  (default: 3; one more run per cell counts the requests
#                  as DevTools reports them)
#   BENCH_REPORT   the Markdown report to write (default: a new file in
#                  ${TMPDIR:-/tmp}, named at the end)
#   BENCH_GZIP     1 serves text and WebAssembly gzip-compressed, as a static
#                  host with compression does (default: 0, no compression)
#   CHROMIUM       the browser (default: /usr/bin/chromium)
# Needs Debian's chromium, npm (Pagefind 1.6.0 is installed from npm into a
# temporary folder) and GNU time (/usr/bin/time).
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ ! -f "$1/main.go" ]; then
  echo "usage: $0 GENCORPUS_DIR [PAGES]" >&2
  exit 2
fi
gen=$(cd "$1" && pwd)
pages=${2:-10000}
chromium=${CHROMIUM:-/usr/bin/chromium}
for tool in go npm npx /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is not installed" >&2; exit 1; }
done
[ -x "$chromium" ] || { echo "$0: Chromium not found at $chromium (apt-get install chromium, or set CHROMIUM)" >&2; exit 1; }

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
out=${BENCH_OUT:-$work}
runs=${BENCH_RUNS:-3}
report=${BENCH_REPORT:-$(mktemp "${TMPDIR:-/tmp}/search-bench-XXXXXX.md")}
gzip=()
[ "${BENCH_GZIP:-0}" = 1 ] && gzip=(-gzip)
site="$out/bench-search"
trap 'rm -rf "$work" "$site"' EXIT

(cd "$repo" && go build -o "$work/handbook" ./cmd/handbook && go build -o "$work/searchbench" ./internal/bench/searchbench)
mkdir "$work/npm"
(cd "$work/npm" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error pagefind@1.6.0 >/dev/null)
pfversion=$(cd "$work/npm" && npx --no-install pagefind --version 2>/dev/null | tail -1 | sed "s/^pagefind //")
echo "handbook: $("$work/handbook" version)"
echo "pagefind: $pfversion"

corpus="$work/corpus"
(cd "$gen" && go run . -pages "$pages" -out "$corpus" >/dev/null)
# The handbook's synonym lists, so that queries with synonyms are measured.
mkdir -p "$corpus/data"
cp -R "$repo/data/synonyms" "$corpus/data/"
echo "== corpus: $pages pages per language ($(du -sh "$corpus/content" | cut -f1) of Markdown)"

# wall seconds and peak RSS in KiB of a command, from GNU time
timed() {
  local name=$1
  shift
  if ! /usr/bin/time -f '%e %M' -o "$work/time-$name" "$@" >"$work/$name.log" 2>&1; then
    cat "$work/$name.log" >&2
    echo "$0: $name failed" >&2
    exit 1
  fi
}

rm -rf "$site"
timed handbook-core "$work/handbook" build --search=false --source "$corpus" --dest "$site"
read -r core_wall core_rss <"$work/time-handbook-core"
rm -rf "$site"
timed handbook "$work/handbook" build --source "$corpus" --dest "$site" --timings
read -r hb_wall hb_rss <"$work/time-handbook"
hb_index=$(awk '$1 == "index" { print $2 }' "$work/handbook.log")
hb_pages=$(grep -o 'built [0-9]* pages' "$work/handbook.log" | grep -o '[0-9]*')

# Print pages hold every page again: neither index takes them (the
# handbook's never does), so Pagefind is given the same pages.
find "$site" -path '*/print/index.html' -delete
timed pagefind bash -c 'cd "$1" && exec npx --no-install pagefind --site "$2"' _ "$work/npm" "$site"
read -r pf_wall pf_rss <"$work/time-pagefind"
pf_own=$(grep -o 'Finished in [0-9.]* seconds' "$work/pagefind.log" | grep -o '[0-9.]*' || echo "?")
pf_pages=$(grep -o 'Indexed [0-9]* pages' "$work/pagefind.log" | grep -o '[0-9]*' || echo "?")

files() { find "$1" -type f | wc -l; }
bytes() { du -sb "$1" | cut -f1; }
ondisk() { du -sk "$1" | cut -f1; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1048576 }'; }

{
  echo "# Search: handbook vs Pagefind $pfversion"
  echo
  echo "Corpus: $pages pages per language (gencorpus), $hb_pages pages built; Pagefind indexed $pf_pages HTML files of the same output."
  echo "$("$work/handbook" version); $(nproc) cores."
  echo
  echo "| | handbook | Pagefind $pfversion |"
  echo "| --- | ---: | ---: |"
  echo "| indexing wall time | $hb_wall s for the whole build, against $core_wall s with --search=false (the index stage alone: $hb_index) | $pf_wall s with npx ($pf_own s by Pagefind's own count) |"
  echo "| peak RSS | $(mib "$hb_rss") MiB (whole build) | $(mib "$pf_rss") MiB |"
  echo "| index files | $(files "$site/_search") (_search/) | $(files "$site/pagefind") (pagefind/) |"
  echo "| index size | $(mb "$(bytes "$site/_search")") MiB | $(mb "$(bytes "$site/pagefind")") MiB |"
  echo "| index on disk | $(mib "$(ondisk "$site/_search")") MiB | $(mib "$(ondisk "$site/pagefind")") MiB |"
  echo
  echo "The handbook indexes while it renders, so what indexing costs it is the difference between the two builds; Pagefind's figures include starting npx and node. Sizes are the files' bytes; on disk counts the file system's blocks."
  echo
} >"$report"
cat "$report"

"$work/searchbench" -site "$site" -runs "$runs" -chromium "$chromium" -md "$work/queries.md" "${gzip[@]}"
cat "$work/queries.md" >>"$report"
echo
echo "report: $report"
