/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-ui-format"

#include "config.h"

#include "timecard-ui-format.h"

#include <glib/gi18n.h>

/**
 * timecard_format_region:
 * @region: a data region prefix (euc1, use2, euw2, apse2)
 *
 * Returns: (transfer none): the region in words, e.g. "EU data region"
 */
const char *
timecard_format_region (const char *region)
{
  g_return_val_if_fail (region != NULL, NULL);

  if (g_str_equal (region, "euc1"))
    return _("EU data region");
  if (g_str_equal (region, "use2"))
    return _("USA data region");
  if (g_str_equal (region, "euw2"))
    return _("UK data region");
  if (g_str_equal (region, "apse2"))
    return _("Australia data region");

  return region;
}

/**
 * timecard_format_server:
 * @server: a server
 *
 * Describes where a credential's requests go, the way a person would say
 * it: "Global", "EU data region", "acme.clockify.me", or the custom URL.
 *
 * Returns: (transfer full): the description
 */
char *
timecard_format_server (ClockifyServer *server)
{
  g_return_val_if_fail (CLOCKIFY_IS_SERVER (server), NULL);

  switch (clockify_server_get_kind (server))
    {
    case CLOCKIFY_SERVER_GLOBAL:
      return g_strdup (_("Global"));

    case CLOCKIFY_SERVER_REGION:
      return g_strdup (timecard_format_region (clockify_server_get_region (server)));

    case CLOCKIFY_SERVER_SUBDOMAIN:
      return g_strdup_printf ("%s.clockify.me", clockify_server_get_subdomain (server));

    case CLOCKIFY_SERVER_CUSTOM:
    default:
      return g_strdup (clockify_server_get_web_base (server));
    }
}

/**
 * timecard_format_relative_time:
 * @when: a moment in the past
 * @now: (nullable): the present, or %NULL for the clock's
 *
 * Returns: (transfer full): how long ago @when was, e.g. "5 minutes ago",
 *   "yesterday", or the date for anything older than a week
 */
char *
timecard_format_relative_time (GDateTime *when,
                               GDateTime *now)
{
  g_autoptr(GDateTime) clock_now = NULL;
  g_autoptr(GDateTime) local = NULL;
  GTimeSpan span;
  gint64 minutes, hours, days;

  g_return_val_if_fail (when != NULL, NULL);

  if (now == NULL)
    now = clock_now = g_date_time_new_now_utc ();

  /* A clock set back a little is not worth "in 2 minutes". */
  span = MAX (g_date_time_difference (now, when), 0);
  minutes = span / G_TIME_SPAN_MINUTE;
  hours = span / G_TIME_SPAN_HOUR;
  days = span / G_TIME_SPAN_DAY;

  if (minutes < 1)
    return g_strdup (_("just now"));
  if (hours < 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", minutes),
                            (int) minutes);
  if (days < 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", hours),
                            (int) hours);
  if (days < 2)
    return g_strdup (_("yesterday"));
  if (days < 7)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days),
                            (int) days);

  local = g_date_time_to_local (when);
  /* Translators: a date, see the GDateTime format codes */
  return g_date_time_format (local, _("on %-d %B %Y"));
}
