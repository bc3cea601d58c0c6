#!/usr/bin/env bash
# Saves four assessments into the history ($XDG_STATE_HOME/apigap) for the
# golden cases of `apigap history` and `apigap progress` (their `setup`
# runs it); SOURCE_DATE_EPOCH fixes each entry's time. Usage:
#   save_history.sh [COUNT]   the first COUNT of the four (default all)
set -euo pipefail
count="${1:-4}"
save() {
  local epoch="$1"
  shift
  if (( count > 0 )); then
    SOURCE_DATE_EPOCH="$epoch" "$APIGAP" -q "$@" --save --format json > /dev/null
    count=$((count - 1))
  fi
}
# 1: a few skills rated with flags, against the entry level (no input file).
save 1764576000 assess --rate python=3 --rate rest-graphql=2 --rate api-security=1 --level entry
# 2: the example resume, scanned for mid.
save 1767225600 scan examples/resume.md --level mid
# 3: the example answers for mid.
save 1768435200 assess --answers examples/answers-mid.yaml
# 4: the same answers a month later, with three skills improved.
save 1770940800 assess --answers examples/answers-mid.yaml --rate api-security=3 --rate microservices=2 \
  --rate communication=3
