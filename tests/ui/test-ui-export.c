/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-export"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "timecard-credential-page.h"
#include "timecard-export-page.h"
#include "timecard-test-app.h"
#include "timecard-test-ui.h"

/* The export pages, driven through their widgets against the simulator,
 * writing real files under a temporary directory. */

static TimecardApplication *app;
static ClockifySim *sim;
static char *tmpdir;

typedef struct
{
  TimecardWindow         *window;
  AdwLeaflet             *leaflet;
  TimecardExportPage     *page;
  TimecardExportOptions  *options;
  TimecardExportProgress *progress;
  GtkWidget              *export_button;
} Export;

static gboolean
page_shows_workspaces (gpointer data)
{
  GListModel *model = timecard_credential_page_get_workspaces (data);

  return model != NULL && g_list_model_get_n_items (model) == 2 &&
         timecard_test_find_widget (data, ADW_TYPE_ACTION_ROW, "action-name", "win.export-workspace") != NULL;
}

/* The row of the workspace with @id: it carries the id as its target. */
static GtkWidget *
find_workspace_row (GtkWidget  *root,
                    const char *id)
{
  if (GTK_IS_LIST_BOX_ROW (root))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING) &&
          g_str_equal (g_variant_get_string (target, NULL), id))
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_workspace_row (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Opens a fresh credential's page, then the export page of @which by
 * activating its row, as a click or Enter would. */
static void
open_export (Export               *export,
             ClockifySimWorkspace  which)
{
  TimecardCredentialStore *store;
  TimecardCredential *credential;
  const char *workspace_id = clockify_sim_get_workspace_id (sim, which);
  GtkWidget *credential_page;
  GtkWidget *row;

  export->window = timecard_test_app_open_window (app);
  timecard_test_app_reset (app);
  clockify_sim_clear_faults (sim);
  clockify_sim_reset_limits (sim);
  clockify_sim_clear_log (sim);

  store = timecard_window_get_store (export->window);
  credential = timecard_test_add_credential (store, "Reporting", NULL, clockify_sim_get_base_url (sim),
                                             clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER),
                                             TIMECARD_CREDENTIAL_STORE_FLAGS_NONE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (export->window), "win.open-credential", "s",
                                             timecard_credential_get_id (credential)));

  export->leaflet = ADW_LEAFLET (timecard_test_find_widget (GTK_WIDGET (export->window),
                                                            ADW_TYPE_LEAFLET, NULL, NULL));
  credential_page = adw_leaflet_get_visible_child (export->leaflet);
  g_assert_true (TIMECARD_IS_CREDENTIAL_PAGE (credential_page));
  g_assert_true (timecard_test_wait_until (page_shows_workspaces, credential_page, 10000));

  row = find_workspace_row (credential_page, workspace_id);
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activate");

  export->page = TIMECARD_EXPORT_PAGE (adw_leaflet_get_visible_child (export->leaflet));
  g_assert_true (TIMECARD_IS_EXPORT_PAGE (export->page));
  g_assert_cmpstr (clockify_workspace_get_id (timecard_export_page_get_workspace (export->page)), ==, workspace_id);
  export->options = timecard_export_page_get_options (export->page);
  export->progress = timecard_export_page_get_progress (export->page);
  export->export_button = timecard_test_find_widget (GTK_WIDGET (export->page), GTK_TYPE_BUTTON,
                                                     "action-name", "export.start");
  g_assert_nonnull (export->options);
  g_assert_nonnull (export->export_button);
}

static gboolean
preview_ready (gpointer data)
{
  return timecard_export_options_get_plan (data) != NULL;
}

static void
print_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget))
    g_test_message ("label: %s", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    print_labels (child);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* On a Free-plan workspace the preview waits for the Estimate button. */
static void
estimate (Export *export)
{
  GtkWidget *button = timecard_test_find_widget (GTK_WIDGET (export->options), GTK_TYPE_BUTTON,
                                                 "label", "_Estimate");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  timecard_test_click (button);
}

static void
wait_for_preview (Export *export)
{
  if (!timecard_test_wait_until (preview_ready, export->options, 10000))
    {
      print_labels (GTK_WIDGET (export->options));
      g_error ("The preview never came");
    }
}

static gboolean
export_ended (gpointer data)
{
  TimecardExportProgress *progress = data;
  TimecardExportProgressState state = timecard_export_progress_get_state (progress);

  return state != TIMECARD_EXPORT_PROGRESS_STATE_IDLE && state != TIMECARD_EXPORT_PROGRESS_STATE_RUNNING;
}

static TimecardExportProgressState
wait_for_end (Export *export)
{
  g_assert_true (timecard_test_wait_until (export_ended, export->progress, 30000));

  return timecard_export_progress_get_state (export->progress);
}

static gboolean
label_shown (gpointer data)
{
  return timecard_test_find_label_containing (data, g_object_get_data (G_OBJECT (data), "text")) != NULL;
}

static void
assert_label_shown (GtkWidget  *root,
                    const char *text)
{
  g_object_set_data_full (G_OBJECT (root), "text", g_strdup (text), g_free);
  if (!timecard_test_wait_until (label_shown, root, 5000))
    g_error ("No label shows “%s”", text);
}

/* No label anywhere in the window shows the key. */
static void
assert_no_key (GtkWidget  *widget,
               const char *key)
{
  if (GTK_IS_LABEL (widget))
    g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (widget)), key));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_key (child, key);
}

/* Counts the records of a CSV file: line breaks outside quoted fields. */
static guint
count_csv_records (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gboolean quoted = FALSE;
  guint records = 0;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  for (gsize i = 0; i < length; i++)
    {
      if (contents[i] == '"')
        quoted = !quoted;
      else if (contents[i] == '\n' && !quoted)
        records++;
    }
  g_assert_false (quoted);

  return records;
}

/* The time entries an export with @strategy gets: the report leaves out
 * running entries. */
static guint
expected_entries (ClockifySimWorkspace   which,
                  TimecardExportStrategy strategy)
{
  g_autoptr(JsonNode) entries = clockify_sim_dup_entities (sim, clockify_sim_get_workspace_id (sim, which),
                                                           "time-entries");
  JsonArray *array = json_node_get_array (entries);
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *interval = json_object_get_object_member (json_array_get_object_element (array, i),
                                                            "timeInterval");

      if (strategy == TIMECARD_EXPORT_STRATEGY_PER_USER || !json_object_get_null_member (interval, "end"))
        n++;
    }

  return n;
}

static char *
export_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static char *
read_file (const char *directory,
           const char *name)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static GtkWidget *
summary_row (Export     *export,
             const char *title)
{
  GtkWidget *row = timecard_test_find_widget (GTK_WIDGET (export->progress), ADW_TYPE_ACTION_ROW, "title", title);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_drawable (row));

  return row;
}

/* (a) A CSV export of the paid workspace, all of it. */
static void
test_csv_export (void)
{
  Export export;
  g_autofree char *path = export_path ("csv");
  g_autofree char *time_entries = NULL;
  g_autofree char *count = NULL;
  TimecardExportPlan *plan;
  TimecardExportJob *job;
  guint expected;

  open_export (&export, CLOCKIFY_SIM_WORKSPACE_PAID);
  assert_label_shown (GTK_WIDGET (export.page), "Time Zone");
  timecard_export_options_set_path (export.options, path);
  g_assert_true (timecard_export_options_get_valid (export.options));
  wait_for_preview (&export);

  g_assert_true (gtk_widget_is_sensitive (export.export_button));
  timecard_test_click (export.export_button);
  g_assert_cmpint (timecard_export_progress_get_state (export.progress), ==, TIMECARD_EXPORT_PROGRESS_STATE_RUNNING);
  g_assert_true (timecard_export_page_get_running (export.page));
  /* No way back while it runs, other than Cancel. */
  g_assert_false (gtk_widget_is_sensitive (timecard_test_find_widget (GTK_WIDGET (export.page), GTK_TYPE_BUTTON,
                                                                      "action-name", "win.go-back")));

  g_assert_cmpint (wait_for_end (&export), ==, TIMECARD_EXPORT_PROGRESS_STATE_DONE);
  g_assert_false (timecard_export_page_get_running (export.page));
  job = timecard_export_progress_get_job (export.progress);
  plan = timecard_export_job_get_plan (job);

  /* One file per entity. */
  for (TimecardExportEntity e = 0; e < TIMECARD_EXPORT_N_ENTITIES; e++)
    {
      g_autofree char *name = g_strconcat (timecard_export_entity_get_name (e), ".csv", NULL);
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
    }

  /* All the simulator's entries, and a header. */
  expected = expected_entries (CLOCKIFY_SIM_WORKSPACE_PAID, timecard_export_plan_get_strategy (plan));
  g_test_message ("%u entries (%s)", expected,
                  timecard_export_strategy_to_string (timecard_export_plan_get_strategy (plan)));
  g_assert_cmpuint (expected, >, 100);
  time_entries = g_build_filename (path, "time_entries.csv", NULL);
  g_assert_cmpuint (count_csv_records (time_entries), ==, expected + 1);

  /* The summary says so; Open Folder is offered, and a toast. */
  count = g_strdup_printf ("%u", expected);
  g_assert_nonnull (timecard_test_find_widget (summary_row (&export, "Time Entries"), GTK_TYPE_LABEL,
                                               "label", count));
  assert_label_shown (GTK_WIDGET (export.progress), "Export Complete");
  g_assert_true (gtk_widget_is_sensitive (timecard_test_find_widget (GTK_WIDGET (export.progress), GTK_TYPE_BUTTON,
                                                                     "action-name", "export.open-folder")));
  assert_label_shown (GTK_WIDGET (export.window), "exported");

  assert_no_key (GTK_WIDGET (export.window), clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER));
  g_assert_cmpuint (clockify_sim_count_requests_not_by_key (sim, "owner"), ==, 0);

  /* Back to the options, then back to the workspaces with Escape: the
   * first press dismisses the toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (export.page), "export.edit-options", NULL));
  timecard_test_press (GTK_WIDGET (export.options), "Escape");
  g_assert_true (adw_leaflet_get_visible_child (export.leaflet) == GTK_WIDGET (export.page));
  timecard_test_press (GTK_WIDGET (export.options), "Escape");
  g_assert_true (TIMECARD_IS_CREDENTIAL_PAGE (adw_leaflet_get_visible_child (export.leaflet)));
}

static void
assert_message (Export     *export,
                GtkWidget  *row,
                const char *message)
{
  assert_label_shown (GTK_WIDGET (export->options), message);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_false (timecard_export_options_get_valid (export->options));
  g_assert_false (gtk_widget_is_sensitive (export->export_button));
}

static void
assert_no_message (Export     *export,
                   GtkWidget  *row,
                   const char *message)
{
  g_assert_null (timecard_test_find_label_containing (GTK_WIDGET (export->options), message));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_true (timecard_export_options_get_valid (export->options));
  g_assert_true (gtk_widget_is_sensitive (export->export_button));
}

/* (b) What is wrong shows where it is wrong, and Export waits for a fix. */
static void
test_invalid_input (void)
{
  Export export;
  g_autofree char *path = export_path ("invalid");
  GtkWidget *from, *to, *zone;

  open_export (&export, CLOCKIFY_SIM_WORKSPACE_PAID);
  timecard_export_options_set_path (export.options, path);
  from = timecard_test_find_widget (GTK_WIDGET (export.options), ADW_TYPE_ENTRY_ROW, "title", "From");
  to = timecard_test_find_widget (GTK_WIDGET (export.options), ADW_TYPE_ENTRY_ROW, "title", "To (Inclusive)");
  zone = timecard_test_find_widget (GTK_WIDGET (export.options), ADW_TYPE_ENTRY_ROW, "title", "Time Zone");
  g_assert_nonnull (from);
  g_assert_nonnull (to);
  g_assert_nonnull (zone);
  assert_no_message (&export, from, "neither a date");

  gtk_editable_set_text (GTK_EDITABLE (from), "2026-13-45");
  assert_message (&export, from, "“2026-13-45” is neither a date (YYYY-MM-DD) nor an ISO 8601 time");
  gtk_widget_activate_action (GTK_WIDGET (export.page), "export.start", NULL);
  g_assert_cmpint (timecard_export_progress_get_state (export.progress), ==, TIMECARD_EXPORT_PROGRESS_STATE_IDLE);
  gtk_editable_set_text (GTK_EDITABLE (from), "2026-01-01");
  assert_no_message (&export, from, "neither a date");

  gtk_editable_set_text (GTK_EDITABLE (to), "2025-12-31T23:00:00Z");
  assert_message (&export, to, "before its start");
  gtk_editable_set_text (GTK_EDITABLE (to), "2026-03-31");
  assert_no_message (&export, to, "before its start");

  gtk_editable_set_text (GTK_EDITABLE (zone), "Mars/Olympus_Mons");
  assert_message (&export, zone, "“Mars/Olympus_Mons” is not a time zone");
  gtk_editable_set_text (GTK_EDITABLE (zone), "Europe/Berlin");
  assert_no_message (&export, zone, "is not a time zone");

  timecard_export_options_set_entities (export.options, 0);
  assert_label_shown (GTK_WIDGET (export.options), "Choose at least one");
  g_assert_false (gtk_widget_is_sensitive (export.export_button));
  timecard_export_options_set_entities (export.options, TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TAGS));
  g_assert_null (timecard_test_find_label_containing (GTK_WIDGET (export.options), "Choose at least one"));
  g_assert_true (gtk_widget_is_sensitive (export.export_button));

  /* Without time entries a bad range does not matter. */
  gtk_editable_set_text (GTK_EDITABLE (from), "yesterday");
  g_assert_true (gtk_widget_is_sensitive (export.export_button));

  /* Nothing was written. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static gboolean
some_entities_done (gpointer data)
{
  TimecardExportJob *job = timecard_export_progress_get_job (data);

  return job != NULL && timecard_export_job_get_entity (job) >= TIMECARD_EXPORT_ENTITY_CLIENTS;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char **
list_directory (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* (c) Cancel leaves the previous export as it was; Resume completes. */
static void
test_cancel_and_resume (void)
{
  Export export;
  g_autofree char *path = export_path ("cancel");
  g_autofree char *partial = export_path (".cancel.timecard-partial");
  g_autofree char *before = NULL;
  g_autofree char *after_cancel = NULL;
  g_autofree char *after_resume = NULL;
  g_auto(GStrv) files_before = NULL;
  g_auto(GStrv) files_after_cancel = NULL;
  ClockifySimFault delay = { .kind = CLOCKIFY_SIM_FAULT_DELAY, .delay_ms = 150 };
  TimecardExportJob *job;
  guint expected;

  open_export (&export, CLOCKIFY_SIM_WORKSPACE_PAID);
  timecard_export_options_set_path (export.options, path);

  /* A previous export at the path. */
  timecard_test_click (export.export_button);
  g_assert_cmpint (wait_for_end (&export), ==, TIMECARD_EXPORT_PROGRESS_STATE_DONE);
  before = read_file (path, "time_entries.csv");
  files_before = list_directory (path);

  /* Clockify changes, and answers slowly. */
  clockify_sim_mutate_time_entries (sim, clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_PAID),
                                    3, 4, 2, 7);
  clockify_sim_add_fault (sim, &delay);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (export.page), "export.edit-options", NULL));
  timecard_test_press (GTK_WIDGET (export.options), "<Control>Return");
  g_assert_cmpint (timecard_export_progress_get_state (export.progress), ==, TIMECARD_EXPORT_PROGRESS_STATE_RUNNING);
  g_assert_true (timecard_test_wait_until (some_entities_done, export.progress, 20000));

  /* Escape cancels a running export (and does not leave the page). */
  timecard_test_press (GTK_WIDGET (export.progress), "Escape");
  g_assert_cmpint (wait_for_end (&export), ==, TIMECARD_EXPORT_PROGRESS_STATE_CANCELLED);
  g_assert_true (adw_leaflet_get_visible_child (export.leaflet) == GTK_WIDGET (export.page));
  assert_label_shown (GTK_WIDGET (export.progress), "the previous export is unchanged");

  /* The previous export is there, whole and unchanged; nothing half
   * written is mixed into it. What was fetched waits aside for Resume. */
  after_cancel = read_file (path, "time_entries.csv");
  g_assert_cmpstr (after_cancel, ==, before);
  files_after_cancel = list_directory (path);
  g_assert_cmpstrv (files_after_cancel, files_before);
  g_assert_true (g_file_test (partial, G_FILE_TEST_IS_DIR));

  /* Resume completes it with today's data. */
  clockify_sim_clear_faults (sim);
  timecard_test_click (timecard_test_find_widget (GTK_WIDGET (export.progress), GTK_TYPE_BUTTON,
                                                  "action-name", "export.resume"));
  g_assert_cmpint (wait_for_end (&export), ==, TIMECARD_EXPORT_PROGRESS_STATE_DONE);
  job = timecard_export_progress_get_job (export.progress);
  g_assert_true (timecard_export_job_get_flags (job) & TIMECARD_EXPORT_JOB_FLAGS_RESUME);
  after_resume = read_file (path, "time_entries.csv");
  g_assert_cmpstr (after_resume, !=, before);
  expected = expected_entries (CLOCKIFY_SIM_WORKSPACE_PAID,
                               timecard_export_plan_get_strategy (timecard_export_job_get_plan (job)));
  {
    g_autofree char *file = g_build_filename (path, "time_entries.csv", NULL);

    g_assert_cmpuint (count_csv_records (file), ==, expected + 1);
  }
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
}

static void
assert_preview_matches (Export *export)
{
  TimecardExportPlan *shown;
  g_autoptr(TimecardExportPlan) plan = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClockifyClient) client = NULL;
  g_autofree char *count = NULL;
  TimecardTestAsync async = { NULL };

  wait_for_preview (export);
  shown = timecard_export_options_get_plan (export->options);

  /* The engine plans the same export on its own, and the row says so. */
  g_object_get (export->options, "client", &client, NULL);
  plan = timecard_export_plan_new (client, timecard_export_page_get_workspace (export->page));
  timecard_export_plan_set_entities (plan, timecard_export_options_get_entities (export->options));
  timecard_export_plan_set_time_zone (plan, timecard_export_plan_get_time_zone_name (shown));
  timecard_export_plan_set_range (plan, timecard_export_plan_get_range_start (shown),
                                  timecard_export_plan_get_range_end (shown));
  timecard_export_plan_prepare_async (plan, NULL, timecard_test_async_done, &async);
  result = timecard_test_async_wait (&async);
  g_assert_true (timecard_export_plan_prepare_finish (plan, result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (timecard_export_plan_get_n_requests (plan), ==, timecard_export_plan_get_n_requests (shown));
  count = g_strdup_printf ("%u", timecard_export_plan_get_n_requests (plan));
  g_test_message ("preview: %s requests", count);
  g_assert_nonnull (timecard_test_find_widget (GTK_WIDGET (export->options), GTK_TYPE_LABEL, "label", count));
}

/* (d) The preview shows the plan the engine makes. */
static void
test_preview (void)
{
  Export export;
  GtkWidget *from;
  guint all_requests;

  open_export (&export, CLOCKIFY_SIM_WORKSPACE_PAID);
  assert_preview_matches (&export);
  all_requests = timecard_export_plan_get_n_requests (timecard_export_options_get_plan (export.options));

  /* Fewer kinds of data, fewer requests; the preview follows. */
  timecard_export_options_set_entities (export.options,
                                        TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TAGS) |
                                        TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES));
  g_assert_null (timecard_export_options_get_plan (export.options));
  assert_preview_matches (&export);
  g_assert_cmpuint (timecard_export_plan_get_n_requests (timecard_export_options_get_plan (export.options)),
                    <, all_requests);

  /* On the Free plan, a range in 31-day report windows; planning spends
   * the hour's budget too, so it waits to be asked. */
  open_export (&export, CLOCKIFY_SIM_WORKSPACE_FREE);
  from = timecard_test_find_widget (GTK_WIDGET (export.options), ADW_TYPE_ENTRY_ROW, "title", "From");
  gtk_editable_set_text (GTK_EDITABLE (from), "2026-06-01");
  clockify_sim_clear_log (sim);
  g_assert_false (timecard_test_wait_until (never, NULL, 800));
  g_assert_null (timecard_export_options_get_plan (export.options));
  g_assert_cmpuint (clockify_sim_count_requests (sim, NULL, NULL, -1), ==, 0);
  assert_label_shown (GTK_WIDGET (export.options), "Estimating makes a few requests");
  estimate (&export);
  assert_preview_matches (&export);
}

/* The Free plan's budget runs out: the page says when it frees up, and
 * offers Resume. The budget is made small so that the test is quick. */
static void
test_budget_exhausted (void)
{
  Export export;
  g_autofree char *path = export_path ("free");
  const char *workspace_id = clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_FREE);
  g_autoptr(ClockifyClient) client = NULL;
  GtkWidget *resume;

  open_export (&export, CLOCKIFY_SIM_WORKSPACE_FREE);
  timecard_export_options_set_path (export.options, path);
  estimate (&export);
  wait_for_preview (&export);
  g_object_get (export.options, "client", &client, NULL);
  g_object_set (client, "budget-window", 600, NULL);
  clockify_client_set_workspace_budget (client, workspace_id, 4);

  timecard_test_click (export.export_button);
  g_assert_cmpint (wait_for_end (&export), ==, TIMECARD_EXPORT_PROGRESS_STATE_BUDGET_EXHAUSTED);
  assert_label_shown (GTK_WIDGET (export.progress), "The budget frees up at ");
  assert_label_shown (GTK_WIDGET (export.progress), "(in 10 minutes)");
  resume = timecard_test_find_widget (GTK_WIDGET (export.progress), GTK_TYPE_BUTTON,
                                      "action-name", "export.resume");
  g_assert_true (gtk_widget_is_drawable (resume));
  g_assert_true (gtk_widget_is_sensitive (resume));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (clockify_sim_count_requests (sim, NULL, workspace_id, 429), ==, 0);
}

/* Another error: its message, and Try Again. */
static void
test_error (void)
{
  Export export;
  g_autofree char *path = export_path ("error");
  ClockifySimFault fault = { .kind = CLOCKIFY_SIM_FAULT_STATUS, .path_substring = "/tags", .status = 404 };

  open_export (&export, CLOCKIFY_SIM_WORKSPACE_PAID);
  timecard_export_options_set_path (export.options, path);
  timecard_export_options_set_entities (export.options, TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TAGS));
  wait_for_preview (&export);
  clockify_sim_add_fault (sim, &fault);

  timecard_test_click (export.export_button);
  g_assert_cmpint (wait_for_end (&export), ==, TIMECARD_EXPORT_PROGRESS_STATE_FAILED);
  assert_label_shown (GTK_WIDGET (export.progress), "Export Failed");

  clockify_sim_clear_faults (sim);
  timecard_test_press (GTK_WIDGET (export.progress), "<Control>Return");
  g_assert_cmpint (wait_for_end (&export), ==, TIMECARD_EXPORT_PROGRESS_STATE_DONE);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

/* SQLite: a file rather than a folder, and the incremental update. */
static void
test_sqlite_incremental (void)
{
  Export export;
  g_autofree char *path = export_path ("workspace.sqlite");
  g_autofree char *folder = NULL;
  GtkWidget *format;
  GtkWidget *incremental;
  GtkWidget *toggle;
  TimecardExportJob *job;

  open_export (&export, CLOCKIFY_SIM_WORKSPACE_PAID);
  format = timecard_test_find_widget (GTK_WIDGET (export.options), ADW_TYPE_COMBO_ROW, "title", "Format");
  incremental = timecard_test_find_widget (GTK_WIDGET (export.options), ADW_TYPE_ACTION_ROW,
                                           "title", "Incremental Update");
  g_assert_nonnull (format);
  g_assert_nonnull (incremental);
  g_assert_false (gtk_widget_is_sensitive (incremental));

  /* The default location follows the format. */
  g_assert_false (g_str_has_suffix (timecard_export_options_get_path (export.options), ".sqlite"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (format), TIMECARD_EXPORT_FORMAT_SQLITE);
  g_assert_cmpint (timecard_export_options_get_format (export.options), ==, TIMECARD_EXPORT_FORMAT_SQLITE);
  g_assert_true (g_str_has_suffix (timecard_export_options_get_path (export.options), ".sqlite"));
  g_assert_true (gtk_widget_is_sensitive (incremental));

  timecard_export_options_set_path (export.options, path);
  timecard_test_click (export.export_button);
  g_assert_cmpint (wait_for_end (&export), ==, TIMECARD_EXPORT_PROGRESS_STATE_DONE);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* An incremental update of the same database. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (export.page), "export.edit-options", NULL));
  toggle = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (incremental));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (timecard_export_options_get_incremental (export.options));
  /* The preview plans from the database's last sync: a range that starts
   * before its end, not all time. */
  wait_for_preview (&export);
  g_assert_cmpint (timecard_export_plan_get_range_start (timecard_export_options_get_plan (export.options)), !=,
                   TIMECARD_EXPORT_UNBOUNDED_START);
  timecard_test_click (export.export_button);
  g_assert_cmpint (wait_for_end (&export), ==, TIMECARD_EXPORT_PROGRESS_STATE_DONE);
  job = timecard_export_progress_get_job (export.progress);
  g_assert_true (timecard_export_job_get_flags (job) & TIMECARD_EXPORT_JOB_FLAGS_INCREMENTAL);

  /* Back to CSV: no incremental update there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (export.page), "export.edit-options", NULL));
  adw_combo_row_set_selected (ADW_COMBO_ROW (format), TIMECARD_EXPORT_FORMAT_CSV);
  g_assert_false (timecard_export_options_get_incremental (export.options));
  g_assert_false (gtk_widget_is_sensitive (incremental));
  folder = export_path ("workspace");
  g_assert_cmpstr (timecard_export_options_get_path (export.options), ==, folder);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  /* The session's private HOME goes away with it. */
  tmpdir = g_build_filename (g_get_home_dir (), "exports", NULL);
  g_assert_cmpint (g_mkdir_with_parents (tmpdir, 0700), ==, 0);
  sim = timecard_test_sim_new ();
  app = timecard_test_app_new ();

  g_test_add_func ("/ui/export/csv", test_csv_export);
  g_test_add_func ("/ui/export/invalid-input", test_invalid_input);
  g_test_add_func ("/ui/export/cancel-and-resume", test_cancel_and_resume);
  g_test_add_func ("/ui/export/preview", test_preview);
  g_test_add_func ("/ui/export/budget-exhausted", test_budget_exhausted);
  g_test_add_func ("/ui/export/error", test_error);
  g_test_add_func ("/ui/export/sqlite-incremental", test_sqlite_incremental);

  ret = g_test_run ();

  timecard_test_app_quit (app);
  clockify_sim_stop (sim);
  g_object_unref (sim);
  g_free (tmpdir);
  return ret;
}
