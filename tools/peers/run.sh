#!/bin/sh
# Run the optional peers (Readability.js, readability-lxml) over a data set and
# score them with the shared scorer. Measuring tools only, installed by hand
# (see README.md); the build and the tests never need them.
#   tools/peers/run.sh wcxb|readability|l3s|cleaneval [js|lxml|both]
# Output: $CD_OUT/PEER-SET.jsonl (default /tmp/copydesk-peers), then score.py's summary.
set -e
top=$(cd "$(dirname "$0")/../.." && pwd)
data=${CD_DATA:-$top/../shared/data}
score=${CD_SCORE:-$top/../shared/eval/score.py}
out=${CD_OUT:-/tmp/copydesk-peers}
export NODE_PATH=${NODE_PATH:-/tmp/peers-node/node_modules}
pyl=${PEER_PYTHON:-/usr/bin/python3}
set_=$1
which=${2:-both}
mkdir -p "$out"
case $set_ in
    wcxb) ds=wcxb dir=$data/wcxb-dev pages="$data/wcxb-dev/html" ;;
    l3s) ds=l3s dir=$data/l3s-gn1 pages="$data/l3s-gn1/html" ;;
    cleaneval) ds=cleaneval dir=$data/cleanportaleval pages="$data/cleanportaleval/input" ;;
    readability) ds=readability dir=$data/readability pages="$data/readability/pages" ;;
    *) echo "usage: $0 wcxb|readability|l3s|cleaneval [js|lxml|both]" >&2; exit 2 ;;
esac
list() {
    if [ "$ds" = readability ]; then find "$pages" -name source.html | sort
    else find "$pages" -type f | sort; fi
}
if [ "$which" = js ] || [ "$which" = both ]; then
    list | node --max-old-space-size=6144 "$top/tools/peers/readability_js.mjs" > "$out/readability-js-$set_.jsonl"
    echo "== Readability.js on $set_"
    python3 "$score" "$ds" "$dir" "$out/readability-js-$set_.jsonl" --per-type
fi
if [ "$which" = lxml ] || [ "$which" = both ]; then
    list | "$pyl" "$top/tools/peers/readability_lxml.py" > "$out/readability-lxml-$set_.jsonl"
    echo "== readability-lxml on $set_"
    python3 "$score" "$ds" "$dir" "$out/readability-lxml-$set_.jsonl" --per-type
fi
