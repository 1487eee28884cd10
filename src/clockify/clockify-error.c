/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-error"

#include "config.h"

#include "clockify-error.h"

G_DEFINE_QUARK (clockify-error-quark, clockify_error)
