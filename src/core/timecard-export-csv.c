/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-csv"

#include "config.h"

#include "timecard-export-csv.h"

#include <string.h>

#include "timecard-export-format.h"

struct _TimecardExportCsvWriter
{
  TimecardExportDirWriter  parent_instance;
  GString                 *list;
};

G_DEFINE_FINAL_TYPE (TimecardExportCsvWriter, timecard_export_csv_writer, TIMECARD_TYPE_EXPORT_DIR_WRITER)

/* The bytes that make RFC 4180 quote a field, and the terminating NUL, so
 * that one pass finds both the end of a value and whether to quote it. */
static const guint8 stops[256] = {
  ['\0'] = 1, ['\n'] = 1, ['\r'] = 1, ['"'] = 1, [','] = 1,
};

/* g_string_append_len() without the call when there is room: rows are
 * hundreds of short values. */
static inline void
put (GString    *out,
     const char *data,
     gsize       length)
{
  if (G_LIKELY (out->len + length < out->allocated_len))
    {
      memcpy (out->str + out->len, data, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    {
      g_string_append_len (out, data, length);
    }
}

static void
append_text (GString    *out,
             const char *text)
{
  const guchar *p = (const guchar *) text;
  const char *end;

  while (!stops[p[0]] && !stops[p[1]] && !stops[p[2]] && !stops[p[3]])
    p += 4;
  while (!stops[*p])
    p++;

  if (*p == '\0')
    {
      if (p == (const guchar *) text)
        put (out, "\"\"", 2);
      else
        put (out, text, (const char *) p - text);
      return;
    }

  end = (const char *) p + strlen ((const char *) p);
  put (out, "\"", 1);
  for (const char *run = text; run < end;)
    {
      const char *quote = memchr (run, '"', end - run);

      if (quote == NULL)
        {
          put (out, run, end - run);
          break;
        }
      put (out, run, quote + 1 - run);
      put (out, "\"", 1);
      run = quote + 1;
    }
  put (out, "\"", 1);
}

static void
append_value (TimecardExportCsvWriter   *self,
              TimecardExportColumnType   type,
              const TimecardExportValue *value,
              GString                   *out)
{
  char buf[TIMECARD_EXPORT_MONEY_MAX];
  gsize length;

  if (value->is_null)
    return;

  switch (type)
    {
    case TIMECARD_EXPORT_COLUMN_TEXT:
    case TIMECARD_EXPORT_COLUMN_JSON:
      append_text (out, value->text);
      break;

    case TIMECARD_EXPORT_COLUMN_INTEGER:
      length = timecard_export_format_integer (buf, value->integer);
      put (out, buf, length);
      break;

    case TIMECARD_EXPORT_COLUMN_BOOLEAN:
      if (value->integer)
        put (out, "true", 4);
      else
        put (out, "false", 5);
      break;

    case TIMECARD_EXPORT_COLUMN_MONEY:
      length = timecard_export_format_money (buf, value->integer);
      put (out, buf, length);
      break;

    case TIMECARD_EXPORT_COLUMN_LIST:
      if (value->n_items == 0)
        break;
      g_string_truncate (self->list, 0);
      for (guint i = 0; i < value->n_items; i++)
        {
          if (i > 0)
            g_string_append_c (self->list, ';');
          if (value->items[i] != NULL)
            g_string_append (self->list, value->items[i]);
        }
      append_text (out, self->list->str);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
timecard_export_csv_writer_append_header (TimecardExportDirWriter        *writer,
                                          const TimecardExportEntityInfo *info,
                                          GString                        *out)
{
  for (guint i = 0; i < info->n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, info->columns[i].name);
    }
  g_string_append_len (out, "\r\n", 2);
}

static void
timecard_export_csv_writer_append_row (TimecardExportDirWriter *writer,
                                       const TimecardExportRow *row,
                                       GString                 *out)
{
  TimecardExportCsvWriter *self = TIMECARD_EXPORT_CSV_WRITER (writer);
  const TimecardExportEntityInfo *info = row->info;

  for (guint i = 0; i < info->n_columns; i++)
    {
      if (i > 0)
        put (out, ",", 1);
      append_value (self, info->columns[i].type, &row->values[i], out);
    }
  put (out, "\r\n", 2);
}

static void
timecard_export_csv_writer_finalize (GObject *object)
{
  TimecardExportCsvWriter *self = TIMECARD_EXPORT_CSV_WRITER (object);

  g_string_free (self->list, TRUE);

  G_OBJECT_CLASS (timecard_export_csv_writer_parent_class)->finalize (object);
}

static void
timecard_export_csv_writer_class_init (TimecardExportCsvWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TimecardExportDirWriterClass *dir_class = TIMECARD_EXPORT_DIR_WRITER_CLASS (klass);

  object_class->finalize = timecard_export_csv_writer_finalize;

  dir_class->extension = "csv";
  dir_class->append_header = timecard_export_csv_writer_append_header;
  dir_class->append_row = timecard_export_csv_writer_append_row;
}

static void
timecard_export_csv_writer_init (TimecardExportCsvWriter *self)
{
  self->list = g_string_sized_new (256);
}

/**
 * timecard_export_csv_writer_new:
 * @path: the output directory
 * @flags: how to treat an existing output
 * @time_zone: (nullable): the zone of the `*_local` columns, UTC if %NULL
 * @lookup: (nullable): names for the ids that time entries refer to
 *
 * Returns: (transfer full): a CSV writer
 */
TimecardExportWriter *
timecard_export_csv_writer_new (const char                *path,
                                TimecardExportWriterFlags  flags,
                                GTimeZone                 *time_zone,
                                TimecardExportLookup      *lookup)
{
  return timecard_export_writer_new (TIMECARD_EXPORT_FORMAT_CSV, path, flags, time_zone, lookup);
}
