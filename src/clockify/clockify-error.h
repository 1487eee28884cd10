/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CLOCKIFY_ERROR (clockify_error_quark ())

/**
 * ClockifyError:
 * @CLOCKIFY_ERROR_UNAUTHORIZED: the key was refused (HTTP 401)
 * @CLOCKIFY_ERROR_FORBIDDEN: the key may not do this (HTTP 403)
 * @CLOCKIFY_ERROR_NOT_FOUND: no such resource (HTTP 404)
 * @CLOCKIFY_ERROR_RATE_LIMITED: HTTP 429 persisted through every retry
 * @CLOCKIFY_ERROR_BUDGET_EXHAUSTED: the workspace's hourly request budget is spent
 * @CLOCKIFY_ERROR_SERVER: Clockify failed (5xx) or answered an unexpected status
 * @CLOCKIFY_ERROR_NETWORK: Clockify could not be reached
 * @CLOCKIFY_ERROR_INVALID_RESPONSE: the answer did not have the documented shape
 * @CLOCKIFY_ERROR_INVALID_SERVER: a server description could not be parsed
 * @CLOCKIFY_ERROR_BAD_REQUEST: Clockify refused the request as malformed (HTTP 400)
 *
 * Errors in the %CLOCKIFY_ERROR domain. Cancellation is reported as
 * %G_IO_ERROR_CANCELLED, not in this domain.
 */
typedef enum
{
  CLOCKIFY_ERROR_UNAUTHORIZED,
  CLOCKIFY_ERROR_FORBIDDEN,
  CLOCKIFY_ERROR_NOT_FOUND,
  CLOCKIFY_ERROR_RATE_LIMITED,
  CLOCKIFY_ERROR_BUDGET_EXHAUSTED,
  CLOCKIFY_ERROR_SERVER,
  CLOCKIFY_ERROR_NETWORK,
  CLOCKIFY_ERROR_INVALID_RESPONSE,
  CLOCKIFY_ERROR_INVALID_SERVER,
  CLOCKIFY_ERROR_BAD_REQUEST,
} ClockifyError;

GQuark clockify_error_quark (void);

G_END_DECLS
