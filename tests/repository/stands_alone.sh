#!/bin/sh
# The repository stands alone: no file in it may point outside it, and every
# citation of docs/sources.md names a section that file has.
#
# Usage: stands_alone.sh SOURCE_DIR [BINARY_DIR]
#
# Fails, naming file and line, when a file of the source tree
#  1. mentions the external reference directory that docs/sources.md replaced
#     (a "shared" directory's "reference" folder, or a relative path up into
#     a sibling "shared" directory), or
#  2. holds an absolute path under a build machine's workspace or home
#     directories (work, home, root, Users at the file-system root), which
#     can only be a leak; temporary files and the null device are legitimate
#     in tests and are not checked;
#  3. cites "sources.md §N" (with or without the docs/ prefix: docs/sources.md
#     is the only sources.md in the repository) where docs/sources.md has no
#     heading "## §N". Ranges "§1-2" check both ends; "§1, §6" and "§3/§6"
#     check each; a paper's sub-section such as "§3.2.2" is not a citation of
#     this file and is skipped.
#
# Files: the tracked files (git grep) when SOURCE_DIR is a git checkout that
# git will read; otherwise every file under SOURCE_DIR except .git, build
# trees (build*, cmake-build-*, _build, out, .cache) and BINARY_DIR.
# The patterns below are written with bracket expressions so that this script
# does not match itself.

LC_ALL=C
export LC_ALL

src=${1:?usage: stands_alone.sh SOURCE_DIR [BINARY_DIR]}
bin=${2:-}
cd "$src" || exit 2

leak='shared[/]reference|[.][.][/]shared|[/](work|home|root|Users)[/]'

use_git=no
if command -v git >/dev/null 2>&1 &&
   [ "$(git rev-parse --is-inside-work-tree 2>/dev/null)" = true ]; then
  use_git=yes
fi

# The binary directory, relative to the source directory, when inside it.
bin_rel=
if [ -n "$bin" ] && [ -d "$bin" ]; then
  bin_abs=$(cd "$bin" && pwd -P)
  case "$bin_abs" in
    "$(pwd -P)"/*) bin_rel=${bin_abs#"$(pwd -P)"/} ;;
  esac
fi

# search_lines ERE: FILE:LINE:TEXT for every matching line.
search_lines() {
  if [ "$use_git" = yes ]; then
    git grep -n -I -E -e "$1" -- .
  else
    grep -r -n -I -E --exclude-dir=.git --exclude-dir='build*' --exclude-dir='cmake-build-*' \
      --exclude-dir=_build --exclude-dir=out --exclude-dir=.cache \
      ${bin_rel:+--exclude-dir="$bin_rel"} -e "$1" . | sed 's#^\./##'
  fi
}

# search_files FIXED: NUL-separated names of the files that contain FIXED.
search_files() {
  if [ "$use_git" = yes ]; then
    git grep -l -z -I -F -e "$1" -- .
  else
    grep -r -l -Z -I -F --exclude-dir=.git --exclude-dir='build*' --exclude-dir='cmake-build-*' \
      --exclude-dir=_build --exclude-dir=out --exclude-dir=.cache \
      ${bin_rel:+--exclude-dir="$bin_rel"} -e "$1" .
  fi
}

status=0
tmp=${TMPDIR:-/tmp}/stands_alone.$$
trap 'rm -f "$tmp".*' EXIT INT TERM

# ---- 1 and 2: paths that lead outside the repository -------------------------
search_lines "$leak" >"$tmp.leaks"
if [ -s "$tmp.leaks" ]; then
  n=$(wc -l <"$tmp.leaks" | tr -d ' ')
  echo "FAIL: $n line(s) point outside the repository (the external reference" \
       "directory, or a build machine's absolute path):"
  sed 's/^/  /' "$tmp.leaks"
  echo "  Fix: cite docs/sources.md instead, and drop machine paths."
  status=1
fi

# ---- 3: every 'sources.md §N' names a section of docs/sources.md -------------
search_files 'sources.md' >"$tmp.citing"
if [ -s "$tmp.citing" ]; then
  if [ ! -f docs/sources.md ]; then
    echo "FAIL: files cite sources.md, but docs/sources.md does not exist:"
    tr '\0' '\n' <"$tmp.citing" | sed 's/^/  /'
    status=1
  else
    sections=$(sed -n 's/^## §\([0-9][0-9]*\)[^0-9.].*/\1/p; s/^## §\([0-9][0-9]*\)$/\1/p' \
                 docs/sources.md | tr '\n' ' ')
    xargs -0 awk -v sections="$sections" '
      BEGIN {
        n = split(sections, s, " ")
        for (i = 1; i <= n; i++) have[s[i]] = 1
        bad = 0
      }
      function check(text, file, line, rest, tok, a, b, k) {
        # Every "§N" or "§N-M" in text that is not a paper sub-section (§N.M).
        while (match(text, /§[0-9]+((-|–)[0-9]+)?/)) {
          tok = substr(text, RSTART, RLENGTH)
          rest = substr(text, RSTART + RLENGTH)
          text = rest
          if (rest ~ /^\.[0-9]/) continue
          sub(/^§/, "", tok)
          a = tok; b = tok
          if (tok ~ /(-|–)/) {
            a = tok; sub(/(-|–).*/, "", a)
            b = tok; sub(/^[0-9]+(-|–)/, "", b)
            if (b - a > 20) a = b  # not a section range: check its end only
          }
          for (k = a + 0; k <= b + 0; k++)
            if (!(k in have) && !((file, line, k) in told)) {
              told[file, line, k] = 1
              printf "  %s:%d: cites sources.md §%d, which docs/sources.md does not have\n",
                     file, line, k
              bad++
            }
        }
      }
      FNR == 1 { pending = 0 }
      {
        line = $0
        if (pending) {
          # The citation "sources.md" ended the previous line: its "§N" opens this one.
          if (match(line, /^[^A-Za-z0-9]*§[0-9]+((-|–)[0-9]+)?/))
            check(substr(line, 1, RSTART + RLENGTH - 1), FILENAME, FNR)
          pending = 0
        }
        p = index(line, "sources.md")
        if (p == 0) next
        after = substr(line, p + length("sources.md"))
        check(after, FILENAME, FNR)
        if (after ~ /^[^A-Za-z0-9§]*$/) pending = 1
      }
      END { exit bad > 0 }
    ' <"$tmp.citing" >"$tmp.sections"
    if [ -s "$tmp.sections" ]; then
      n=$(wc -l <"$tmp.sections" | tr -d ' ')
      echo "FAIL: $n citation(s) name a section docs/sources.md does not have" \
           "(it has: $sections):"
      sed 's#^  \./#  #' "$tmp.sections"
      status=1
    fi
  fi
fi

if [ "$status" -eq 0 ]; then
  files=$(tr -cd '\0' <"$tmp.citing" | wc -c | tr -d ' ')
  echo "OK: nothing points outside the repository; $files file(s) cite sources.md," \
       "every section they name exists (files read with: $([ "$use_git" = yes ] && echo 'git grep' || echo 'grep -r'))."
fi
exit "$status"
