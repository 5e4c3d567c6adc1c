#!/usr/bin/env bash
# Seeds the fuzzing corpora with the sample site and the test fixtures.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/frontmatter corpus/markdown corpus/site
n=0
while IFS= read -r -d '' f; do
    n=$((n + 1))
    cp "$f" "corpus/frontmatter/seed-$n"
    # The body alone, for the Markdown target.
    awk 'BEGIN{c=0} c>=2{print} /^---$/{c++}' "$f" > "corpus/markdown/seed-$n"
    # A one-file site: the kind byte, then the file.
    { printf 'M'; cat "$f"; } > "corpus/site/seed-$n"
done < <(find ../content ../tests/fixtures -name '*.md' -print0)
echo "seeded $n files"
