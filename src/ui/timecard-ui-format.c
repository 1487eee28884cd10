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

/**
 * timecard_format_duration:
 * @usec: a length of time in µs
 *
 * Returns: (transfer full): @usec in words for an estimate, e.g.
 *   "under a second", "12 seconds", "5 minutes", "2 h 05 min"
 */
char *
timecard_format_duration (gint64 usec)
{
  gint64 seconds = (MAX (usec, 0) + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC;
  gint64 minutes;

  if (seconds < 1)
    return g_strdup (_("under a second"));
  if (seconds < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds", seconds),
                            (int) seconds);

  minutes = (seconds + 30) / 60;
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes),
                            (int) minutes);

  /* Translators: hours and minutes, e.g. "2 h 05 min" */
  return g_strdup_printf (_("%d h %02d min"), (int) MIN (minutes / 60, G_MAXINT), (int) (minutes % 60));
}

/**
 * timecard_format_time_until:
 * @when: a moment in the future
 * @now: (nullable): the present, or %NULL for the clock's
 *
 * Returns: (transfer full): when @when comes in local time and how far
 *   off it is, e.g. "at 14:05 (in 12 minutes)", or "now" once it is past
 */
char *
timecard_format_time_until (GDateTime *when,
                            GDateTime *now)
{
  g_autoptr(GDateTime) clock_now = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *span = NULL;
  GTimeSpan left;

  g_return_val_if_fail (when != NULL, NULL);

  if (now == NULL)
    now = clock_now = g_date_time_new_now_utc ();

  left = g_date_time_difference (when, now);
  if (left < G_TIME_SPAN_SECOND)
    return g_strdup (_("now"));

  local = g_date_time_to_local (when);
  local_now = g_date_time_to_local (now);
  if (g_date_time_get_year (local) == g_date_time_get_year (local_now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (local_now))
    /* Translators: a time of day, see the GDateTime format codes */
    clock = g_date_time_format (local, _("at %H:%M"));
  else
    /* Translators: a date and time, see the GDateTime format codes */
    clock = g_date_time_format (local, _("on %-d %B at %H:%M"));
  span = timecard_format_duration (left);

  /* Translators: "at 14:05 (in 12 minutes)" */
  return g_strdup_printf (_("%s (in %s)"), clock, span);
}

/**
 * timecard_format_entity:
 * @entity: a kind of exported data
 *
 * Returns: (transfer none): its name in a title, e.g. "User Groups"
 */
const char *
timecard_format_entity (TimecardExportEntity entity)
{
  switch (entity)
    {
    case TIMECARD_EXPORT_ENTITY_WORKSPACE:
      return _("Workspace");
    case TIMECARD_EXPORT_ENTITY_USERS:
      return _("Users");
    case TIMECARD_EXPORT_ENTITY_USER_GROUPS:
      return _("User Groups");
    case TIMECARD_EXPORT_ENTITY_CLIENTS:
      return _("Clients");
    case TIMECARD_EXPORT_ENTITY_PROJECTS:
      return _("Projects");
    case TIMECARD_EXPORT_ENTITY_TASKS:
      return _("Tasks");
    case TIMECARD_EXPORT_ENTITY_TAGS:
      return _("Tags");
    case TIMECARD_EXPORT_ENTITY_CUSTOM_FIELDS:
      return _("Custom Fields");
    case TIMECARD_EXPORT_ENTITY_TIME_ENTRIES:
      return _("Time Entries");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * timecard_format_strategy:
 * @strategy: how time entries are fetched
 *
 * Returns: (transfer none): the strategy in words
 */
const char *
timecard_format_strategy (TimecardExportStrategy strategy)
{
  switch (strategy)
    {
    case TIMECARD_EXPORT_STRATEGY_REPORTS:
      return _("Detailed report");
    case TIMECARD_EXPORT_STRATEGY_PER_USER:
      return _("One user at a time");
    case TIMECARD_EXPORT_STRATEGY_AUTO:
    default:
      return _("Automatic");
    }
}
