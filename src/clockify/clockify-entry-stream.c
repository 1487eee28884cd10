/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Placeholder: written by the bulk-path work. */
#include "config.h"
