/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * JSON text for the simulator's entities, in the shapes of Clockify's
 * OpenAPI schemas (UserDtoV1, WorkspaceDtoV1, ..., TimeEntryWithRatesDtoV1,
 * the detailed report's entries). Written straight into a GString: a page of
 * 5,000 entries must not cost a json-glib tree.
 */
#define G_LOG_DOMAIN "clockify-sim"

#include "config.h"

#include "clockify-sim-private.h"

#include <math.h>
#include <string.h>

#define NO_USER_IMAGE "https://img.clockify.me/no-user-image.png"

void
_sim_json_string (GString    *out,
                  const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
key (GString    *out,
     const char *name)
{
  if (out->len > 0 && out->str[out->len - 1] != '{')
    g_string_append_c (out, ',');
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":");
}

static void
kv_str (GString    *out,
        const char *name,
        const char *value)
{
  key (out, name);
  _sim_json_string (out, value);
}

static void
kv_raw (GString    *out,
        const char *name,
        const char *raw)
{
  key (out, name);
  g_string_append (out, raw);
}

static void
kv_bool (GString    *out,
         const char *name,
         gboolean    value)
{
  kv_raw (out, name, value ? "true" : "false");
}

static void
kv_int (GString    *out,
        const char *name,
        gint64      value)
{
  key (out, name);
  g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

/* Report money: cents as a JSON number with a fraction, e.g. 4321.0. */
static void
kv_money (GString    *out,
          const char *name,
          gint64      cents)
{
  key (out, name);
  g_string_append_printf (out, "%" G_GINT64_FORMAT ".0", cents);
}

static void
rate (GString    *out,
      const char *name,
      gint64      amount,
      const char *currency)
{
  key (out, name);
  if (amount < 0)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_printf (out, "{\"amount\":%" G_GINT64_FORMAT ",\"currency\":", amount);
  _sim_json_string (out, currency);
  g_string_append_c (out, '}');
}

/* Days since 1970-01-01 to a civil date (H. Hinnant's algorithm). */
static void
civil_from_days (gint64  z,
                 int    *year,
                 guint  *month,
                 guint  *day)
{
  gint64 era, y;
  guint doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (guint) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = (gint64) yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = (int) (y + (*month <= 2));
}

static void
append_civil (GString *out,
              gint64   secs)
{
  gint64 days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  gint64 rem = secs - days * 86400;
  int year;
  guint month, day;

  civil_from_days (days, &year, &month, &day);
  g_string_append_printf (out, "%04d-%02u-%02uT%02u:%02u:%02u", year, month, day,
                          (guint) (rem / 3600), (guint) (rem / 60 % 60), (guint) (rem % 60));
}

void
_sim_json_timestamp (GString  *out,
                     gint64    ms,
                     gboolean  with_millis)
{
  gint64 secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;

  g_string_append_c (out, '"');
  append_civil (out, secs);
  if (with_millis)
    g_string_append_printf (out, ".%03u", (guint) (ms - secs * 1000));
  g_string_append (out, "Z\"");
}

void
_sim_json_zoned_time (GString   *out,
                      gint64     ms,
                      GTimeZone *tz)
{
  gint64 secs = ms / 1000;
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, secs);
  gint32 offset = g_time_zone_get_offset (tz, MAX (interval, 0));

  g_string_append_c (out, '"');
  append_civil (out, secs + offset);
  if (offset == 0)
    g_string_append_c (out, 'Z');
  else
    g_string_append_printf (out, "%c%02d:%02d", offset < 0 ? '-' : '+',
                            ABS (offset) / 3600, ABS (offset) / 60 % 60);
  g_string_append_c (out, '"');
}

void
_sim_json_iso_duration (GString *out,
                        gint64   secs)
{
  gint64 days = secs / 86400;
  guint h = secs / 3600 % 24, m = secs / 60 % 60, s = secs % 60;

  g_string_append (out, "\"P");
  if (days > 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "D", days);
  if (h > 0 || m > 0 || s > 0 || days == 0)
    g_string_append_c (out, 'T');
  if (h > 0)
    g_string_append_printf (out, "%uH", h);
  if (m > 0)
    g_string_append_printf (out, "%uM", m);
  if (s > 0 || secs == 0)
    g_string_append_printf (out, "%uS", s);
  g_string_append_c (out, '"');
}

static void
kv_timestamp (GString    *out,
              const char *name,
              gint64      ms,
              gboolean    with_millis)
{
  key (out, name);
  _sim_json_timestamp (out, ms, with_millis);
}

static void
kv_duration (GString    *out,
             const char *name,
             gint64      secs)
{
  key (out, name);
  _sim_json_iso_duration (out, secs);
}

static const SimUser *
user_at (SimWorld *world,
         guint     index)
{
  return &g_array_index (world->users, SimUser, index);
}

static void
membership (GString      *out,
            SimWorld     *world,
            guint         user,
            SimWorkspace *ws)
{
  const SimUser *u = user_at (world, user);

  g_string_append_c (out, '{');
  kv_str (out, "userId", u->id.hex);
  rate (out, "hourlyRate", u->hourly_rate > 0 ? (gint64) u->hourly_rate : -1, ws->currency);
  rate (out, "costRate", u->cost_rate, ws->currency);
  kv_str (out, "targetId", ws->id.hex);
  kv_str (out, "membershipType", "WORKSPACE");
  kv_str (out, "membershipStatus", "ACTIVE");
  g_string_append_c (out, '}');
}

void
_sim_json_user (GString  *out,
                SimWorld *world,
                guint     user,
                gboolean  with_memberships)
{
  const SimUser *u = user_at (world, user);
  SimWorkspace *active = g_ptr_array_index (world->workspaces, 0);
  gboolean first = TRUE;

  if (!_sim_ws_has_member (active, user))
    active = g_ptr_array_index (world->workspaces, 1);

  g_string_append_c (out, '{');
  kv_str (out, "id", u->id.hex);
  kv_str (out, "email", u->email);
  kv_str (out, "name", u->name);
  key (out, "memberships");
  g_string_append_c (out, '[');
  for (guint i = 0; with_memberships && i < world->workspaces->len; i++)
    {
      SimWorkspace *ws = g_ptr_array_index (world->workspaces, i);

      if (!_sim_ws_has_member (ws, user))
        continue;
      if (!first)
        g_string_append_c (out, ',');
      membership (out, world, user, ws);
      first = FALSE;
    }
  g_string_append_c (out, ']');
  kv_str (out, "profilePicture", NO_USER_IMAGE);
  kv_str (out, "activeWorkspace", active->id.hex);
  kv_str (out, "defaultWorkspace", active->id.hex);
  key (out, "settings");
  g_string_append_c (out, '{');
  kv_str (out, "weekStart", "MONDAY");
  kv_str (out, "timeZone", u->time_zone);
  kv_str (out, "timeFormat", "HOUR24");
  kv_str (out, "dateFormat", "YYYY-MM-DD");
  kv_bool (out, "sendNewsletter", FALSE);
  kv_bool (out, "weeklyUpdates", FALSE);
  kv_bool (out, "longRunning", FALSE);
  kv_bool (out, "scheduledReports", TRUE);
  kv_bool (out, "approval", FALSE);
  kv_bool (out, "pto", FALSE);
  kv_bool (out, "alerts", TRUE);
  kv_bool (out, "reminders", TRUE);
  kv_bool (out, "timeTrackingManual", FALSE);
  kv_raw (out, "summaryReportSettings", "{\"group\":\"PROJECT\",\"subgroup\":\"CLIENT\"}");
  kv_bool (out, "isCompactViewOn", FALSE);
  kv_str (out, "dashboardSelection", "ME");
  kv_str (out, "dashboardViewType", "PROJECT");
  kv_bool (out, "dashboardPinToTop", FALSE);
  kv_int (out, "projectListCollapse", 50);
  kv_bool (out, "collapseAllProjectLists", FALSE);
  kv_bool (out, "groupSimilarEntriesDisabled", FALSE);
  kv_str (out, "myStartOfDay", "09:00");
  kv_str (out, "lang", "EN");
  kv_str (out, "theme", "DEFAULT");
  kv_bool (out, "multiFactorEnabled", FALSE);
  g_string_append_c (out, '}');
  kv_str (out, "status", "ACTIVE");
  kv_raw (out, "customFields", "[]");
  g_string_append_c (out, '}');
}

void
_sim_json_workspace (GString      *out,
                     SimWorld     *world,
                     SimWorkspace *ws)
{
  g_string_append_c (out, '{');
  kv_str (out, "id", ws->id.hex);
  kv_str (out, "name", ws->name);
  rate (out, "hourlyRate", ws->hourly_rate, ws->currency);
  rate (out, "costRate", ws->cost_rate, ws->currency);
  key (out, "memberships");
  g_string_append_c (out, '[');
  for (guint i = 0; i < ws->members->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      membership (out, world, g_array_index (ws->members, guint, i), ws);
    }
  g_string_append_c (out, ']');
  key (out, "workspaceSettings");
  g_string_append_c (out, '{');
  kv_bool (out, "timeRoundingInReports", FALSE);
  kv_bool (out, "onlyAdminsSeeBillableRates", TRUE);
  kv_bool (out, "onlyAdminsCreateProject", TRUE);
  kv_bool (out, "onlyAdminsSeeDashboard", FALSE);
  kv_bool (out, "defaultBillableProjects", TRUE);
  kv_bool (out, "lockTimeEntries", FALSE);
  kv_raw (out, "round", "{\"round\":\"Round to nearest\",\"minutes\":\"15\"}");
  kv_bool (out, "projectFavorites", TRUE);
  kv_bool (out, "canSeeTimeSheet", TRUE);
  kv_bool (out, "canSeeTracker", TRUE);
  kv_bool (out, "projectPickerSpecialFilter", FALSE);
  kv_bool (out, "forceProjects", FALSE);
  kv_bool (out, "forceTasks", FALSE);
  kv_bool (out, "forceTags", FALSE);
  kv_bool (out, "forceDescription", FALSE);
  kv_bool (out, "onlyAdminsSeeAllTimeEntries", FALSE);
  kv_bool (out, "onlyAdminsSeePublicProjectsEntries", FALSE);
  kv_bool (out, "trackTimeDownToSecond", TRUE);
  kv_str (out, "projectGroupingLabel", "client");
  kv_bool (out, "adminOnlyPages", FALSE);
  kv_str (out, "durationFormat", "FULL");
  kv_str (out, "numberFormat", "COMMA_PERIOD");
  kv_str (out, "currencyFormat", "CURRENCY_SPACE_VALUE");
  kv_bool (out, "lockTimeZone", FALSE);
  kv_str (out, "timeTrackingMode", "DEFAULT");
  kv_raw (out, "workingDays", "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]");
  g_string_append_c (out, '}');
  kv_str (out, "imageUrl", "");
  /* A plain string, as the live API sends, not the spec's FeaturePlan object. */
  kv_str (out, "featureSubscriptionType", ws->plan);
  kv_raw (out, "features", ws->custom_fields_allowed
          ? "[\"CUSTOM_FIELDS\",\"TIME_TRACKING\",\"APPROVAL\",\"INVOICING\"]"
          : "[\"TIME_TRACKING\"]");
  key (out, "currencies");
  g_string_append (out, "[{");
  kv_str (out, "id", ws->id.hex);
  kv_str (out, "code", ws->currency);
  kv_bool (out, "isDefault", TRUE);
  g_string_append (out, "}]");
  kv_raw (out, "subdomain", "{\"enabled\":false,\"name\":null}");
  kv_raw (out, "cakeOrganizationId", "null");
  g_string_append_c (out, '}');
}

void
_sim_json_client (GString      *out,
                  SimWorkspace *ws,
                  guint         index)
{
  const SimClient *c = &g_array_index (ws->clients, SimClient, index);

  g_string_append_c (out, '{');
  kv_str (out, "id", c->id.hex);
  kv_str (out, "name", c->name);
  kv_str (out, "email", c->email);
  kv_str (out, "workspaceId", ws->id.hex);
  kv_bool (out, "archived", c->archived);
  kv_str (out, "address", c->address);
  kv_str (out, "note", c->note);
  kv_raw (out, "ccEmails", "[]");
  kv_str (out, "currencyId", ws->id.hex);
  kv_str (out, "currencyCode", ws->currency);
  g_string_append_c (out, '}');
}

void
_sim_json_project (GString      *out,
                   SimWorkspace *ws,
                   guint         index)
{
  const SimProject *p = &g_array_index (ws->projects, SimProject, index);
  const SimClient *c = p->client >= 0 ? &g_array_index (ws->clients, SimClient, p->client) : NULL;

  g_string_append_c (out, '{');
  kv_str (out, "id", p->id.hex);
  kv_str (out, "name", p->name);
  rate (out, "hourlyRate", p->hourly_rate, ws->currency);
  kv_str (out, "clientId", c != NULL ? c->id.hex : "");
  kv_str (out, "clientName", c != NULL ? c->name : "");
  kv_str (out, "workspaceId", ws->id.hex);
  kv_bool (out, "billable", p->billable);
  kv_raw (out, "memberships", "[]");
  kv_str (out, "color", p->color);
  kv_raw (out, "estimate", "{\"estimate\":\"PT0S\",\"type\":\"AUTO\"}");
  kv_bool (out, "archived", p->archived);
  kv_duration (out, "duration", p->tracked_secs);
  kv_raw (out, "costRate", "null");
  kv_str (out, "note", p->note);
  kv_raw (out, "budgetEstimate", "null");
  kv_raw (out, "timeEstimate", "{\"estimate\":\"PT0S\",\"type\":\"AUTO\",\"resetOption\":null,\"active\":false,\"includeNonBillable\":true}");
  kv_bool (out, "template", FALSE);
  kv_bool (out, "public", p->is_public);
  g_string_append_c (out, '}');
}

void
_sim_json_task (GString      *out,
                SimWorkspace *ws,
                guint         index)
{
  const SimTask *t = &g_array_index (ws->tasks, SimTask, index);
  const SimProject *p = &g_array_index (ws->projects, SimProject, t->project);

  g_string_append_c (out, '{');
  kv_str (out, "id", t->id.hex);
  kv_str (out, "name", t->name);
  kv_str (out, "projectId", p->id.hex);
  key (out, "assigneeIds");
  g_string_append_c (out, '[');
  if (t->has_assignee)
    _sim_json_string (out, t->assignee.hex);
  g_string_append_c (out, ']');
  kv_str (out, "assigneeId", t->has_assignee ? t->assignee.hex : NULL);
  kv_raw (out, "userGroupIds", "[]");
  kv_duration (out, "estimate", t->estimate_secs);
  kv_str (out, "status", t->done ? "DONE" : "ACTIVE");
  kv_duration (out, "duration", t->tracked_secs);
  kv_bool (out, "billable", t->billable);
  rate (out, "hourlyRate", t->hourly_rate, ws->currency);
  kv_raw (out, "costRate", "null");
  kv_int (out, "budgetEstimate", 0);
  g_string_append_c (out, '}');
}

void
_sim_json_tag (GString      *out,
               SimWorkspace *ws,
               guint         index)
{
  const SimTag *t = &g_array_index (ws->tags, SimTag, index);

  g_string_append_c (out, '{');
  kv_str (out, "id", t->id.hex);
  kv_str (out, "name", t->name);
  kv_str (out, "workspaceId", ws->id.hex);
  kv_bool (out, "archived", t->archived);
  g_string_append_c (out, '}');
}

void
_sim_json_group (GString      *out,
                 SimWorld     *world,
                 SimWorkspace *ws,
                 guint         index)
{
  const SimGroup *g = &g_array_index (ws->groups, SimGroup, index);

  g_string_append_c (out, '{');
  kv_str (out, "id", g->id.hex);
  kv_str (out, "name", g->name);
  kv_str (out, "workspaceId", ws->id.hex);
  key (out, "userIds");
  g_string_append_c (out, '[');
  for (guint i = 0; i < g->users->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      _sim_json_string (out, user_at (world, g_array_index (g->users, guint, i))->id.hex);
    }
  g_string_append_c (out, ']');
  key (out, "teamManagers");
  g_string_append_c (out, '[');
  if (g->manager >= 0)
    {
      g_string_append_c (out, '{');
      kv_str (out, "id", user_at (world, g->manager)->id.hex);
      kv_str (out, "name", user_at (world, g->manager)->name);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  g_string_append_c (out, '}');
}

static const char *
field_type_name (SimFieldType type)
{
  static const char * const names[] = {
    "TXT", "NUMBER", "DROPDOWN_SINGLE", "CHECKBOX", "LINK", "DROPDOWN_MULTIPLE",
  };

  return names[type];
}

void
_sim_json_custom_field (GString      *out,
                        SimWorkspace *ws,
                        guint         index)
{
  const SimCustomField *f = &g_array_index (ws->custom_fields, SimCustomField, index);

  g_string_append_c (out, '{');
  kv_str (out, "id", f->id.hex);
  kv_str (out, "name", f->name);
  kv_str (out, "type", field_type_name (f->type));
  key (out, "allowedValues");
  g_string_append_c (out, '[');
  for (guint i = 0; f->allowed[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      _sim_json_string (out, f->allowed[i]);
    }
  g_string_append_c (out, ']');
  kv_str (out, "description", f->description);
  kv_str (out, "entityType", "TIMEENTRY");
  kv_bool (out, "onlyAdminCanEdit", FALSE);
  kv_str (out, "placeholder", f->placeholder);
  kv_raw (out, "projectDefaultValues", "[]");
  kv_bool (out, "required", FALSE);
  kv_str (out, "status", "VISIBLE");
  kv_raw (out, "workspaceDefaultValue", "null");
  kv_str (out, "workspaceId", ws->id.hex);
  g_string_append_c (out, '}');
}

static guint32
field_hash (guint32 seed,
            guint   field)
{
  guint32 h = seed ^ (0x9e3779b9u * (field + 1));

  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  return h;
}

static void
field_value (GString              *out,
             const SimCustomField *f,
             guint32               h)
{
  guint n_allowed = g_strv_length (f->allowed);

  switch (f->type)
    {
    case SIM_FIELD_TXT:
      if (h % 7 == 0)
        {
          g_autofree char *text = g_strdup_printf ("Ref \"%u\", urgent", h % 1000);
          _sim_json_string (out, text);
        }
      else
        g_string_append_printf (out, "\"TC-%u\"", h % 1000);
      break;
    case SIM_FIELD_NUMBER:
      g_string_append_printf (out, "%u", h % 100);
      break;
    case SIM_FIELD_DROPDOWN_SINGLE:
      _sim_json_string (out, f->allowed[h % n_allowed]);
      break;
    case SIM_FIELD_CHECKBOX:
      g_string_append (out, h % 2 ? "true" : "false");
      break;
    case SIM_FIELD_LINK:
      g_string_append_printf (out, "\"https://example.com/t/%u\"", h % 1000);
      break;
    case SIM_FIELD_DROPDOWN_MULTIPLE:
    default:
      g_string_append_c (out, '[');
      _sim_json_string (out, f->allowed[h % n_allowed]);
      if (h % 3 == 0)
        {
          g_string_append_c (out, ',');
          _sim_json_string (out, f->allowed[(h / 3 + 1) % n_allowed]);
        }
      g_string_append_c (out, ']');
      break;
    }
}

void
_sim_json_entry_fields (GString        *out,
                        SimWorkspace   *ws,
                        const SimEntry *entry,
                        gboolean        report)
{
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  for (guint i = 0; i < ws->custom_fields->len; i++)
    {
      const SimCustomField *f = &g_array_index (ws->custom_fields, SimCustomField, i);
      guint32 h = field_hash (entry->cf_seed, i);

      /* A quarter of the fields have no value on an entry. */
      if (h % 4 == 0)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      g_string_append_c (out, '{');
      kv_str (out, "customFieldId", f->id.hex);
      if (!report)
        kv_str (out, "timeEntryId", entry->id.hex);
      key (out, "value");
      field_value (out, f, h >> 4);
      kv_str (out, "name", f->name);
      kv_str (out, "type", field_type_name (f->type));
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static gint64
entry_secs (const SimEntry *entry)
{
  return (entry->end_ms - entry->start_ms) / 1000;
}

static guint
entry_cost_rate (SimWorld       *world,
                 SimWorkspace   *ws,
                 const SimEntry *entry)
{
  guint cost = user_at (world, entry->user)->cost_rate;

  return cost > 0 ? cost : ws->cost_rate;
}

void
_sim_json_time_entry (GString        *out,
                      SimWorld       *world,
                      SimWorkspace   *ws,
                      const SimEntry *e,
                      gboolean        hydrated)
{
  gboolean millis = (e->flags & SIM_ENTRY_MILLIS) != 0;
  gboolean is_break = (e->flags & SIM_ENTRY_BREAK) != 0;
  const SimProject *project = e->project >= 0 ? &g_array_index (ws->projects, SimProject, e->project) : NULL;
  const SimTask *task = e->task >= 0 ? &g_array_index (ws->tasks, SimTask, e->task) : NULL;

  g_string_append_c (out, '{');
  kv_str (out, "id", e->id.hex);
  kv_str (out, "description", g_ptr_array_index (ws->descriptions, e->description));
  key (out, "tagIds");
  if (e->flags & SIM_ENTRY_TAGS_NULL)
    g_string_append (out, "null");
  else
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < e->n_tags; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          _sim_json_string (out, g_array_index (ws->tags, SimTag, e->tags[i]).id.hex);
        }
      g_string_append_c (out, ']');
    }
  kv_str (out, "userId", user_at (world, e->user)->id.hex);
  kv_bool (out, "billable", (e->flags & SIM_ENTRY_BILLABLE) != 0);
  kv_str (out, "taskId", task != NULL ? task->id.hex : NULL);
  kv_str (out, "projectId", project != NULL ? project->id.hex : NULL);
  kv_str (out, "workspaceId", ws->id.hex);
  key (out, "timeInterval");
  g_string_append_c (out, '{');
  kv_timestamp (out, "start", e->start_ms, millis);
  if (e->end_ms < 0)
    {
      kv_raw (out, "end", "null");
      kv_raw (out, "duration", "null");
    }
  else
    {
      kv_timestamp (out, "end", e->end_ms, millis);
      kv_duration (out, "duration", entry_secs (e));
    }
  g_string_append_c (out, '}');
  key (out, "customFieldValues");
  if (e->flags & SIM_ENTRY_CFV_NULL)
    g_string_append (out, "null");
  else
    _sim_json_entry_fields (out, ws, e, FALSE);
  kv_str (out, "type", is_break ? "BREAK" : "REGULAR");
  kv_raw (out, "kioskId", "null");
  rate (out, "hourlyRate", is_break ? -1 : (gint64) _sim_entry_rate (world, ws, e), ws->currency);
  rate (out, "costRate", is_break ? -1 : (gint64) entry_cost_rate (world, ws, e), ws->currency);
  kv_bool (out, "isLocked", (e->flags & SIM_ENTRY_LOCKED) != 0);

  if (hydrated)
    {
      key (out, "project");
      if (project != NULL)
        _sim_json_project (out, ws, e->project);
      else
        g_string_append (out, "null");
      key (out, "task");
      if (task != NULL)
        _sim_json_task (out, ws, e->task);
      else
        g_string_append (out, "null");
      key (out, "tags");
      g_string_append_c (out, '[');
      for (guint i = 0; !(e->flags & SIM_ENTRY_TAGS_NULL) && i < e->n_tags; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          _sim_json_tag (out, ws, e->tags[i]);
        }
      g_string_append_c (out, ']');
      key (out, "user");
      g_string_append_c (out, '{');
      kv_str (out, "id", user_at (world, e->user)->id.hex);
      kv_str (out, "name", user_at (world, e->user)->name);
      kv_str (out, "email", user_at (world, e->user)->email);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
}

void
_sim_json_report_entry (GString        *out,
                        SimWorld       *world,
                        SimWorkspace   *ws,
                        const SimEntry *e,
                        GTimeZone      *tz,
                        gboolean        spec_spelling)
{
  const SimUser *user = user_at (world, e->user);
  const SimProject *project = e->project >= 0 ? &g_array_index (ws->projects, SimProject, e->project) : NULL;
  const SimClient *client = project != NULL && project->client >= 0
                            ? &g_array_index (ws->clients, SimClient, project->client) : NULL;
  const SimTask *task = e->task >= 0 ? &g_array_index (ws->tasks, SimTask, e->task) : NULL;
  gboolean is_break = (e->flags & SIM_ENTRY_BREAK) != 0;
  gboolean billable = (e->flags & SIM_ENTRY_BILLABLE) != 0;
  gint64 secs = entry_secs (e);
  gint64 hourly = is_break ? 0 : _sim_entry_rate (world, ws, e);
  gint64 cost = is_break ? 0 : entry_cost_rate (world, ws, e);
  gint64 earned = billable ? (gint64) llround ((double) hourly * secs / 3600.0) : 0;

  g_string_append_c (out, '{');
  kv_str (out, spec_spelling ? "id" : "_id", e->id.hex);
  kv_str (out, "description", g_ptr_array_index (ws->descriptions, e->description));
  kv_str (out, "userId", user->id.hex);
  kv_str (out, "userName", user->name);
  kv_str (out, "userEmail", user->email);
  kv_bool (out, "billable", billable);
  kv_str (out, "taskId", task != NULL ? task->id.hex : NULL);
  kv_str (out, "taskName", task != NULL ? task->name : NULL);
  kv_str (out, "projectId", project != NULL ? project->id.hex : NULL);
  kv_str (out, "projectName", project != NULL ? project->name : NULL);
  kv_str (out, "projectColor", project != NULL ? project->color : NULL);
  kv_str (out, "clientId", client != NULL ? client->id.hex : NULL);
  kv_str (out, "clientName", client != NULL ? client->name : NULL);
  key (out, "timeInterval");
  g_string_append_c (out, '{');
  key (out, "start");
  _sim_json_zoned_time (out, e->start_ms, tz);
  key (out, "end");
  _sim_json_zoned_time (out, e->end_ms, tz);
  kv_int (out, "duration", secs);
  g_string_append_c (out, '}');
  kv_raw (out, "approvalRequestId", "null");
  key (out, "tags");
  g_string_append_c (out, '[');
  for (guint i = 0; i < e->n_tags; i++)
    {
      const SimTag *tag = &g_array_index (ws->tags, SimTag, e->tags[i]);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      kv_str (out, "id", tag->id.hex);
      kv_str (out, "name", tag->name);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  kv_bool (out, "isLocked", (e->flags & SIM_ENTRY_LOCKED) != 0);
  kv_str (out, "type", is_break ? "BREAK" : "REGULAR");
  key (out, "customFields");
  if (e->flags & SIM_ENTRY_CFV_NULL)
    g_string_append (out, "[]");
  else
    _sim_json_entry_fields (out, ws, e, TRUE);
  kv_str (out, "currency", ws->currency);
  kv_money (out, "rate", hourly);
  kv_money (out, "amount", earned);
  kv_money (out, "earnedRate", billable ? hourly : 0);
  kv_money (out, "earnedAmount", earned);
  kv_money (out, "costRate", cost);
  kv_money (out, "costAmount", (gint64) llround ((double) cost * secs / 3600.0));
  kv_raw (out, "kioskId", "null");
  g_string_append_c (out, '}');
}

char *
_sim_json_error (const char *message,
                 int         code)
{
  GString *out = g_string_new ("{");

  kv_str (out, "message", message);
  if (code >= 0)
    kv_int (out, "code", code);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}
