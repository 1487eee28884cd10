/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The simulator's data set: generated from a seed with a PRNG of our own
 * (SplitMix64), so the same seed gives the same data on every GLib version.
 */
#define G_LOG_DOMAIN "clockify-sim"

#include "config.h"

#include "clockify-sim-private.h"

#include <string.h>

#define DAY_SECS (24 * 3600)

/* PRNG ------------------------------------------------------------------ */

void
_sim_rng_init (SimRng  *rng,
               guint64  seed)
{
  rng->state = seed ^ G_GUINT64_CONSTANT (0x5151a7ec1ccc0ffe);
}

guint64
_sim_rng_next (SimRng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

guint32
_sim_rng_below (SimRng  *rng,
                guint32  n)
{
  g_assert (n > 0);
  return (guint32) (((_sim_rng_next (rng) >> 32) * n) >> 32);
}

gboolean
_sim_rng_chance (SimRng *rng,
                 guint   percent)
{
  return _sim_rng_below (rng, 100) < percent;
}

/* Word lists ------------------------------------------------------------ */

static const char * const first_names[] = {
  "Ada", "Björn", "Zoë", "José", "Mei", "Olu", "Priya", "Sven", "Chiara",
  "Tomás", "Aiko", "Noor", "Grace", "Łukasz", "Fatima", "Ingrid",
};
static const char * const first_slugs[] = {
  "ada", "bjorn", "zoe", "jose", "mei", "olu", "priya", "sven", "chiara",
  "tomas", "aiko", "noor", "grace", "lukasz", "fatima", "ingrid",
};
G_STATIC_ASSERT (G_N_ELEMENTS (first_names) == G_N_ELEMENTS (first_slugs));

static const char * const last_names[] = {
  "Lovelace", "Ångström", "Núñez", "O'Brien", "Nakamura", "Okafor",
  "Müller", "Rossi", "Kowalski", "Hopper", "Haddad", "Lindqvist", "Chen",
};

static const char * const time_zones[] = {
  "Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC",
  "Australia/Sydney", "America/Los_Angeles", "Asia/Kolkata", "Europe/London",
};

static const char * const client_names[] = {
  "Northwind Traders", "Globex, Inc.", "Initech", "Umbrella \"Bio\" GmbH",
  "Café Society Ltd", "Stark Industries", "Wayne Enterprises", "Acme Corp",
  "Hooli", "Soylent", "Tyrell", "Cyberdyne", "株式会社 Sakura",
};

static const char * const project_names[] = {
  "Website Redesign", "Mobile App", "Internal Tools", "Marketing Q3",
  "Data Migration", "Support", "Research: ML", "Onboarding", "API v2",
  "Infrastructure", "Docs, Guides & FAQ", "日本 Launch", "Billing",
  "Security Audit", "Analytics", "Conference \"DevDays\"",
};

static const char * const task_names[] = {
  "Design", "Development", "Testing", "Review", "Deployment", "Meetings",
  "Planning", "Bug fixing", "Écriture", "Research",
};

static const char * const tag_names[] = {
  "urgent", "meeting", "remote", "overtime", "billable-later", "R&D",
  "café", "client-call", "deep work", "follow-up", "on-site", "training",
};

static const char * const group_names[] = {
  "Engineering", "Design", "Sales & Marketing", "Support", "Management",
  "Contractors",
};

static const struct
{
  const char *name;
  SimFieldType type;
  const char *allowed;
} field_templates[] = {
  { "Ticket", SIM_FIELD_TXT, NULL },
  { "Billable units", SIM_FIELD_NUMBER, NULL },
  { "Location", SIM_FIELD_DROPDOWN_SINGLE, "Office|Home|Client site" },
  { "Overtime", SIM_FIELD_CHECKBOX, NULL },
  { "Link", SIM_FIELD_LINK, NULL },
  { "Activities", SIM_FIELD_DROPDOWN_MULTIPLE, "Coding|Calls|Email|Travel" },
};

static const char * const colors[] = {
  "#03A9F4", "#F44336", "#4CAF50", "#FF9800", "#9C27B0", "#795548",
  "#607D8B", "#E91E63", "#3F51B5", "#009688",
};

/* Helpers ---------------------------------------------------------------- */

void
_sim_make_id (SimId   *id,
              gint64   time_secs,
              guint32  machine,
              guint32 *counter)
{
  g_snprintf (id->hex, sizeof id->hex, "%08x%08x%02x%06x",
              (guint32) time_secs, machine, (machine >> 24) ^ 0x5a,
              (*counter)++ & 0xffffff);
}

static char *
pick_name (const char * const *names,
           guint               n_names,
           guint               i)
{
  if (i < n_names)
    return g_strdup (names[i]);
  return g_strdup_printf ("%s %u", names[i % n_names], i / n_names + 1);
}

/* A seeded permutation of 0..n-1, so names are picked in seed order. */
static guint *
shuffled (SimRng *rng,
          guint   n)
{
  guint *order = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = n; i > 1; i--)
    {
      guint j = _sim_rng_below (rng, i);
      guint tmp = order[i - 1];

      order[i - 1] = order[j];
      order[j] = tmp;
    }
  return order;
}

static int
compare_names (const char  *a,
               const SimId *a_id,
               const char  *b,
               const SimId *b_id)
{
  int cmp = strcmp (a, b);

  return cmp != 0 ? cmp : strcmp (a_id->hex, b_id->hex);
}

#define DEFINE_NAME_COMPARE(Type) \
  static int \
  compare_##Type (gconstpointer a, gconstpointer b) \
  { \
    const Type *x = a, *y = b; \
    return compare_names (x->name, &x->id, y->name, &y->id); \
  }

DEFINE_NAME_COMPARE (SimClient)
DEFINE_NAME_COMPARE (SimProject)
DEFINE_NAME_COMPARE (SimTask)
DEFINE_NAME_COMPARE (SimTag)
DEFINE_NAME_COMPARE (SimGroup)
DEFINE_NAME_COMPARE (SimCustomField)

static void
clear_user (gpointer data)
{
  SimUser *user = data;

  g_free (user->name);
  g_free (user->email);
}

static void
clear_client (gpointer data)
{
  SimClient *client = data;

  g_free (client->name);
  g_free (client->email);
  g_free (client->address);
  g_free (client->note);
}

static void
clear_project (gpointer data)
{
  SimProject *project = data;

  g_free (project->name);
  g_free (project->note);
}

static void
clear_task (gpointer data)
{
  g_free (((SimTask *) data)->name);
}

static void
clear_tag (gpointer data)
{
  g_free (((SimTag *) data)->name);
}

static void
clear_group (gpointer data)
{
  SimGroup *group = data;

  g_free (group->name);
  g_clear_pointer (&group->users, g_array_unref);
}

static void
clear_custom_field (gpointer data)
{
  SimCustomField *field = data;

  g_free (field->name);
  g_free (field->description);
  g_free (field->placeholder);
  g_strfreev (field->allowed);
}

static GArray *
new_array (gsize          element_size,
           GDestroyNotify clear)
{
  GArray *array = g_array_new (FALSE, TRUE, element_size);

  if (clear != NULL)
    g_array_set_clear_func (array, clear);
  return array;
}

/* Generation ------------------------------------------------------------- */

typedef struct
{
  guint n_clients;
  guint n_projects;
  guint n_tasks_per_project;
  guint n_tags;
  guint n_groups;
  guint n_custom_fields;
  guint n_entries;
  guint n_running;
} WsSizes;

static void
generate_users (SimWorld *world,
                SimRng   *rng)
{
  const ClockifySimOptions *o = &world->options;
  guint32 machine = (guint32) _sim_rng_next (rng);
  guint32 counter = _sim_rng_below (rng, 0x100000);
  gint64 created = o->now - (gint64) (o->years + 2) * 365 * DAY_SECS;
  g_autofree guint *order = shuffled (rng, G_N_ELEMENTS (first_names));

  for (guint i = 0; i < o->n_users; i++)
    {
      SimUser user = { 0 };
      guint first = order[i % G_N_ELEMENTS (first_names)];
      guint last = (first * 7 + i) % G_N_ELEMENTS (last_names);
      guint round = i / G_N_ELEMENTS (first_names);

      _sim_make_id (&user.id, created + i * 3600, machine, &counter);
      if (round == 0)
        {
          user.name = g_strdup_printf ("%s %s", first_names[first], last_names[last]);
          user.email = g_strdup_printf ("%s.%u@example.com", first_slugs[first], i);
        }
      else
        {
          user.name = g_strdup_printf ("%s %s %u", first_names[first], last_names[last], round + 1);
          user.email = g_strdup_printf ("%s.%u@example.com", first_slugs[first], i);
        }
      user.time_zone = time_zones[i % G_N_ELEMENTS (time_zones)];
      user.hourly_rate = 2000 + 500 * _sim_rng_below (rng, 21);
      user.cost_rate = 1000 + 250 * _sim_rng_below (rng, 21);
      if (_sim_rng_chance (rng, 40))
        user.hourly_rate = 0;   /* 0: inherits the workspace's rate */
      g_array_append_val (world->users, user);
    }
}

static int
compare_members_by_name (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  GArray *users = user_data;
  const SimUser *x = &g_array_index (users, SimUser, *(const guint *) a);
  const SimUser *y = &g_array_index (users, SimUser, *(const guint *) b);

  return compare_names (x->name, &x->id, y->name, &y->id);
}

static void
generate_reference_data (SimWorld     *world,
                         SimWorkspace *ws,
                         const WsSizes *sizes,
                         SimRng       *rng)
{
  const ClockifySimOptions *o = &world->options;
  gint64 created = o->now - (gint64) (o->years + 1) * 365 * DAY_SECS;
  guint n_members = ws->members->len;

  /* Clients, sorted before projects refer to them by index. */
  {
    g_autofree guint *order = shuffled (rng, G_N_ELEMENTS (client_names));

    for (guint i = 0; i < sizes->n_clients; i++)
      {
        SimClient client = { 0 };
        guint pick = order[i % G_N_ELEMENTS (client_names)] + (i / G_N_ELEMENTS (client_names)) * G_N_ELEMENTS (client_names);

        _sim_make_id (&client.id, created + i * 60, ws->id_machine, &ws->id_counter);
        client.name = pick_name (client_names, G_N_ELEMENTS (client_names), pick);
        client.email = g_strdup_printf ("billing%u@client.example", i);
        client.address = i % 2 == 0 ? g_strdup ("1 Main Street, Springfield") : g_strdup ("");
        client.note = g_strdup (i % 3 == 0 ? "Net 30, \"PO\" required" : "");
        client.archived = sizes->n_clients > 3 && i == sizes->n_clients - 1;
        g_array_append_val (ws->clients, client);
      }
    g_array_sort (ws->clients, compare_SimClient);
  }

  {
    g_autofree guint *order = shuffled (rng, G_N_ELEMENTS (project_names));

    for (guint i = 0; i < sizes->n_projects; i++)
      {
        SimProject project = { 0 };
        guint pick = order[i % G_N_ELEMENTS (project_names)] + (i / G_N_ELEMENTS (project_names)) * G_N_ELEMENTS (project_names);

        _sim_make_id (&project.id, created + 3600 + i * 60, ws->id_machine, &ws->id_counter);
        project.name = pick_name (project_names, G_N_ELEMENTS (project_names), pick);
        project.client = sizes->n_clients > 0 && _sim_rng_chance (rng, 80)
                         ? (int) _sim_rng_below (rng, sizes->n_clients) : -1;
        project.color = colors[_sim_rng_below (rng, G_N_ELEMENTS (colors))];
        project.billable = _sim_rng_chance (rng, 75);
        project.archived = sizes->n_projects > 4 && _sim_rng_chance (rng, 10);
        project.is_public = _sim_rng_chance (rng, 50);
        project.note = g_strdup (i % 4 == 1 ? "Fixed price; see contract §4" : "");
        project.hourly_rate = _sim_rng_chance (rng, 50) ? (int) (5000 + 500 * _sim_rng_below (rng, 21)) : -1;
        g_array_append_val (ws->projects, project);
      }
    g_array_sort (ws->projects, compare_SimProject);
  }

  /* Tasks: every 4th project has none, so entries with project and no
   * task exist for sure. */
  for (guint p = 0; p < ws->projects->len; p++)
    {
      SimProject *project = &g_array_index (ws->projects, SimProject, p);
      guint n = p % 4 == 3 ? 0 : sizes->n_tasks_per_project;
      g_autofree guint *order = shuffled (rng, G_N_ELEMENTS (task_names));
      g_autoptr(GArray) tasks = new_array (sizeof (SimTask), NULL);

      for (guint i = 0; i < n; i++)
        {
          SimTask task = { 0 };
          guint pick = order[i % G_N_ELEMENTS (task_names)] + (i / G_N_ELEMENTS (task_names)) * G_N_ELEMENTS (task_names);

          _sim_make_id (&task.id, created + 7200 + p * 60 + i, ws->id_machine, &ws->id_counter);
          task.name = pick_name (task_names, G_N_ELEMENTS (task_names), pick);
          task.project = p;
          if (n_members > 0 && _sim_rng_chance (rng, 60))
            {
              guint user = g_array_index (ws->members, guint, _sim_rng_below (rng, n_members));

              task.assignee = g_array_index (world->users, SimUser, user).id;
              task.has_assignee = TRUE;
            }
          task.billable = project->billable;
          task.done = _sim_rng_chance (rng, 20);
          task.estimate_secs = _sim_rng_chance (rng, 50) ? 1800 * (1 + _sim_rng_below (rng, 80)) : 0;
          task.hourly_rate = _sim_rng_chance (rng, 20) ? (int) (6000 + 1000 * _sim_rng_below (rng, 10)) : -1;
          g_array_append_val (tasks, task);
        }
      g_array_sort (tasks, compare_SimTask);
      project->first_task = ws->tasks->len;
      project->n_tasks = n;
      g_array_append_vals (ws->tasks, tasks->data, tasks->len);
    }

  {
    g_autofree guint *order = shuffled (rng, G_N_ELEMENTS (tag_names));

    for (guint i = 0; i < sizes->n_tags; i++)
      {
        SimTag tag = { 0 };
        guint pick = order[i % G_N_ELEMENTS (tag_names)] + (i / G_N_ELEMENTS (tag_names)) * G_N_ELEMENTS (tag_names);

        _sim_make_id (&tag.id, created + 10800 + i * 60, ws->id_machine, &ws->id_counter);
        tag.name = pick_name (tag_names, G_N_ELEMENTS (tag_names), pick);
        tag.archived = sizes->n_tags > 4 && i == 1;
        g_array_append_val (ws->tags, tag);
      }
    g_array_sort (ws->tags, compare_SimTag);
  }

  for (guint i = 0; i < sizes->n_groups; i++)
    {
      SimGroup group = { 0 };

      _sim_make_id (&group.id, created + 14400 + i * 60, ws->id_machine, &ws->id_counter);
      group.name = pick_name (group_names, G_N_ELEMENTS (group_names), i);
      group.users = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint m = 0; m < n_members; m++)
        if (m % MAX (sizes->n_groups, 1) == i || _sim_rng_chance (rng, 20))
          g_array_append_val (group.users, g_array_index (ws->members, guint, m));
      group.manager = group.users->len > 0 && i % 2 == 0
                      ? (int) g_array_index (group.users, guint, 0) : -1;
      g_array_append_val (ws->groups, group);
    }
  g_array_sort (ws->groups, compare_SimGroup);

  for (guint i = 0; i < sizes->n_custom_fields; i++)
    {
      SimCustomField field = { 0 };
      guint t = i % G_N_ELEMENTS (field_templates);

      _sim_make_id (&field.id, created + 18000 + i * 60, ws->id_machine, &ws->id_counter);
      field.name = pick_name ((const char *[]) { field_templates[t].name }, 1, i / G_N_ELEMENTS (field_templates));
      field.type = field_templates[t].type;
      field.description = g_strdup_printf ("%s of the entry", field_templates[t].name);
      field.placeholder = g_strdup (field.type == SIM_FIELD_TXT ? "e.g. TC-123" : "");
      if (field_templates[t].allowed != NULL)
        field.allowed = g_strsplit (field_templates[t].allowed, "|", -1);
      else
        field.allowed = g_new0 (char *, 1);
      g_array_append_val (ws->custom_fields, field);
    }
  g_array_sort (ws->custom_fields, compare_SimCustomField);
}

static void
free_workspace (gpointer data)
{
  SimWorkspace *ws = data;

  g_free (ws->name);
  g_array_unref (ws->members);
  g_array_unref (ws->clients);
  g_array_unref (ws->projects);
  g_array_unref (ws->tasks);
  g_array_unref (ws->tags);
  g_array_unref (ws->groups);
  g_array_unref (ws->custom_fields);
  g_ptr_array_unref (ws->descriptions);
  g_array_unref (ws->entries);
  for (guint i = 0; ws->by_user[i] != NULL; i++)
    g_array_unref (ws->by_user[i]);
  g_free (ws->by_user);
  g_free (ws);
}

static SimWorkspace *
new_workspace (SimWorld      *world,
               const char    *name,
               const char    *plan,
               const char    *currency,
               gboolean       paid,
               const WsSizes *sizes,
               SimRng        *rng)
{
  SimWorkspace *ws = g_new0 (SimWorkspace, 1);
  gint64 created = world->options.now - (gint64) (world->options.years + 2) * 365 * DAY_SECS;
  guint n_users = world->users->len;

  ws->id_machine = (guint32) _sim_rng_next (rng);
  ws->id_counter = _sim_rng_below (rng, 0x10000);
  _sim_make_id (&ws->id, created, ws->id_machine, &ws->id_counter);
  ws->name = g_strdup (name);
  ws->plan = plan;
  ws->currency = currency;
  ws->hourly_rate = paid ? 5000 : 3000;
  ws->cost_rate = paid ? 2500 : 0;
  ws->custom_fields_allowed = paid;
  ws->free_plan = !paid;
  ws->members = g_array_new (FALSE, FALSE, sizeof (guint));
  ws->clients = new_array (sizeof (SimClient), clear_client);
  ws->projects = new_array (sizeof (SimProject), clear_project);
  ws->tasks = new_array (sizeof (SimTask), clear_task);
  ws->tags = new_array (sizeof (SimTag), clear_tag);
  ws->groups = new_array (sizeof (SimGroup), clear_group);
  ws->custom_fields = new_array (sizeof (SimCustomField), clear_custom_field);
  ws->descriptions = g_ptr_array_new_with_free_func (g_free);
  ws->entries = new_array (sizeof (SimEntry), NULL);
  ws->by_user = g_new0 (GArray *, n_users + 1);
  for (guint u = 0; u < n_users; u++)
    ws->by_user[u] = g_array_new (FALSE, FALSE, sizeof (guint));

  /* The FREE workspace leaves out user 1, the MEMBER key's user. */
  for (guint u = 0; u < n_users; u++)
    if (paid || u != 1)
      g_array_append_val (ws->members, u);
  g_array_sort_with_data (ws->members, compare_members_by_name, world->users);

  _sim_ws_fill_descriptions (ws);
  generate_reference_data (world, ws, sizes, rng);
  _sim_ws_generate_entries (world, ws, sizes->n_entries, sizes->n_running, rng);
  return ws;
}

static char *
make_key (SimRng     *rng,
          const char *role)
{
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  GString *key = g_string_new ("tcsim");

  g_string_append (key, role);
  while (key->len < 48)
    g_string_append_c (key, alphabet[_sim_rng_below (rng, sizeof alphabet - 1)]);
  return g_string_free (key, FALSE);
}

SimWorld *
_sim_world_new (const ClockifySimOptions *options)
{
  SimWorld *world = g_new0 (SimWorld, 1);
  SimRng rng;
  WsSizes paid, free;

  world->options = *options;
  if (world->options.now == 0)
    world->options.now = CLOCKIFY_SIM_DEFAULT_NOW;
  world->options.n_users = MAX (world->options.n_users, 2);
  world->options.years = MAX (world->options.years, 1);
  world->options.n_tags = MIN (world->options.n_tags, G_MAXUINT16);

  _sim_rng_init (&rng, world->options.seed);
  world->keys[CLOCKIFY_SIM_KEY_OWNER] = make_key (&rng, "Owner");
  world->keys[CLOCKIFY_SIM_KEY_MEMBER] = make_key (&rng, "Member");
  world->keys[CLOCKIFY_SIM_KEY_UNKNOWN] = make_key (&rng, "Unknown");

  world->users = new_array (sizeof (SimUser), clear_user);
  generate_users (world, &rng);

  paid = (WsSizes) {
    .n_clients = options->n_clients,
    .n_projects = options->n_projects,
    .n_tasks_per_project = options->n_tasks_per_project,
    .n_tags = world->options.n_tags,
    .n_groups = options->n_user_groups,
    .n_custom_fields = options->n_custom_fields,
    .n_entries = options->n_time_entries,
    .n_running = 2,
  };
  free = (WsSizes) {
    .n_clients = MAX (paid.n_clients / 4, 1),
    .n_projects = MAX (paid.n_projects / 4, 1),
    .n_tasks_per_project = paid.n_tasks_per_project,
    .n_tags = MAX (paid.n_tags / 4, 1),
    .n_groups = MAX (paid.n_groups / 4, 1),
    .n_custom_fields = 0,
    .n_entries = options->n_free_time_entries,
    .n_running = 1,
  };

  world->workspaces = g_ptr_array_new_with_free_func (free_workspace);
  g_ptr_array_add (world->workspaces,
                   new_workspace (world, "Timecard Sim Co. ☕", "PRO_YEAR_2021", "USD", TRUE, &paid, &rng));
  g_ptr_array_add (world->workspaces,
                   new_workspace (world, "Free Sandbox", "FREE", "EUR", FALSE, &free, &rng));
  return world;
}

void
_sim_world_free (SimWorld *world)
{
  if (world == NULL)
    return;
  g_ptr_array_unref (world->workspaces);
  g_array_unref (world->users);
  for (guint i = 0; i < G_N_ELEMENTS (world->keys); i++)
    g_free (world->keys[i]);
  g_free (world);
}

/* Lookups ---------------------------------------------------------------- */

SimWorkspace *
_sim_world_find_ws (SimWorld   *world,
                    const char *id)
{
  for (guint i = 0; id != NULL && i < world->workspaces->len; i++)
    {
      SimWorkspace *ws = g_ptr_array_index (world->workspaces, i);

      if (strcmp (ws->id.hex, id) == 0)
        return ws;
    }
  return NULL;
}

int
_sim_world_find_user (SimWorld   *world,
                      const char *id)
{
  for (guint i = 0; id != NULL && i < world->users->len; i++)
    if (strcmp (g_array_index (world->users, SimUser, i).id.hex, id) == 0)
      return i;
  return -1;
}

gboolean
_sim_ws_has_member (SimWorkspace *ws,
                    guint         user)
{
  for (guint i = 0; i < ws->members->len; i++)
    if (g_array_index (ws->members, guint, i) == user)
      return TRUE;
  return FALSE;
}

int
_sim_ws_find_project (SimWorkspace *ws,
                      const char   *id)
{
  for (guint i = 0; i < ws->projects->len; i++)
    if (strcmp (g_array_index (ws->projects, SimProject, i).id.hex, id) == 0)
      return i;
  return -1;
}

guint
_sim_entry_rate (SimWorld       *world,
                 SimWorkspace   *ws,
                 const SimEntry *entry)
{
  const SimUser *user = &g_array_index (world->users, SimUser, entry->user);

  if (entry->task >= 0 && g_array_index (ws->tasks, SimTask, entry->task).hourly_rate >= 0)
    return g_array_index (ws->tasks, SimTask, entry->task).hourly_rate;
  if (entry->project >= 0 && g_array_index (ws->projects, SimProject, entry->project).hourly_rate >= 0)
    return g_array_index (ws->projects, SimProject, entry->project).hourly_rate;
  if (user->hourly_rate > 0)
    return user->hourly_rate;
  return ws->hourly_rate;
}
