/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-secret"

#include "config.h"

#include "timecard-secret.h"

/**
 * timecard_secret_get_schema:
 *
 * The libsecret schema of Timecard's stored API keys: one item per
 * credential, found by its `credential-id`. The name is fixed (not the
 * development application ID), so a development build sees the keys of an
 * installed one. Nothing secret is ever put in an attribute.
 *
 * Returns: (transfer none): the schema
 */
const SecretSchema *
timecard_secret_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.timecard.Timecard.Credential",
    SECRET_SCHEMA_NONE,
    {
      { "credential-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "generation", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}
