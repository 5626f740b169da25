#!/usr/bin/env bash
# Times what reading the git history adds to a build: a generated corpus
# is given a synthetic history (internal/bench/githistory: a first commit
# of every file, then one commit an hour changing, restamping,
# reformatting, adding or renaming pages), packed as a clone's, and
# hyperfine times `handbook build` with the history (without its cache,
# and with the cache of the same commit) and with --history=false, in
# one run.
#
# Usage: internal/bench/githistory.sh GENCORPUS_DIR [PAGES [COMMITS]]
#   GENCORPUS_DIR  the folder of the benchmark corpus generator (gencorpus)
#   PAGES          pages per language (default: 10000)
#   COMMITS        commits after the first (default: 10000)
# Environment:
#   BENCH_OUT      where the corpus is written (default: a temporary folder)
#   BENCH_RUNS     runs of each command (default: 5)
#   BENCH_KEEP     when set, the corpus and its repository are kept
# Needs git and hyperfine.
set -euo pipefail

if [ $# -lt 1 ] || [ ! -f "$1/main.go" ]; then
  echo "usage: $0 GENCORPUS_DIR [PAGES [COMMITS]]" >&2
  exit 2
fi
gen=$(cd "$1" && pwd)
pages=${2:-10000}
commits=${3:-10000}
command -v hyperfine >/dev/null || { echo "$0: hyperfine is not installed" >&2; exit 1; }
command -v git >/dev/null || { echo "$0: git is not installed" >&2; exit 1; }

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
out=${BENCH_OUT:-$work}
site="$out/githistory-$pages"
trap 'rm -rf "$work"; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$site"' EXIT

(cd "$repo" && go build -o "$work/handbook" ./cmd/handbook && go build -o "$work/githistory" ./internal/bench/githistory)
rm -rf "$site"
(cd "$gen" && go run . -pages "$pages" -out "$site" >/dev/null)
git -C "$site" init -q -b main
"$work/githistory" -commits "$commits" "$site" | git -C "$site" fast-import --quiet
# Packed again with git's own search for deltas, as a hosting service
# keeps a repository and a clone receives it: git fast-import deltas
# each version against the one written before it, another file's, in
# chains up to 50 long, which cost git cat-file five times the
# processor time of a repacked history's versions.
git -C "$site" repack -adfq
# The generated files are replaced by the history's last commit.
rm -rf "$site/content"
git -C "$site" reset -q --hard main
echo "$(git -C "$site" rev-list --count main) commits, $(git -C "$site" ls-files content | wc -l) files under content/"

build="$work/handbook build --source $site --dest $work/public --force"
# The history's cache goes to the temporary folder; the warm-up fills it.
export HANDBOOK_HISTORY_CACHE="$work/cache"
hyperfine --warmup 1 --runs "${BENCH_RUNS:-5}" \
  -n "history, cold" "HANDBOOK_HISTORY_CACHE=off $build" \
  -n "history, warm cache" "$build" \
  -n "history off" "$build --history=false"
"$work/handbook" build --source "$site" --dest "$work/public" --force --timings | grep -E 'history|built'
