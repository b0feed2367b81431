#!/bin/sh
# Score the current build on wcxb-dev and readability with the shared scorer.
#   tools/eval.sh [wcxb|readability|all] [extra score.py args]
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
data=${CD_DATA:-$top/../shared/data}
score=${CD_SCORE:-$top/../shared/eval/score.py}
bin=${CD_BIN:-$top/build/copydesk}
out=${CD_OUT:-/tmp/copydesk-eval}
mkdir -p "$out"
which=${1:-all}
[ $# -gt 0 ] && shift
if [ "$which" = wcxb ] || [ "$which" = all ]; then
    "$bin" --json -q "$data/wcxb-dev/html" > "$out/wcxb.jsonl" || true
    python3 "$score" wcxb "$data/wcxb-dev" "$out/wcxb.jsonl" --per-type "$@"
fi
if [ "$which" = readability ] || [ "$which" = all ]; then
    find "$data/readability/pages" -name source.html | sort | xargs "$bin" --json -q > "$out/readability.jsonl" || true
    python3 "$score" readability "$data/readability" "$out/readability.jsonl" "$@"
fi
