/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-debug-info"

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <libsecret/secret.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

#include "timecard-debug-info.h"

static void
append_versions (GString    *str,
                 const char *library,
                 guint       build_major,
                 guint       build_minor,
                 guint       build_micro,
                 guint       run_major,
                 guint       run_minor,
                 guint       run_micro)
{
  g_string_append_printf (str, "%-12s built %u.%u.%u, running %u.%u.%u\n",
                          library,
                          build_major, build_minor, build_micro,
                          run_major, run_minor, run_micro);
}

/**
 * timecard_debug_info_new:
 *
 * The text of the About window's debug information: the application ID and
 * version, the library versions Timecard was built against next to the ones
 * it runs with, and whether it runs inside Flatpak.
 *
 * Returns: (transfer full): a newly allocated string
 */
char *
timecard_debug_info_new (void)
{
  GString *str = g_string_new (NULL);
  gboolean flatpak = g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);

  g_string_append_printf (str, "Timecard %s (%s)\n", VERSION, APP_ID);
  g_string_append_printf (str, "Flatpak: %s\n\n", flatpak ? "yes" : "no");

  append_versions (str, "GLib",
                   GLIB_MAJOR_VERSION, GLIB_MINOR_VERSION, GLIB_MICRO_VERSION,
                   glib_major_version, glib_minor_version, glib_micro_version);
  append_versions (str, "GTK",
                   GTK_MAJOR_VERSION, GTK_MINOR_VERSION, GTK_MICRO_VERSION,
                   gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version ());
  append_versions (str, "libadwaita",
                   ADW_MAJOR_VERSION, ADW_MINOR_VERSION, ADW_MICRO_VERSION,
                   adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version ());
  append_versions (str, "libsoup",
                   SOUP_MAJOR_VERSION, SOUP_MINOR_VERSION, SOUP_MICRO_VERSION,
                   soup_get_major_version (), soup_get_minor_version (), soup_get_micro_version ());
  g_string_append_printf (str, "%-12s built %s, running %s\n", "SQLite",
                          SQLITE_VERSION, sqlite3_libversion ());
  /* json-glib and libsecret have no run-time version query. */
  g_string_append_printf (str, "%-12s built %d.%d.%d\n", "json-glib",
                          JSON_MAJOR_VERSION, JSON_MINOR_VERSION, JSON_MICRO_VERSION);
  g_string_append_printf (str, "%-12s built %d.%d.%d\n", "libsecret",
                          SECRET_MAJOR_VERSION, SECRET_MINOR_VERSION, SECRET_MICRO_VERSION);

  return g_string_free (str, FALSE);
}
