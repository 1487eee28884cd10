/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Time entries: generating them, their per-user indexes, and the
 * mutations that incremental-sync tests apply.
 */
#define G_LOG_DOMAIN "clockify-sim"

#include "config.h"

#include "clockify-sim-private.h"

#include <string.h>

#define DAY_SECS    (24 * 3600)
#define MUTATE_DAYS 30

/* Descriptions that tend to break exporters. Index 0 must stay "". */
static const char * const special_descriptions[] = {
  "",
  "Café ☕ – naïve 日本",
  "Meeting, planning, review",
  "Said \"hello\" to the client",
  "Line one\nLine two",
  "Tab\tseparated\tvalues",
  "Backslash \\ path C:\\temp\\new",
  "Emoji 🎉 party 👩‍💻",
  "<b>html</b> & ampersand's",
  "=SUM(A1:A2)",
  "  leading and trailing spaces  ",
  "Ünïcödé ümlauts, «guillemets» and — dashes",
  "Semi;colon|pipe",
  "Carriage\r\nreturn",
};

static const char * const verbs[] = {
  "Fix", "Review", "Write", "Plan", "Discuss", "Deploy", "Test", "Refactor",
};
static const char * const objects[] = {
  "login page", "invoice export", "sprint goals", "release notes",
  "database schema", "customer feedback", "build pipeline", "onboarding docs",
};

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SimEntry *x = a, *y = b;

  if (x->start_ms != y->start_ms)
    return x->start_ms < y->start_ms ? -1 : 1;
  return strcmp (x->id.hex, y->id.hex);
}

static guint32
add_description (SimWorkspace *ws,
                 char         *text)
{
  g_ptr_array_add (ws->descriptions, text);
  return ws->descriptions->len - 1;
}

void
_sim_ws_fill_descriptions (SimWorkspace *ws)
{
  for (guint i = 0; i < G_N_ELEMENTS (special_descriptions); i++)
    add_description (ws, g_strdup (special_descriptions[i]));
  for (guint v = 0; v < G_N_ELEMENTS (verbs); v++)
    for (guint o = 0; o < G_N_ELEMENTS (objects); o++)
      add_description (ws, g_strdup_printf ("%s %s", verbs[v], objects[o]));
  /* A long one, for column widths. */
  add_description (ws, g_strnfill (300, 'x'));
}

static guint32
pick_description (SimWorkspace *ws,
                  SimRng       *rng)
{
  guint n_special = G_N_ELEMENTS (special_descriptions);
  guint r = _sim_rng_below (rng, 100);

  if (r < 8)
    return 0;
  if (r < 20)
    return 1 + _sim_rng_below (rng, n_special - 1);
  return n_special + _sim_rng_below (rng, ws->descriptions->len - n_special);
}

static void
pick_tags (SimWorkspace *ws,
           SimEntry     *entry,
           SimRng       *rng)
{
  guint n_tags = ws->tags->len;
  guint r = _sim_rng_below (rng, 100);

  entry->n_tags = 0;
  entry->flags &= ~SIM_ENTRY_TAGS_NULL;
  if (r < 10)
    entry->flags |= SIM_ENTRY_TAGS_NULL;
  if (r < 35 || n_tags == 0)
    return;

  for (guint want = 1 + _sim_rng_below (rng, SIM_ENTRY_MAX_TAGS); entry->n_tags < want && entry->n_tags < n_tags;)
    {
      guint16 tag = _sim_rng_below (rng, n_tags);
      gboolean seen = FALSE;

      for (guint k = 0; k < entry->n_tags; k++)
        seen |= entry->tags[k] == tag;
      if (!seen)
        entry->tags[entry->n_tags++] = tag;
    }
}

/* A completed entry for @user starting in [from, to) seconds. */
static void
make_entry (SimWorld     *world,
            SimWorkspace *ws,
            SimEntry     *entry,
            guint         user,
            gint64        from,
            gint64        to,
            SimRng       *rng)
{
  gint64 now = world->options.now;
  gint64 first_day = from / DAY_SECS;
  guint n_days = MAX ((to - from) / DAY_SECS, 1);
  gint64 start, duration;
  guint r = _sim_rng_below (rng, 100);
  guint ms = 0;

  memset (entry, 0, sizeof *entry);
  start = (first_day + _sim_rng_below (rng, n_days)) * DAY_SECS
          + (6 + _sim_rng_below (rng, 12)) * 3600 + 900 * _sim_rng_below (rng, 4);
  if (_sim_rng_chance (rng, 10))
    start += _sim_rng_below (rng, 900);
  if (r < 3)
    duration = 0;
  else if (r < 5)
    duration = DAY_SECS + 3600 * _sim_rng_below (rng, 6);
  else if (r < 10)
    duration = 1 + _sim_rng_below (rng, 10000);
  else
    duration = 900 * (1 + _sim_rng_below (rng, 32));
  /* Completed entries end before "now". */
  if (start + duration >= now - 60)
    start = now - 60 - duration - DAY_SECS;
  if (start < from)
    start = from;

  if (_sim_rng_chance (rng, 15))
    {
      ms = 1 + _sim_rng_below (rng, 999);
      entry->flags |= SIM_ENTRY_MILLIS;
    }
  entry->start_ms = start * 1000 + ms;
  entry->end_ms = (start + duration) * 1000 + ms;
  _sim_make_id (&entry->id, start, ws->id_machine, &ws->id_counter);
  entry->user = user;
  entry->project = entry->task = -1;
  entry->description = pick_description (ws, rng);
  entry->cf_seed = (guint32) _sim_rng_next (rng);

  if (_sim_rng_chance (rng, 1))
    entry->flags |= SIM_ENTRY_BREAK;
  else if (ws->projects->len > 0 && !_sim_rng_chance (rng, 10))
    {
      const SimProject *project;

      entry->project = _sim_rng_below (rng, ws->projects->len);
      project = &g_array_index (ws->projects, SimProject, entry->project);
      if (project->n_tasks > 0 && _sim_rng_chance (rng, 70))
        entry->task = project->first_task + _sim_rng_below (rng, project->n_tasks);
      if (project->billable && _sim_rng_chance (rng, 85))
        entry->flags |= SIM_ENTRY_BILLABLE;
    }

  pick_tags (ws, entry, rng);
  if (ws->custom_fields->len == 0 ? _sim_rng_chance (rng, 50) : _sim_rng_chance (rng, 15))
    entry->flags |= SIM_ENTRY_CFV_NULL;
  if (start < now - 400 * DAY_SECS)
    entry->flags |= SIM_ENTRY_LOCKED;
}

static void
rebuild_indexes (SimWorld     *world,
                 SimWorkspace *ws)
{
  g_array_sort (ws->entries, compare_entries);

  for (guint u = 0; u < world->users->len; u++)
    g_array_set_size (ws->by_user[u], 0);
  for (guint p = 0; p < ws->projects->len; p++)
    g_array_index (ws->projects, SimProject, p).tracked_secs = 0;
  for (guint t = 0; t < ws->tasks->len; t++)
    g_array_index (ws->tasks, SimTask, t).tracked_secs = 0;

  for (guint i = 0; i < ws->entries->len; i++)
    {
      const SimEntry *entry = &g_array_index (ws->entries, SimEntry, i);
      gint64 secs;

      g_array_append_val (ws->by_user[entry->user], i);
      if (entry->end_ms < 0)
        continue;
      secs = (entry->end_ms - entry->start_ms) / 1000;
      if (entry->project >= 0)
        g_array_index (ws->projects, SimProject, entry->project).tracked_secs += secs;
      if (entry->task >= 0)
        g_array_index (ws->tasks, SimTask, entry->task).tracked_secs += secs;
    }
}

void
_sim_ws_generate_entries (SimWorld     *world,
                          SimWorkspace *ws,
                          guint         n_entries,
                          guint         n_running,
                          SimRng       *rng)
{
  const ClockifySimOptions *o = &world->options;
  gint64 from = o->now - (gint64) o->years * 365 * DAY_SECS;
  guint n_members = ws->members->len;
  n_running = MIN (n_running, MIN (n_entries, n_members));

  g_array_set_size (ws->entries, n_entries);
  for (guint i = 0; i < n_entries - n_running; i++)
    {
      guint user = g_array_index (ws->members, guint, _sim_rng_below (rng, n_members));

      make_entry (world, ws, &g_array_index (ws->entries, SimEntry, i), user, from, o->now, rng);
    }

  /* Running entries: the owner's, then the last users' (one each). */
  for (guint r = 0; r < n_running; r++)
    {
      SimEntry *entry = &g_array_index (ws->entries, SimEntry, n_entries - n_running + r);
      guint user = r == 0 ? 0 : world->users->len - r;
      gint64 start;

      /* The paid workspace has every user, the FREE one runs one entry. */
      g_assert (_sim_ws_has_member (ws, user) && (r == 0 || user != 0));

      make_entry (world, ws, entry, user, o->now - 2 * DAY_SECS, o->now, rng);
      start = o->now - 1800 - _sim_rng_below (rng, 3 * 3600);
      entry->start_ms = start * 1000 + 250;
      entry->end_ms = -1;
      entry->flags |= SIM_ENTRY_MILLIS;
      entry->flags &= ~SIM_ENTRY_LOCKED;
      _sim_make_id (&entry->id, start, ws->id_machine, &ws->id_counter);
    }

  rebuild_indexes (world, ws);
}

/* Mutations -------------------------------------------------------------- */

gboolean
_sim_ws_delete_entry (SimWorld     *world,
                      SimWorkspace *ws,
                      const char   *id)
{
  for (guint i = 0; i < ws->entries->len; i++)
    if (g_str_equal (g_array_index (ws->entries, SimEntry, i).id.hex, id))
      {
        g_array_remove_index (ws->entries, i);
        rebuild_indexes (world, ws);
        return TRUE;
      }

  return FALSE;
}

void
_sim_ws_mutate (SimWorld     *world,
                SimWorkspace *ws,
                guint         n_edit,
                guint         n_add,
                guint         n_delete,
                guint         seed)
{
  gint64 now = world->options.now;
  gint64 since_ms = (now - MUTATE_DAYS * DAY_SECS) * 1000;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *doomed = NULL;
  SimRng rng;
  guint n;

  _sim_rng_init (&rng, ((guint64) seed << 32) ^ world->options.seed ^ G_GUINT64_CONSTANT (0xed17));

  for (guint i = 0; i < ws->entries->len; i++)
    {
      const SimEntry *entry = &g_array_index (ws->entries, SimEntry, i);

      if (entry->start_ms >= since_ms && entry->end_ms >= 0)
        g_array_append_val (candidates, i);
    }

  /* Shuffle, then the first n_edit are edited and the next n_delete deleted. */
  for (guint i = candidates->len; i > 1; i--)
    {
      guint j = _sim_rng_below (&rng, i);
      guint tmp = g_array_index (candidates, guint, i - 1);

      g_array_index (candidates, guint, i - 1) = g_array_index (candidates, guint, j);
      g_array_index (candidates, guint, j) = tmp;
    }

  n = MIN (n_edit, candidates->len);
  for (guint k = 0; k < n; k++)
    {
      SimEntry *entry = &g_array_index (ws->entries, SimEntry, g_array_index (candidates, guint, k));
      const char *old = g_ptr_array_index (ws->descriptions, entry->description);
      gint64 end_ms;

      entry->description = add_description (ws, g_strdup_printf ("Edited %u: %s", seed, old));
      end_ms = entry->end_ms + 900000 * (1 + _sim_rng_below (&rng, 8));
      entry->end_ms = end_ms < (now - 60) * 1000 ? end_ms : entry->start_ms + 900000;
      pick_tags (ws, entry, &rng);
    }

  doomed = g_new0 (gboolean, MAX (ws->entries->len, 1));
  for (guint k = n; k < MIN (n + n_delete, candidates->len); k++)
    doomed[g_array_index (candidates, guint, k)] = TRUE;
  if (n_delete > 0)
    {
      guint out = 0;

      for (guint i = 0; i < ws->entries->len; i++)
        if (!doomed[i])
          g_array_index (ws->entries, SimEntry, out++) = g_array_index (ws->entries, SimEntry, i);
      g_array_set_size (ws->entries, out);
    }

  for (guint k = 0; k < n_add && ws->members->len > 0; k++)
    {
      SimEntry entry;
      guint user = g_array_index (ws->members, guint, _sim_rng_below (&rng, ws->members->len));

      make_entry (world, ws, &entry, user, now - MUTATE_DAYS * DAY_SECS, now, &rng);
      g_array_append_val (ws->entries, entry);
    }

  rebuild_indexes (world, ws);
}
