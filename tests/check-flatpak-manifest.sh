#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# flatpak-builder parses the manifest offline and fails on unknown keys and
# wrong types. The finish-args are checked here too: nothing broader than
# network, Wayland with X11 fallback and DRI.

set -u
manifest=$1

if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "1..0 # SKIP flatpak-builder is not installed"
  exit 0
fi

echo "1..2"
if G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$manifest" >/dev/null; then
  echo "ok 1 flatpak-builder --show-manifest"
else
  echo "not ok 1 flatpak-builder --show-manifest"
fi

args=$(G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$manifest" 2>/dev/null |
       tr -d ' \n' | sed -n 's/.*"finish-args":\[\([^]]*\)\].*/\1/p' | tr ',' '\n' | tr -d '"' | sort | tr '\n' ' ')
expected="--device=dri --share=ipc --share=network --socket=fallback-x11 --socket=wayland "
if [ "$args" = "$expected" ]; then
  echo "ok 2 finish-args are exactly: $expected"
else
  echo "not ok 2 finish-args are: $args (expected: $expected)"
fi
