#!/bin/sh
# Builds dinero-tui and fx, generates the benchmark data under $DATA and
# compares the two viewers in tmux (see compare.py: first screen, G pressed at
# the first screen, page down, G and search once indexed, peak RSS and
# RssAnon). Nothing here is committed: fx is built outside the repository and
# the data lives in /tmp.
#   FX_SRC=/path/to/fx/checkout bench/compare.sh
# BEFORE=/path/to/older/dinero-tui adds an older build as a third viewer;
# FX=0 leaves fx out. PROBE=1 also times the inputs of issue 17 with
# openprobe.py: a 200 MB escaped string, 500 MB on stdin, 1 GB that breaks
# off at its end.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${DATA:-/tmp/viewer-bench}
RUNS=${RUNS:-3}
FX_SRC=${FX_SRC:-/work/fx-build}
mkdir -p "$DATA"
(cd "$ROOT" && go build -o "$DATA/dinero-tui" .)
if [ "${FX:-1}" = 1 ] && [ ! -x "$DATA/fx" ]; then
	(cd "$FX_SRC" && GOFLAGS=-mod=mod go build -o "$DATA/fx" .)
fi
[ -f "$DATA/inv-100m.json" ] || (cd "$ROOT" && go run ./bench/gendata -size 100MB -o "$DATA/inv-100m.json")
FILES="$DATA/inv-100m.json"
if [ "${BIG:-1}" = 1 ]; then
	[ -f "$DATA/inv-1g.json" ] || (cd "$ROOT" && go run ./bench/gendata -size 1GB -seed 2 -o "$DATA/inv-1g.json")
	FILES="$FILES $DATA/inv-1g.json"
fi
set -- --viewer "ours=$DATA/dinero-tui view"
[ -n "${BEFORE:-}" ] && set -- --viewer "before=$BEFORE view" "$@"
[ "${FX:-1}" = 1 ] && set -- "$@" --viewer "fx=$DATA/fx"
# shellcheck disable=SC2086
python3 "$ROOT/bench/compare.py" --runs "$RUNS" "$@" $FILES
# the first screen again on a bare pty: tmux's own start-up cost left out
for f in $FILES; do python3 "$ROOT/bench/ptyfirst.py" --runs 7 --mark Collection "$DATA/dinero-tui" view "$f"; done
if [ "${PROBE:-0}" = 1 ]; then
	[ -f "$DATA/str-200m.json" ] || (cd "$ROOT" && go run ./bench/gendata -escaped -size 200MB -o "$DATA/str-200m.json")
	[ -f "$DATA/inv-500m.json" ] || (cd "$ROOT" && go run ./bench/gendata -size 500MB -seed 3 -o "$DATA/inv-500m.json")
	[ -f "$DATA/inv-1g-broken.json" ] || { cp "$DATA/inv-1g.json" "$DATA/inv-1g-broken.json" && printf '\n  x' >>"$DATA/inv-1g-broken.json"; }
	P="python3 $ROOT/bench/openprobe.py --runs $RUNS"
	$P --mark '"html"' "$DATA/dinero-tui view" "$DATA/str-200m.json"
	$P --stdin --mark '"Collection"' "$DATA/dinero-tui view" "$DATA/inv-500m.json"
	$P --mark '"Collection"' --later 'breaks off' "$DATA/dinero-tui view" "$DATA/inv-1g-broken.json"
fi
