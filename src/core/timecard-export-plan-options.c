/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-plan"

#include "config.h"

#include "timecard-export-plan.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "timecard-export-sqlite.h"

/* The options of an export as people write them: strategy names, entity
 * lists, range bounds; and the range an incremental update would take. */

/**
 * timecard_export_strategy_to_string:
 * @strategy: a strategy
 *
 * Returns: "auto", "reports" or "per-user"
 */
const char *
timecard_export_strategy_to_string (TimecardExportStrategy strategy)
{
  switch (strategy)
    {
    case TIMECARD_EXPORT_STRATEGY_REPORTS:
      return "reports";
    case TIMECARD_EXPORT_STRATEGY_PER_USER:
      return "per-user";
    case TIMECARD_EXPORT_STRATEGY_AUTO:
    default:
      return "auto";
    }
}

/**
 * timecard_export_strategy_from_string:
 * @text: "auto", "reports" or "per-user"
 * @out_strategy: (out): the strategy
 *
 * Returns: whether @text names a strategy
 */
gboolean
timecard_export_strategy_from_string (const char             *text,
                                      TimecardExportStrategy *out_strategy)
{
  for (TimecardExportStrategy s = TIMECARD_EXPORT_STRATEGY_AUTO; s <= TIMECARD_EXPORT_STRATEGY_PER_USER; s++)
    {
      if (g_strcmp0 (text, timecard_export_strategy_to_string (s)) == 0)
        {
          *out_strategy = s;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * timecard_export_parse_entities:
 * @list: entity names separated by commas ("users,time_entries"; `-` may
 *   stand for `_`), or "all"
 * @out_entities: (out): the set, one TIMECARD_EXPORT_ENTITY_BIT() each
 * @error: return location for a %G_OPTION_ERROR_BAD_VALUE
 *
 * Returns: whether @list is valid and not empty
 */
gboolean
timecard_export_parse_entities (const char  *list,
                                guint       *out_entities,
                                GError     **error)
{
  g_auto(GStrv) names = g_strsplit (list, ",", -1);
  guint entities = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strdelimit (g_strstrip (g_strdup (names[i])), "-", '_');
      TimecardExportEntity entity;

      if (*name == '\0')
        continue;
      if (g_str_equal (name, "all"))
        {
          entities |= TIMECARD_EXPORT_ALL_ENTITIES;
          continue;
        }
      if (!timecard_export_entity_from_name (name, &entity))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown entity “%s”; choose from workspace, users, user_groups, "
                         "clients, projects, tasks, tags, custom_fields, time_entries"),
                       names[i]);
          return FALSE;
        }
      entities |= TIMECARD_EXPORT_ENTITY_BIT (entity);
    }

  if (entities == 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("No entities chosen"));
      return FALSE;
    }

  *out_entities = entities;
  return TRUE;
}

static gboolean
is_plain_date (const char *text)
{
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

/**
 * timecard_export_parse_range_bound:
 * @text: a date ("2024-03-01") or an ISO 8601 instant
 *   ("2024-03-01T08:00:00Z"; without an offset, in @time_zone)
 * @time_zone: the export's time zone
 * @is_end: whether @text ends the range: a date then includes its whole day
 * @out_usec: (out): the instant, Unix µs; an end is exclusive
 * @error: return location for a %G_OPTION_ERROR_BAD_VALUE
 *
 * Returns: whether @text is a valid bound
 */
gboolean
timecard_export_parse_range_bound (const char  *text,
                                   GTimeZone   *time_zone,
                                   gboolean     is_end,
                                   gint64      *out_usec,
                                   GError     **error)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (time_zone != NULL, FALSE);

  if (is_plain_date (text))
    {
      int year = atoi (text), month = atoi (text + 5), day = atoi (text + 8);

      if (g_date_valid_dmy (day, month, year))
        time = g_date_time_new (time_zone, year, month, day, 0, 0, 0);
      if (time != NULL && is_end)
        {
          GDateTime *next = g_date_time_add_days (time, 1);

          g_date_time_unref (time);
          time = next;
        }
    }
  else
    {
      time = g_date_time_new_from_iso8601 (text, time_zone);
    }

  if (time == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is neither a date (YYYY-MM-DD) nor an ISO 8601 time"), text);
      return FALSE;
    }

  *out_usec = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  return TRUE;
}

/**
 * timecard_export_plan_continue_sync_of:
 * @self: a plan that is not prepared
 * @path: an SQLite export, or where one would go
 * @trailing_days: how many days before the last sync's end to fetch again
 * @out_synced_at_usec: (out) (optional): when the last sync of the plan's
 *   workspace completed, 0 when @path has none
 * @error: return location for an error
 *
 * What an incremental update of @path would fetch, for a plan shown before
 * it runs: reads @path's last sync without writing to it, then narrows the
 * range as timecard_export_plan_continue_sync() does (the job does the same
 * when it opens the database).
 *
 * Returns: %FALSE if @path cannot be read or is not a Timecard database
 */
gboolean
timecard_export_plan_continue_sync_of (TimecardExportPlan  *self,
                                       const char          *path,
                                       guint                trailing_days,
                                       gint64              *out_synced_at_usec,
                                       GError             **error)
{
  gint64 range_end = 0, synced_at = 0;
  gboolean found;

  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!timecard_export_sqlite_read_sync_state (path, clockify_workspace_get_id (timecard_export_plan_get_workspace (self)),
                                               TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, &found,
                                               NULL, &range_end, &synced_at, error))
    return FALSE;

  if (found)
    timecard_export_plan_continue_sync (self, range_end, trailing_days);
  if (out_synced_at_usec != NULL)
    *out_synced_at_usec = found ? synced_at : 0;

  return TRUE;
}
