/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-jsonl"

#include "config.h"

#include "timecard-export-jsonl.h"

#include "timecard-export-format.h"

struct _TimecardExportJsonlWriter
{
  TimecardExportDirWriter parent_instance;
};

G_DEFINE_FINAL_TYPE (TimecardExportJsonlWriter, timecard_export_jsonl_writer, TIMECARD_TYPE_EXPORT_DIR_WRITER)

static void
append_value (TimecardExportColumnType   type,
              const TimecardExportValue *value,
              GString                   *out)
{
  char buf[TIMECARD_EXPORT_MONEY_MAX];
  gsize length;

  if (value->is_null)
    {
      g_string_append_len (out, "null", 4);
      return;
    }

  switch (type)
    {
    case TIMECARD_EXPORT_COLUMN_TEXT:
      timecard_export_append_json_string (out, value->text);
      break;

    case TIMECARD_EXPORT_COLUMN_JSON:
      /* Compact JSON already (see timecard_export_custom_fields_to_json()). */
      g_string_append (out, value->text);
      break;

    case TIMECARD_EXPORT_COLUMN_INTEGER:
      length = timecard_export_format_integer (buf, value->integer);
      g_string_append_len (out, buf, length);
      break;

    case TIMECARD_EXPORT_COLUMN_BOOLEAN:
      if (value->integer)
        g_string_append_len (out, "true", 4);
      else
        g_string_append_len (out, "false", 5);
      break;

    case TIMECARD_EXPORT_COLUMN_MONEY:
      length = timecard_export_format_money (buf, value->integer);
      g_string_append_len (out, buf, length);
      break;

    case TIMECARD_EXPORT_COLUMN_LIST:
      g_string_append_c (out, '[');
      for (guint i = 0; i < value->n_items; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          if (value->items[i] != NULL)
            timecard_export_append_json_string (out, value->items[i]);
          else
            g_string_append_len (out, "null", 4);
        }
      g_string_append_c (out, ']');
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
timecard_export_jsonl_writer_append_row (TimecardExportDirWriter *writer,
                                         const TimecardExportRow *row,
                                         GString                 *out)
{
  const TimecardExportEntityInfo *info = row->info;

  g_string_append_c (out, '{');
  for (guint i = 0; i < info->n_columns; i++)
    {
      /* Column names are plain ASCII identifiers: nothing to escape. */
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '"');
      g_string_append (out, info->columns[i].name);
      g_string_append_len (out, "\":", 2);
      append_value (info->columns[i].type, &row->values[i], out);
    }
  g_string_append_len (out, "}\n", 2);
}

static void
timecard_export_jsonl_writer_class_init (TimecardExportJsonlWriterClass *klass)
{
  TimecardExportDirWriterClass *dir_class = TIMECARD_EXPORT_DIR_WRITER_CLASS (klass);

  dir_class->extension = "jsonl";
  dir_class->append_row = timecard_export_jsonl_writer_append_row;
}

static void
timecard_export_jsonl_writer_init (TimecardExportJsonlWriter *self)
{
}

/**
 * timecard_export_jsonl_writer_new:
 * @path: the output directory
 * @flags: how to treat an existing output
 * @time_zone: (nullable): the zone of the `*_local` columns, UTC if %NULL
 * @lookup: (nullable): names for the ids that time entries refer to
 *
 * Returns: (transfer full): a JSON Lines writer
 */
TimecardExportWriter *
timecard_export_jsonl_writer_new (const char                *path,
                                  TimecardExportWriterFlags  flags,
                                  GTimeZone                 *time_zone,
                                  TimecardExportLookup      *lookup)
{
  return timecard_export_writer_new (TIMECARD_EXPORT_FORMAT_JSONL, path, flags, time_zone, lookup);
}
