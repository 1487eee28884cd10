/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Placeholder: written by the libclockify work. */
#include "config.h"
