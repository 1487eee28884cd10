/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "make-seeds"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "../../benchmarks/entry-page-generator.h"

/*
 * Writes the fuzzer's seed corpus into DIR (tests/fuzz/build.sh calls it):
 * small generated pages of every shape and a few hand-written edge cases,
 * each prefixed with the harness's flags byte. A few KiB in all.
 *
 * Usage: make-seeds DIR
 */

static void
write_seed (const char *dir,
            const char *name,
            guint8      flags,
            const char *doc,
            gsize       length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_string_append_c (data, (char) flags);
  g_string_append_len (data, doc, length);
  if (!g_file_set_contents (path, data->str, data->len, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    guint8 flags;
    const char *doc;
  } cases[] = {
    { "escapes", 0x04,
      "[{\"id\":\"a\\u0062\",\"description\":\"q\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\","
      "\"timeInterval\":{\"start\":\"2024-03-01T08:00:00.123456789+05:30\",\"end\":null}}]" },
    { "running", 0x08,
      "[{\"id\":\"r\",\"tagIds\":null,\"customFieldValues\":null,\"hourlyRate\":null,"
      "\"timeInterval\":{\"start\":\"2024-03-01T08:00:00Z\",\"end\":null,\"duration\":null}}]" },
    { "custom-values", 0x0c,
      "[{\"id\":\"c\",\"timeInterval\":{\"start\":\"2024-03-01T08:00:00Z\"},\"customFieldValues\":"
      "[{\"customFieldId\":\"f\",\"name\":\"n\",\"value\":{\"a\":[1,-2.5e+3,true,null,\"x\"]}},"
      "{\"id\":\"g\",\"value\":0}]}]" },
    { "report-rates", 0x11,
      "{\"totals\":[],\"timeEntries\":[{\"id\":\"x\",\"rate\":4321.0,\"earnedRate\":0,"
      "\"costRate\":1999.5,\"currency\":\"USD\",\"tags\":[{\"id\":\"t\",\"name\":\"n\"}],"
      "\"timeInterval\":{\"start\":\"2024-03-01T09:00:00+01:00\","
      "\"end\":\"2024-03-01T10:00:00+01:00\",\"duration\":3600.0}}]}" },
    { "small-limits", 0x02,
      "[{\"id\":\"a\",\"x\":[[[[[[]]]]]],\"timeInterval\":{\"start\":\"2024-03-01T08:00:00Z\"}}]" },
    { "empty", 0x00, "[]" },
    { "empty-report", 0x01, "{\"timeentries\":[]}" },
  };

  if (argc != 2)
    {
      g_printerr ("Usage: %s DIR\n", argv[0]);
      return 2;
    }

  if (g_mkdir_with_parents (argv[1], 0755) != 0)
    g_error ("cannot create %s", argv[1]);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    write_seed (argv[1], cases[i].name, cases[i].flags, cases[i].doc, strlen (cases[i].doc));

  for (guint kind = 0; kind < 4; kind++)
    {
      static const char * const names[] = { "main", "main-hydrated", "report", "report-spec" };
      g_autoptr(GString) doc = g_string_new (NULL);

      if (kind < 2)
        page_generate_main (doc, kind + 1, kind * 10, 4, kind == 1);
      else
        page_generate_report (doc, kind + 1, 0, 3, kind == 3);
      write_seed (argv[1], names[kind], (kind >= 2) | (kind << 4), doc->str, doc->len);
    }

  return 0;
}
