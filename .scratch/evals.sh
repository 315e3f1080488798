#!/bin/sh
# extraction summaries on dev, real, fixtures, quantemp+clef
cd /work/main
for d in /work/shared/corpus/dev /work/shared/corpus/real test/fixtures/corpus; do echo "== $d"; npm run --silent eval -- $d 2>&1 | grep -v NodeVersion | grep -iE "^all|strict|wrong|trap" | head -8; done
npm run --silent eval -- --quantemp /work/shared/realtext/quantemp_test.csv --clef /work/shared/realtext 2>&1 | grep -v NodeVersion | grep -E "^quantemp|^clef"
