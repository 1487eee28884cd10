#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# when POTFILES.in names a file that does not exist, or when it is not sorted.

set -eu
top=${1:-.}
cd "$top"
potfiles=po/POTFILES.in

listed=$(grep -v '^#' "$potfiles" | sed '/^$/d')
status=0

sorted=$(printf '%s\n' "$listed" | LC_ALL=C sort)
if [ "$listed" != "$sorted" ]; then
  echo "po/POTFILES.in is not sorted" >&2
  status=1
fi

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in names a missing file: $f" >&2
    status=1
  fi
done

# C sources that mark strings with _(), N_(), C_() or NC_(); .ui files with
# translatable="yes"; data templates that are merged with translations.
candidates=$( (grep -rlE '(^|[^A-Za-z0-9_])(N?C?_)\(' --include='*.c' src || true)
              (grep -rl 'translatable="yes"' --include='*.ui' src || true)
              (ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml.in 2>/dev/null || true) )

for f in $candidates; do
  if ! printf '%s\n' "$listed" | grep -qxF "$f"; then
    echo "missing from po/POTFILES.in: $f" >&2
    status=1
  fi
done

count=$(printf '%s\n' "$listed" | wc -l)
if [ $status -eq 0 ]; then
  echo "po/POTFILES.in lists all $count files with translatable strings"
fi
exit $status
