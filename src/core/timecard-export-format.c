/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-format"

#include "config.h"

#include "timecard-export-format.h"

#include <glib/gi18n-lib.h>

#include <gio/gio.h>
#include <string.h>

#define USEC_PER_SEC  G_GINT64_CONSTANT (1000000)
#define SEC_PER_DAY   G_GINT64_CONSTANT (86400)
#define MAX_JSON_DEPTH 64

static char *
put_magnitude (char    *p,
               guint64  magnitude)
{
  char digits[24];
  guint n = 0;

  do
    {
      digits[n++] = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude != 0);

  while (n > 0)
    *p++ = digits[--n];

  return p;
}

/**
 * timecard_export_format_integer:
 * @buf: where to write, NUL-terminated
 * @value: a number
 *
 * Writes @value in decimal, without the locale machinery of printf.
 *
 * Returns: the length written
 */
gsize
timecard_export_format_integer (char   buf[TIMECARD_EXPORT_MONEY_MAX],
                                gint64 value)
{
  char *p = buf;

  if (value < 0)
    *p++ = '-';
  p = put_magnitude (p, value < 0 ? (guint64) 0 - (guint64) value : (guint64) value);
  *p = '\0';

  return p - buf;
}

/**
 * timecard_export_format_money:
 * @buf: where to write, NUL-terminated
 * @minor_units: an amount in minor units (cents)
 *
 * Writes the amount in major units with two decimals: 4321 is "43.21",
 * -5 is "-0.05". Exact for every #gint64.
 *
 * Returns: the length written
 */
gsize
timecard_export_format_money (char   buf[TIMECARD_EXPORT_MONEY_MAX],
                              gint64 minor_units)
{
  guint64 magnitude = minor_units < 0 ? (guint64) 0 - (guint64) minor_units : (guint64) minor_units;
  guint cents = magnitude % 100;
  char *p = buf;

  if (minor_units < 0)
    *p++ = '-';
  p = put_magnitude (p, magnitude / 100);

  *p++ = '.';
  *p++ = '0' + cents / 10;
  *p++ = '0' + cents % 10;
  *p = '\0';

  return p - buf;
}

static inline gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if (a % b != 0 && ((a < 0) != (b < 0)))
    q--;

  return q;
}

/* Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm). */
static void
civil_from_days (gint64  days,
                 gint64 *out_year,
                 guint  *out_month,
                 guint  *out_day)
{
  gint64 era, year;
  guint doe, yoe, doy, mp, month;

  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doe = (guint) (days - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  year = (gint64) yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  month = mp < 10 ? mp + 3 : mp - 9;

  *out_day = doy - (153 * mp + 2) / 5 + 1;
  *out_month = month;
  *out_year = year + (month <= 2);
}

static inline char *
put2 (char  *p,
      guint  value)
{
  p[0] = '0' + value / 10;
  p[1] = '0' + value % 10;
  return p + 2;
}

/* "YYYY-MM-DDTHH:MM:SS"; years outside 0000..9999 get a sign (ISO 8601 expanded). */
static char *
put_date_time (char   *p,
               gint64  seconds)
{
  gint64 days = floor_div (seconds, SEC_PER_DAY);
  gint64 second_of_day = seconds - days * SEC_PER_DAY;
  gint64 year;
  guint month, day;

  civil_from_days (days, &year, &month, &day);

  if (year >= 0 && year <= 9999)
    {
      p = put2 (p, year / 100);
      p = put2 (p, year % 100);
    }
  else
    p += g_snprintf (p, 16, "%+05" G_GINT64_FORMAT, year);

  *p++ = '-';
  p = put2 (p, month);
  *p++ = '-';
  p = put2 (p, day);
  *p++ = 'T';
  p = put2 (p, second_of_day / 3600);
  *p++ = ':';
  p = put2 (p, second_of_day / 60 % 60);
  *p++ = ':';
  p = put2 (p, second_of_day % 60);

  return p;
}

/**
 * timecard_export_format_utc:
 * @buf: where to write, NUL-terminated
 * @usec: a Unix time in microseconds
 *
 * Writes the instant in UTC to the second, rounded down:
 * `2024-03-01T08:00:00Z`.
 *
 * Returns: the length written
 */
gsize
timecard_export_format_utc (char   buf[TIMECARD_EXPORT_INSTANT_MAX],
                            gint64 usec)
{
  char *p = put_date_time (buf, floor_div (usec, USEC_PER_SEC));

  *p++ = 'Z';
  *p = '\0';

  return p - buf;
}

/* "YYYY-MM-DDTHH:MM:SS+HH:MM": @seconds shown at @offset. */
static gsize
put_local (char   buf[TIMECARD_EXPORT_INSTANT_MAX],
           gint64 seconds,
           gint32 offset)
{
  guint magnitude = ABS (offset);
  char *p = put_date_time (buf, seconds + offset);

  *p++ = offset < 0 ? '-' : '+';
  p = put2 (p, magnitude / 3600);
  *p++ = ':';
  p = put2 (p, magnitude / 60 % 60);
  if (magnitude % 60 != 0)
    {
      *p++ = ':';
      p = put2 (p, magnitude % 60);
    }
  *p = '\0';

  return p - buf;
}

/**
 * timecard_export_format_local:
 * @buf: where to write, NUL-terminated
 * @usec: a Unix time in microseconds
 * @time_zone: the zone to show it in
 *
 * Writes the instant as wall-clock time in @time_zone with that zone's UTC
 * offset at that instant: `2024-03-01T09:00:00+01:00`, `+05:30` in Kolkata.
 * An offset with seconds (local mean time before 1900) is written
 * `+00:53:28`.
 *
 * Returns: the length written
 */
gsize
timecard_export_format_local (char       buf[TIMECARD_EXPORT_INSTANT_MAX],
                              gint64     usec,
                              GTimeZone *time_zone)
{
  gint64 seconds = floor_div (usec, USEC_PER_SEC);
  int interval = g_time_zone_find_interval (time_zone, G_TIME_TYPE_UNIVERSAL, seconds);

  return put_local (buf, seconds, g_time_zone_get_offset (time_zone, interval));
}

/**
 * timecard_export_format_local_in:
 * @buf: where to write, NUL-terminated
 * @usec: a Unix time in microseconds
 * @zone: the zone to show it in, with its offsets cached
 *
 * timecard_export_format_local() for many instants.
 *
 * Returns: the length written
 */
gsize
timecard_export_format_local_in (char                buf[TIMECARD_EXPORT_INSTANT_MAX],
                                 gint64              usec,
                                 TimecardExportZone *zone)
{
  gint64 seconds = floor_div (usec, USEC_PER_SEC);

  return put_local (buf, seconds, timecard_export_zone_get_offset (zone, seconds));
}

/* Non-zero for the bytes a JSON string must escape. */
static const guint8 json_escape[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

static void
append_control_escape (GString *out,
                       guchar   c)
{
  static const char hex[] = "0123456789abcdef";

  switch (c)
    {
    case '"': g_string_append_len (out, "\\\"", 2); break;
    case '\\': g_string_append_len (out, "\\\\", 2); break;
    case '\b': g_string_append_len (out, "\\b", 2); break;
    case '\f': g_string_append_len (out, "\\f", 2); break;
    case '\n': g_string_append_len (out, "\\n", 2); break;
    case '\r': g_string_append_len (out, "\\r", 2); break;
    case '\t': g_string_append_len (out, "\\t", 2); break;
    default:
      {
        char escape[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf] };
        g_string_append_len (out, escape, sizeof escape);
      }
    }
}

/**
 * timecard_export_append_json_string:
 * @out: where to append
 * @text: UTF-8 text
 *
 * Appends @text as a JSON string literal, quotes included, escaping only what
 * JSON requires (quote, backslash, control characters): the result never
 * contains a raw newline, so it is safe in a JSON Lines record.
 */
void
timecard_export_append_json_string (GString    *out,
                                    const char *text)
{
  const guchar *p = (const guchar *) text;

  g_string_append_c (out, '"');
  for (;;)
    {
      const guchar *run = p;

      while (*p != '\0' && !json_escape[*p])
        p++;
      if (p != run)
        g_string_append_len (out, (const char *) run, p - run);
      if (*p == '\0')
        break;
      append_control_escape (out, *p++);
    }
  g_string_append_c (out, '"');
}

/* A small JSON reader for the custom field values of one entry: it validates
 * and compacts values (so a value can never break a JSON Lines record) and
 * decodes the few strings it needs. */
typedef struct
{
  const char *p;
  const char *end;
  guint       depth;
} Scanner;

static void
skip_ws (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (const char *p,
           const char *end,
           gunichar   *out)
{
  gunichar value = 0;

  if (end - p < 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return FALSE;
      value = value << 4 | digit;
    }

  *out = value;
  return TRUE;
}

/* At an opening quote: appends the literal to @raw (nullable) as valid JSON
 * and its text to @decoded (nullable). */
static gboolean
scan_string (Scanner *s,
             GString *raw,
             GString *decoded)
{
  s->p++;
  if (raw != NULL)
    g_string_append_c (raw, '"');

  while (s->p < s->end)
    {
      const char *run = s->p;
      guchar c;

      while (s->p < s->end && *s->p != '"' && *s->p != '\\' && (guchar) *s->p >= 0x20)
        s->p++;
      if (s->p != run)
        {
          if (raw != NULL)
            g_string_append_len (raw, run, s->p - run);
          if (decoded != NULL)
            g_string_append_len (decoded, run, s->p - run);
        }
      if (s->p >= s->end)
        break;

      c = *s->p;
      if (c == '"')
        {
          s->p++;
          if (raw != NULL)
            g_string_append_c (raw, '"');
          return TRUE;
        }
      else if (c < 0x20)
        {
          /* Invalid in JSON; escape it rather than fail the export. */
          s->p++;
          if (raw != NULL)
            append_control_escape (raw, c);
          if (decoded != NULL)
            g_string_append_c (decoded, c);
        }
      else
        {
          const char *escape = s->p;
          gunichar ch;

          if (s->end - s->p < 2)
            return FALSE;

          switch (s->p[1])
            {
            case '"': ch = '"'; break;
            case '\\': ch = '\\'; break;
            case '/': ch = '/'; break;
            case 'b': ch = '\b'; break;
            case 'f': ch = '\f'; break;
            case 'n': ch = '\n'; break;
            case 'r': ch = '\r'; break;
            case 't': ch = '\t'; break;
            case 'u':
              if (!read_hex4 (s->p + 2, s->end, &ch))
                return FALSE;
              s->p += 4;
              if (ch >= 0xd800 && ch < 0xdc00)
                {
                  gunichar low;

                  if (s->end - s->p >= 8 && s->p[2] == '\\' && s->p[3] == 'u'
                      && read_hex4 (s->p + 4, s->end, &low)
                      && low >= 0xdc00 && low < 0xe000)
                    {
                      ch = 0x10000 + ((ch - 0xd800) << 10) + (low - 0xdc00);
                      s->p += 6;
                    }
                  else
                    ch = 0xfffd;
                }
              else if (ch >= 0xdc00 && ch < 0xe000)
                ch = 0xfffd;
              break;
            default:
              return FALSE;
            }
          s->p += 2;

          if (raw != NULL)
            g_string_append_len (raw, escape, s->p - escape);
          if (decoded != NULL)
            g_string_append_unichar (decoded, ch);
        }
    }

  return FALSE;
}

static gboolean
scan_literal (Scanner    *s,
              GString    *out,
              const char *literal)
{
  gsize length = strlen (literal);

  if ((gsize) (s->end - s->p) < length || memcmp (s->p, literal, length) != 0)
    return FALSE;

  if (out != NULL)
    g_string_append_len (out, literal, length);
  s->p += length;
  return TRUE;
}

static gboolean
scan_number (Scanner *s,
             GString *out)
{
  const char *start = s->p;
  gboolean digits = FALSE;

  while (s->p < s->end && *s->p != '\0' && strchr ("0123456789+-.eE", *s->p) != NULL)
    {
      digits |= g_ascii_isdigit (*s->p);
      s->p++;
    }

  if (!digits)
    return FALSE;

  if (out != NULL)
    g_string_append_len (out, start, s->p - start);
  return TRUE;
}

/* Copies one value compactly to @out (nullable: skip it). */
static gboolean
copy_value (Scanner *s,
            GString *out)
{
  char open, close;
  gboolean first = TRUE;

  skip_ws (s);
  if (s->p >= s->end)
    return FALSE;

  switch (*s->p)
    {
    case '"':
      return scan_string (s, out, NULL);
    case 't':
      return scan_literal (s, out, "true");
    case 'f':
      return scan_literal (s, out, "false");
    case 'n':
      return scan_literal (s, out, "null");
    case '{':
    case '[':
      break;
    default:
      return scan_number (s, out);
    }

  if (++s->depth > MAX_JSON_DEPTH)
    return FALSE;

  open = *s->p++;
  close = open == '{' ? '}' : ']';
  if (out != NULL)
    g_string_append_c (out, open);

  for (;;)
    {
      skip_ws (s);
      if (s->p < s->end && *s->p == close)
        break;
      if (!first)
        {
          if (s->p >= s->end || *s->p != ',')
            return FALSE;
          s->p++;
          if (out != NULL)
            g_string_append_c (out, ',');
          skip_ws (s);
        }
      first = FALSE;

      if (open == '{')
        {
          if (s->p >= s->end || *s->p != '"' || !scan_string (s, out, NULL))
            return FALSE;
          skip_ws (s);
          if (s->p >= s->end || *s->p != ':')
            return FALSE;
          s->p++;
          if (out != NULL)
            g_string_append_c (out, ':');
        }

      if (!copy_value (s, out))
        return FALSE;
    }

  s->p++;
  s->depth--;
  if (out != NULL)
    g_string_append_c (out, close);
  return TRUE;
}

/* What converting one entry's custom field values needs, kept between
 * entries so that the hot path does not allocate. */
struct _TimecardExportFieldsScratch
{
  GString  *key;
  GString  *id;
  GString  *name;
  GString  *value;
  gboolean  has_id;
  gboolean  has_name;
  gboolean  has_value;
  /* The keys written so far, each NUL-terminated. */
  GString  *used;
  guint     n_used;
};

/**
 * timecard_export_fields_scratch_new:
 *
 * Returns: (transfer full): buffers for
 *   timecard_export_custom_fields_to_json_with(), to reuse from entry to entry
 */
TimecardExportFieldsScratch *
timecard_export_fields_scratch_new (void)
{
  TimecardExportFieldsScratch *self = g_new0 (TimecardExportFieldsScratch, 1);

  self->key = g_string_new (NULL);
  self->id = g_string_new (NULL);
  self->name = g_string_new (NULL);
  self->value = g_string_new (NULL);
  self->used = g_string_new (NULL);
  return self;
}

/**
 * timecard_export_fields_scratch_free:
 * @self: (transfer full) (nullable): buffers
 */
void
timecard_export_fields_scratch_free (TimecardExportFieldsScratch *self)
{
  if (self == NULL)
    return;

  g_string_free (self->key, TRUE);
  g_string_free (self->id, TRUE);
  g_string_free (self->name, TRUE);
  g_string_free (self->value, TRUE);
  g_string_free (self->used, TRUE);
  g_free (self);
}

/* At '{': one `{"customFieldId": ..., "name": ..., "value": ...}` object. */
static gboolean
scan_field_value (Scanner                     *s,
                  TimecardExportFieldsScratch *field)
{
  gboolean first = TRUE;

  field->has_id = field->has_name = field->has_value = FALSE;
  g_string_truncate (field->id, 0);
  g_string_truncate (field->name, 0);
  g_string_truncate (field->value, 0);

  s->p++;
  for (;;)
    {
      GString *target = NULL;

      skip_ws (s);
      if (s->p < s->end && *s->p == '}')
        break;
      if (!first)
        {
          if (s->p >= s->end || *s->p != ',')
            return FALSE;
          s->p++;
          skip_ws (s);
        }
      first = FALSE;

      g_string_truncate (field->key, 0);
      if (s->p >= s->end || *s->p != '"' || !scan_string (s, NULL, field->key))
        return FALSE;
      skip_ws (s);
      if (s->p >= s->end || *s->p != ':')
        return FALSE;
      s->p++;
      skip_ws (s);

      if (g_str_equal (field->key->str, "value"))
        {
          g_string_truncate (field->value, 0);
          if (!copy_value (s, field->value))
            return FALSE;
          field->has_value = TRUE;
          continue;
        }

      if (g_str_equal (field->key->str, "customFieldId"))
        target = field->id;
      else if (g_str_equal (field->key->str, "name"))
        target = field->name;

      if (target != NULL && s->p < s->end && *s->p == '"')
        {
          g_string_truncate (target, 0);
          if (!scan_string (s, NULL, target))
            return FALSE;
          if (target == field->id)
            field->has_id = TRUE;
          else
            field->has_name = TRUE;
        }
      else if (!copy_value (s, NULL))
        return FALSE;
    }

  s->p++;
  return TRUE;
}

static gboolean
key_used (TimecardExportFieldsScratch *field,
          const char                  *key)
{
  const char *used = field->used->str;

  for (guint i = 0; i < field->n_used; i++, used += strlen (used) + 1)
    if (g_str_equal (used, key))
      return TRUE;

  return FALSE;
}

/* Appends the members of the object for the array at @s. */
static gboolean
scan_values (Scanner                     *s,
             TimecardExportLookup        *lookup,
             TimecardExportFieldsScratch *field,
             GString                     *out)
{
  gboolean first = TRUE;

  skip_ws (s);
  if (s->p == s->end || scan_literal (s, NULL, "null"))
    return TRUE;
  if (*s->p != '[')
    return FALSE;
  s->p++;

  for (;;)
    {
      const char *key = NULL;

      skip_ws (s);
      if (s->p < s->end && *s->p == ']')
        break;
      if (!first)
        {
          if (s->p >= s->end || *s->p != ',')
            return FALSE;
          s->p++;
          skip_ws (s);
        }
      first = FALSE;

      if (scan_literal (s, NULL, "null"))
        continue;
      if (s->p >= s->end || *s->p != '{' || !scan_field_value (s, field))
        return FALSE;

      if (field->has_id && lookup != NULL)
        key = timecard_export_lookup_get_custom_field_name (lookup, field->id->str);
      if (key == NULL && field->has_name)
        key = field->name->str;
      if (key == NULL && field->has_id)
        key = field->id->str;
      if (key != NULL && key_used (field, key))
        key = field->has_id && !key_used (field, field->id->str) ? field->id->str : NULL;
      if (key == NULL)
        continue;

      if (field->n_used > 0)
        g_string_append_c (out, ',');
      timecard_export_append_json_string (out, key);
      g_string_append_c (out, ':');
      if (field->has_value)
        g_string_append_len (out, field->value->str, field->value->len);
      else
        g_string_append_len (out, "null", 4);
      g_string_append_len (field->used, key, strlen (key) + 1);
      field->n_used++;
    }

  s->p++;
  return TRUE;
}

/**
 * timecard_export_custom_fields_to_json:
 * @values_json: (nullable): a JSON array of `{"customFieldId", "name",
 *   "value"}` objects, as in #ClockifyEntryRecord
 * @lookup: (nullable): custom field names by id
 * @out: where to append
 * @error: return location for an error
 *
 * Appends the values as one compact JSON object of field name to value, in
 * the order given. A field's name comes from @lookup (the field definitions),
 * else from the value itself, else it is the field's id; when two fields
 * would share a key, the second one is keyed by its id. %NULL, `null` and an
 * empty array give `{}`.
 *
 * Returns: %FALSE if @values_json is not such an array
 */
gboolean
timecard_export_custom_fields_to_json (const char            *values_json,
                                       TimecardExportLookup  *lookup,
                                       GString               *out,
                                       GError               **error)
{
  TimecardExportFieldsScratch *scratch = timecard_export_fields_scratch_new ();
  gboolean ok = timecard_export_custom_fields_to_json_with (values_json, lookup, scratch, out, error);

  timecard_export_fields_scratch_free (scratch);
  return ok;
}

/**
 * timecard_export_custom_fields_to_json_with:
 * @values_json: (nullable): as for timecard_export_custom_fields_to_json()
 * @lookup: (nullable): custom field names by id
 * @scratch: buffers from timecard_export_fields_scratch_new()
 * @out: where to append
 * @error: return location for an error
 *
 * timecard_export_custom_fields_to_json() reusing @scratch, for one entry
 * after another.
 *
 * Returns: %FALSE if @values_json is not such an array
 */
gboolean
timecard_export_custom_fields_to_json_with (const char                   *values_json,
                                            TimecardExportLookup         *lookup,
                                            TimecardExportFieldsScratch  *scratch,
                                            GString                      *out,
                                            GError                      **error)
{
  Scanner s;
  gsize start = out->len;
  gboolean ok;

  if (values_json == NULL)
    {
      g_string_append_len (out, "{}", 2);
      return TRUE;
    }

  s.p = values_json;
  s.end = values_json + strlen (values_json);
  s.depth = 0;

  g_string_truncate (scratch->used, 0);
  scratch->n_used = 0;

  g_string_append_c (out, '{');
  ok = scan_values (&s, lookup, scratch, out);
  if (ok)
    {
      skip_ws (&s);
      ok = s.p == s.end;
    }
  g_string_append_c (out, '}');

  if (!ok)
    {
      g_string_truncate (out, start);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The custom field values are not a JSON array of objects"));
    }

  return ok;
}
