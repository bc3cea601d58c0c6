#!/usr/bin/env bash
# Writes each fuzz target's seed corpus, BUILD/seeds/TARGET/, and dictionary,
# BUILD/seeds/TARGET.dict: the repository's fixtures, examples and golden
# cases, and what the fuzz build's apigap and apigap-pdf make of them (saved
# reports, history entries, the text of the PDF fixtures). Seeds are made
# afresh each time, never committed. Usage: fuzz/seeds.sh [BUILD] (default build/asan)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/asan}
out="$build/seeds"
apigap="$build/src/apigap"
shopt -s nullglob
rm -rf "$out"
mkdir -p "$out"
export ASAN_OPTIONS=detect_leaks=0

# seed TARGET FILE...: copies each FILE into TARGET's corpus, named after its path.
seed() {
  local target=$1 file
  shift
  mkdir -p "$out/$target"
  for file in "$@"; do
    cp "$file" "$out/$target/${file//\//_}"
  done
}

# dict TARGET DICT...: TARGET's dictionary, the committed DICTs (fuzz/dicts/) in
# one file; `skills` is every keyword term of the built-in knowledge base.
dict() {
  local target=$1 name
  shift
  for name in "$@"; do
    if [[ $name == skills ]]; then
      sed -n 's/^ *- term: *//p' data/*.yaml data/skills/*.yaml | sed "s/^[\"']\(.*\)[\"']\$/\1/" |
        sed 's/[\\"]/\\&/g; s/.*/"&"/'
    else
      cat "fuzz/dicts/$name.dict"
    fi
  done > "$out/$target.dict"
}

resumes=(tests/fixtures/resumes tests/fixtures/batch tests/fixtures/batch/team tests/eval/resumes examples)
with_extension() {  # with_extension EXT: the resume fixtures ending in .EXT, one a line
  local folder files=()
  for folder in "${resumes[@]}"; do
    files+=("$folder"/*."$1")
  done
  if ((${#files[@]} > 0)); then
    printf '%s\n' "${files[@]}"
  fi
}
cases=tests/cli/cases

seed answers examples/answers-* $cases/*/answers.* $cases/assess-stdin/stdin $cases/plan-no-gaps/stdin
dict answers yaml skills
seed kb_overlay examples/overlay-*.yaml $cases/*/overlay.yaml $cases/*/entry.yaml $cases/kb-validate-stdin/stdin \
  data/*.yaml data/skills/*.yaml
dict kb_overlay yaml kb skills
mapfile -t rendercv < <(with_extension yaml)
seed block_yaml "${rendercv[@]}" examples/answers-*.yaml examples/overlay-*.yaml $cases/*/answers.yaml data/*.yaml
dict block_yaml yaml
mapfile -t texts < <(with_extension txt)
seed resume_text "${texts[@]}" $cases/*/resume.txt tests/fixtures/postings/*.txt tests/fixtures/postings/styles/*.txt
dict resume_text resume skills
mapfile -t markdown < <(with_extension md)
seed resume_markdown "${markdown[@]}" tests/fixtures/postings/*.md tests/fixtures/postings/styles/*.md $cases/check-stdin/stdin $cases/scan-stdin/stdin
dict resume_markdown resume skills markdown
mapfile -t latex < <(with_extension tex)
seed resume_latex "${latex[@]}"
dict resume_latex resume skills latex
mapfile -t html < <(with_extension html)
seed resume_html "${html[@]}" tests/fixtures/postings/*.html tests/fixtures/postings/styles/*.html
dict resume_html resume skills html
mapfile -t json < <(with_extension json)
seed resume_json_resume "${json[@]}" tests/fixtures/postings/*.json
dict resume_json_resume json resume skills
seed json_fast "${json[@]}" tests/fixtures/postings/*.json examples/*.json $cases/*/*.json
dict json_fast json
seed resume_rendercv "${rendercv[@]}"
dict resume_rendercv yaml resume skills
mapfile -t docx < <(with_extension docx)
seed resume_docx "${docx[@]}" $cases/*/*.docx
dict resume_docx docx resume skills
seed posting tests/fixtures/postings/*.* tests/fixtures/postings/styles/*.[!j]* $cases/match-*/stdin $cases/batch-job-no-skills/stdin
dict posting resume skills markdown html
dict resume_pdf_text resume skills
dict saved_report json skills
dict history_entry json skills
dict key_decoder keys

# The text of each PDF fixture the helper reads (status byte 0), without the 9-byte header.
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
mkdir -p "$out/resume_pdf_text"
for pdf in tests/fixtures/resumes/*.pdf; do
  # slow.pdf runs out of CPU time; the braces keep bash's "CPU time limit exceeded" quiet too.
  if { "$build/src/apigap-pdf" 2 $((512 << 20)) $((10 << 20)) < "$pdf" > "$state/answer"; } 2> /dev/null &&
    [[ $(head -c 1 "$state/answer" | od -An -tu1) -eq 0 ]]; then
    tail -c +10 "$state/answer" > "$out/resume_pdf_text/${pdf##*/}.txt"
  fi
done
rm "$state/answer"
seed resume_pdf_text "${texts[@]}"

# Saved reports and history entries, as apigap writes them.
mkdir -p "$out/saved_report" "$out/history_entry"
seed saved_report $cases/plan-report-*/stdin
"$apigap" assess --answers examples/answers-mid.yaml --format json > "$out/saved_report/assess-mid.json"
"$apigap" assess --answers examples/answers-entry.json --level senior --format json > "$out/saved_report/assess-senior.json"
for resume in examples/resume.md tests/fixtures/resumes/resume.txt; do
  "$apigap" scan "$resume" --format json > "$out/saved_report/scan-${resume##*/}.json"
done
APIGAP="$apigap" XDG_STATE_HOME="$state" bash tests/cli/save_history.sh
for entry in "$state"/apigap/*.json; do
  cp "$entry" "$out/history_entry/"
  cp "$entry" "$out/saved_report/entry-${entry##*/}"
done
cp "$out"/saved_report/*.json "$out/json_fast/"

# Key presses, after the two bytes of terminal settings (fuzz/key_decoder.cpp).
mkdir -p "$out/key_decoder"
printf '\x00\x3c3\r2\r\x1b[A\x1b[B\r1s\x7fb4?x' > "$out/key_decoder/rate-move-skip-help"
printf '\x13\x3c2q\x1bq' > "$out/key_decoder/quit-escape-split-reads"
printf '\x20\x3c1qy\x15my-answers.yaml\x08\ry' > "$out/key_decoder/save-over-existing"
printf '\x40\x7f0qyout.yaml\r\x1bOA\x1b[1;5B\r\n' > "$out/key_decoder/save-fails-ss3-modifiers"
printf '\x8f\xff44444444444444444444444444' > "$out/key_decoder/finish-colour-unicode"
echo "seeds: $(find "$out" -type f ! -name '*.dict' | wc -l) files in $out" >&2
