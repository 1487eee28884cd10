/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-credential"

#include "config.h"

#include "timecard-credential-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "timecard-secret.h"

G_DEFINE_QUARK (timecard-credential-error-quark, timecard_credential_error)

/* A copy of @text without surrounding whitespace (a pasted line's newline). */
static char *
dup_trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/**
 * timecard_credential_validate_name:
 * @name: (nullable): a credential name as entered
 * @error: return location for a %TIMECARD_CREDENTIAL_ERROR
 *
 * Checks a credential name: required, at most
 * %TIMECARD_CREDENTIAL_NAME_MAX characters, no control characters.
 * Uniqueness is the store's business.
 *
 * Returns: (transfer full) (nullable): the name without surrounding
 *   whitespace, or %NULL with @error set
 */
char *
timecard_credential_validate_name (const char  *name,
                                   GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (name == NULL || g_utf8_validate (name, -1, NULL), NULL);

  trimmed = dup_trimmed (name);

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, TIMECARD_CREDENTIAL_ERROR,
                           TIMECARD_CREDENTIAL_ERROR_NAME_REQUIRED,
                           _("Enter a name for the credential"));
      return NULL;
    }

  for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error_literal (error, TIMECARD_CREDENTIAL_ERROR,
                               TIMECARD_CREDENTIAL_ERROR_NAME_INVALID,
                               _("The name must not contain line breaks or control characters"));
          return NULL;
        }
    }

  if (g_utf8_strlen (trimmed, -1) > TIMECARD_CREDENTIAL_NAME_MAX)
    {
      g_set_error (error, TIMECARD_CREDENTIAL_ERROR,
                   TIMECARD_CREDENTIAL_ERROR_NAME_TOO_LONG,
                   _("The name is too long: use at most %d characters"),
                   TIMECARD_CREDENTIAL_NAME_MAX);
      return NULL;
    }

  return g_steal_pointer (&trimmed);
}

/**
 * timecard_credential_validate_description:
 * @description: (nullable): a description as entered
 * @error: return location for a %TIMECARD_CREDENTIAL_ERROR
 *
 * Checks a description: optional, at most
 * %TIMECARD_CREDENTIAL_DESCRIPTION_MAX characters.
 *
 * Returns: (transfer full) (nullable): the description without surrounding
 *   whitespace (possibly empty), or %NULL with @error set
 */
char *
timecard_credential_validate_description (const char  *description,
                                          GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (description == NULL || g_utf8_validate (description, -1, NULL), NULL);

  trimmed = dup_trimmed (description);

  if (g_utf8_strlen (trimmed, -1) > TIMECARD_CREDENTIAL_DESCRIPTION_MAX)
    {
      g_set_error (error, TIMECARD_CREDENTIAL_ERROR,
                   TIMECARD_CREDENTIAL_ERROR_DESCRIPTION_TOO_LONG,
                   _("The description is too long: use at most %d characters"),
                   TIMECARD_CREDENTIAL_DESCRIPTION_MAX);
      return NULL;
    }

  return g_steal_pointer (&trimmed);
}

/**
 * timecard_credential_validate_key:
 * @key: (nullable): an API key as entered or pasted
 * @error: return location for a %TIMECARD_CREDENTIAL_ERROR
 *
 * Checks that @key can be a Clockify API key: surrounding whitespace (a
 * pasted line break) is dropped; what remains must be
 * %TIMECARD_CREDENTIAL_KEY_MIN to %TIMECARD_CREDENTIAL_KEY_MAX printable
 * ASCII characters without spaces. The messages never quote the key.
 *
 * Returns: (transfer full) (nullable): the trimmed key, to be freed with
 *   secret_password_free(), or %NULL with @error set
 */
char *
timecard_credential_validate_key (const char  *key,
                                  GError     **error)
{
  g_autoptr(TimecardApiKey) trimmed = dup_trimmed (key);
  gsize len = strlen (trimmed);

  if (len == 0)
    {
      g_set_error_literal (error, TIMECARD_CREDENTIAL_ERROR,
                           TIMECARD_CREDENTIAL_ERROR_KEY_REQUIRED,
                           _("Enter the API key"));
      return NULL;
    }

  for (gsize i = 0; i < len; i++)
    {
      guchar c = trimmed[i];
      const char *problem = NULL;

      if (g_ascii_isspace (c))
        problem = _("The API key must not contain spaces or line breaks");
      else if (c < 0x20 || c == 0x7f)
        problem = _("The API key must not contain control characters");
      else if (c > 0x7f)
        problem = _("The API key must contain only ASCII letters, digits and punctuation");

      if (problem != NULL)
        {
          g_set_error_literal (error, TIMECARD_CREDENTIAL_ERROR,
                               TIMECARD_CREDENTIAL_ERROR_KEY_INVALID, problem);
          return NULL;
        }
    }

  if (len < TIMECARD_CREDENTIAL_KEY_MIN)
    {
      g_set_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
                   _("The API key is too short: Clockify keys have at least %d characters"),
                   TIMECARD_CREDENTIAL_KEY_MIN);
      return NULL;
    }

  if (len > TIMECARD_CREDENTIAL_KEY_MAX)
    {
      g_set_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
                   _("The API key is too long: Clockify keys have at most %d characters"),
                   TIMECARD_CREDENTIAL_KEY_MAX);
      return NULL;
    }

  return g_steal_pointer (&trimmed);
}

/**
 * timecard_credential_parse_server:
 * @text: (nullable): a server in its compact form (`global`, `euc1`,
 *   `subdomain:acme`, `https://host/`); %NULL means `global`
 * @error: return location for a %TIMECARD_CREDENTIAL_ERROR
 *
 * Parses a credential's server with libclockify's rules, reporting a
 * problem as %TIMECARD_CREDENTIAL_ERROR_SERVER_INVALID with libclockify's
 * message.
 *
 * Returns: (transfer full) (nullable): the server, or %NULL with @error set
 */
ClockifyServer *
timecard_credential_parse_server (const char  *text,
                                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  ClockifyServer *server;

  if (text == NULL)
    return clockify_server_new_global ();

  server = clockify_server_parse (text, &local_error);
  if (server == NULL)
    {
      g_set_error_literal (error, TIMECARD_CREDENTIAL_ERROR,
                           TIMECARD_CREDENTIAL_ERROR_SERVER_INVALID,
                           local_error->message);
      return NULL;
    }

  return server;
}

/**
 * timecard_credential_fold_name:
 * @name: a credential name
 *
 * The form in which two names compare equal when they differ only in case
 * or Unicode normalization, for the uniqueness rule.
 *
 * Returns: (transfer full): the folded name
 */
char *
timecard_credential_fold_name (const char *name)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);
  return g_utf8_casefold (normalized != NULL ? normalized : name, -1);
}
