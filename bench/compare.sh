#!/bin/sh
# Builds dinero-tui and fx, generates the benchmark data under $DATA and
# compares the two viewers in tmux (see compare.py). Nothing here is
# committed: fx is built outside the repository and the data lives in /tmp.
#   FX_SRC=/path/to/fx/checkout bench/compare.sh
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${DATA:-/tmp/viewer-bench}
RUNS=${RUNS:-3}
FX_SRC=${FX_SRC:-/work/fx-build}
mkdir -p "$DATA"
(cd "$ROOT" && go build -o "$DATA/dinero-tui" .)
if [ ! -x "$DATA/fx" ]; then
	(cd "$FX_SRC" && GOFLAGS=-mod=mod go build -o "$DATA/fx" .)
fi
[ -f "$DATA/inv-100m.json" ] || (cd "$ROOT" && go run ./bench/gendata -size 100MB -o "$DATA/inv-100m.json")
FILES="$DATA/inv-100m.json"
if [ "${BIG:-1}" = 1 ]; then
	[ -f "$DATA/inv-1g.json" ] || (cd "$ROOT" && go run ./bench/gendata -size 1GB -seed 2 -o "$DATA/inv-1g.json")
	FILES="$FILES $DATA/inv-1g.json"
fi
# shellcheck disable=SC2086
exec python3 "$ROOT/bench/compare.py" --runs "$RUNS" \
	--viewer "ours=$DATA/dinero-tui view" --viewer "fx=$DATA/fx" $FILES
