#!/usr/bin/env bash
# Page 1 of each PDF document as docs/*.png (for README), from the shipped catalog and a demo case.
# Needs pdftoppm (Debian: poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
tmp="$(mktemp -d)"
db="$tmp/docs.db"
rd() { "$PY" -m riskdesk --db "$db" "$@"; }
rd config set court 鄂尔多斯市东胜区人民法院 >/dev/null
rd config set reviewer 王法官 >/dev/null
rd case add '(2024)内0602民初123号' --cause 民间借贷纠纷 --parties '原告：张三；被告：李四' --judge 王法官 >/dev/null
rd review '(2024)内0602民初123号' LA-001 clear >/dev/null
rd review '(2024)内0602民初123号' LA-002 risk --note '补正通知为口头告知，未出具书面《补正通知书》；已于当日补发并由当事人签收。' >/dev/null
rd review '(2024)内0602民初123号' LA-003 na >/dev/null
rd review '(2024)内0602民初123号' LA-007 risk --note '网上立案材料被退回两次，另要求提交纸质件；已改为一次性告知并当场受理。' >/dev/null
rd pdf guidance --stage filing -o "$tmp/guidance.pdf" >/dev/null
rd pdf blank --stage filing -o "$tmp/blank.pdf" >/dev/null
rd pdf case '(2024)内0602民初123号' -o "$tmp/case.pdf" >/dev/null
for doc in guidance blank case; do
  pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$tmp/$doc.pdf" "docs/pdf-$doc"
done
rm -rf "$tmp"
echo "docs/pdf-guidance.png docs/pdf-blank.png docs/pdf-case.png"
