#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# timecard-cli answers --version and --help on a machine without a display
# or a session bus.

set -u
cli=$1
version=$2

out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS "$cli" --version) || {
  echo "timecard-cli --version failed" >&2; exit 1; }
if [ "$out" != "timecard-cli $version" ]; then
  echo "unexpected --version output: $out" >&2
  exit 1
fi

help=$(env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS "$cli" --help) || {
  echo "timecard-cli --help failed" >&2; exit 1; }
case "$help" in
  *Usage:*timecard-cli*) ;;
  *) echo "unexpected --help output: $help" >&2; exit 1 ;;
esac

if env -u DISPLAY "$cli" --no-such-option >/dev/null 2>&1; then
  echo "an unknown option was accepted" >&2
  exit 1
fi

echo "timecard-cli --version and --help work without a display"
