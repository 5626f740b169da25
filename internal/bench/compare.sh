#!/usr/bin/env bash
# Times `handbook build` beside the goldmark floor and Hugo on generated
# corpora of several sizes, and prints, per size and tool, the median time,
# the time per page, the ratio to the floor, the peak memory and the ratio
# of processor time (user and system) to the floor's, so that the curve
# from small to large handbooks is visible. The tools take turns, one run
# each a round.
#
# Usage: internal/bench/compare.sh GENCORPUS_DIR [PAGES ...]
#   GENCORPUS_DIR  the folder of the benchmark corpus generator (gencorpus)
#   PAGES          pages per language of each corpus
#                  (default: 1000 10000 40000 100000)
# Environment:
#   BENCH_OUT      where corpora and sites are written (default: a temporary
#                  folder; /dev/shm takes the disk out of the measurement)
#   BENCH_RUNS     runs per tool and size (default: 3 up to 10,000 pages per
#                  language, 1 above)
#   BENCH_BUDGET   seconds a run may take (default: 900); a tool whose run
#                  takes longer is stopped and not run at the larger sizes
#   BENCH_HUGO     0 leaves Hugo out
# Needs /usr/bin/time (Debian package time). Hugo v0.165.0 is installed
# with `go install` when missing; when it cannot be, the script says so and
# goes on without it.
set -euo pipefail

if [ $# -lt 1 ] || [ ! -f "$1/main.go" ]; then
  echo "usage: $0 GENCORPUS_DIR [PAGES ...]" >&2
  exit 2
fi
gen=$(cd "$1" && pwd)
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 40000 100000)
[ -x /usr/bin/time ] || { echo "$0: /usr/bin/time is not installed (Debian package time)" >&2; exit 1; }

repo=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(mktemp -d)
out=$(mktemp -d "${BENCH_OUT:-${TMPDIR:-/tmp}}/bench-compare.XXXXXX")
budget=${BENCH_BUDGET:-900}
trap 'rm -rf "$bin" "$out"' EXIT

(cd "$repo" && go build -o "$bin/handbook" ./cmd/handbook && go build -o "$bin/floor" ./internal/bench/floor)
tools=(floor handbook handbook-no-search)
if [ "${BENCH_HUGO:-1}" != 0 ]; then
  hugo=$(command -v hugo || true)
  if [ -z "$hugo" ]; then
    echo "hugo is not installed: installing v0.165.0 with go install..."
    if GOBIN="$bin" go install github.com/gohugoio/hugo@v0.165.0 >"$bin/hugo-install.log" 2>&1; then
      hugo="$bin/hugo"
    else
      echo "hugo could not be installed ($(tail -1 "$bin/hugo-install.log")): going on without it"
    fi
  fi
  [ -z "$hugo" ] || tools+=(hugo)
fi
echo "handbook: $("$bin/handbook" version)"
[ -z "${hugo:-}" ] || echo "hugo:     $("$hugo" version)"
echo "machine:  $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# command prints the command line of tool building corpus into dest.
command_of() {
  local tool=$1 corpus=$2 dest=$3
  case $tool in
  floor) echo "$bin/floor $corpus/content $dest" ;;
  handbook) echo "$bin/handbook build --source $corpus --dest $dest" ;;
  handbook-no-search) echo "$bin/handbook build --search=false --source $corpus --dest $dest" ;;
  hugo) echo "$hugo --quiet --source $corpus --destination $dest" ;;
  esac
}

# run_once runs tool on corpus once and prints "seconds cpu-seconds
# peak-KiB", or "over" when it took longer than the budget, or "failed".
run_once() {
  local tool=$1 corpus=$2
  rm -rf "$out/site"
  # shellcheck disable=SC2046
  if ! /usr/bin/time -f '%e %U %S %M' -o "$out/time.txt" timeout "$budget" $(command_of "$tool" "$corpus" "$out/site") >/dev/null 2>"$out/err.txt"; then
    if grep -q 'status 124' "$out/time.txt"; then echo over; else echo failed; fi
    return
  fi
  tail -1 "$out/time.txt" | awk '{print $1, $2 + $3, $4}'
}

# median prints the median of its arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{t[NR]=$1} END {print t[int((NR+1)/2)]}'
}

declare -A dropped
summary="$out/summary.txt"
printf '%-9s %-20s %10s %10s %9s %10s %9s\n' "pages" "tool" "median s" "µs/page" "× floor" "peak MiB" "cpu × floor" >"$summary"
for n in "${sizes[@]}"; do
  corpus="$out/c$n"
  (cd "$gen" && go run . -pages "$n" -out "$corpus" >/dev/null)
  # The corpus is a Hugo site, where handbook makes print pages only on
  # request: ask for them, so that the whole build is measured (Hugo
  # ignores the parameter).
  printf '\n[params]\nprint = true\n' >>"$corpus/hugo.toml"
  pages=$(find "$corpus/content" -name '*.md' | wc -l)
  runs=${BENCH_RUNS:-$([ "$n" -le 10000 ] && echo 3 || echo 1)}
  echo "== 2×$n: $pages Markdown files, $(du -sh "$corpus/content" | cut -f1), $runs run(s) each, load $(cut -d' ' -f1 /proc/loadavg)"
  # The tools take turns, one run each a round, so that a machine that
  # slows down or speeds up during the series weighs on each alike.
  declare -A secs=() cpus=() peaks=() failed=()
  for _ in $(seq "$runs"); do
    for tool in "${tools[@]}"; do
      [ -z "${dropped[$tool]:-}" ] && [ -z "${failed[$tool]:-}" ] || continue
      result=$(run_once "$tool" "$corpus")
      case $result in
      over) dropped[$tool]=1; echo "  $tool: over the budget of ${budget}s"; continue ;;
      failed) failed[$tool]=1; echo "  $tool: failed: $(tail -3 "$out/err.txt")"; continue ;;
      esac
      read -r s c k <<<"$result"
      secs[$tool]+="$s "
      cpus[$tool]+="$c "
      [ "$k" -gt "${peaks[$tool]:-0}" ] && peaks[$tool]=$k
    done
  done
  rm -rf "$out/site"
  floor="" floorcpu=""
  for tool in "${tools[@]}"; do
    if [ -n "${dropped[$tool]:-}" ] && [ -z "${secs[$tool]:-}" ]; then
      echo "  $tool: left out (took longer than ${budget}s)"
      continue
    fi
    [ -n "${secs[$tool]:-}" ] && [ -z "${failed[$tool]:-}" ] || continue
    # shellcheck disable=SC2086
    s=$(median ${secs[$tool]}) c=$(median ${cpus[$tool]})
    [ "$tool" = floor ] && floor=$s floorcpu=$c
    line=$(awk -v n="2×$n" -v tool="$tool" -v s="$s" -v c="$c" -v k="${peaks[$tool]}" -v p="$pages" -v f="${floor:-0}" -v fc="${floorcpu:-0}" \
      'BEGIN { r = f > 0 ? sprintf("%.2f", s / f) : "-"; rc = fc > 0 ? sprintf("%.2f", c / fc) : "-"; printf "%-9s %-20s %10.2f %10.1f %9s %10.0f %9s\n", n, tool, s, s * 1e6 / p, r, k / 1024, rc }')
    echo "  $line"
    echo "$line" >>"$summary"
  done
  unset secs cpus peaks failed
  rm -rf "$corpus"
  echo
done
echo "== summary (time per page: flat when linear)"
cat "$summary"
