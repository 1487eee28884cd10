/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-json"

#include "config.h"

#include "clockify-json-text.h"

#include <math.h>
#include <string.h>

/* GDateTime's range, 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z:
 * every instant the exact parser accepts is one that
 * clockify_json_parse_timestamp() can return. */
#define MIN_USEC G_GINT64_CONSTANT (-62135596800000000)
#define MAX_USEC G_GINT64_CONSTANT (253402300799999999)

/* Reads exactly @n_digits ASCII digits. */
static inline gboolean
parse_digits (const char *p,
              guint       n_digits,
              int        *out_value)
{
  int value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      guint digit = (guchar) p[i] - '0';

      if (digit > 9)
        return FALSE;
      value = value * 10 + (int) digit;
    }

  *out_value = value;
  return TRUE;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  int era;
  int year_of_era;
  int day_of_year;
  int day_of_era;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  year_of_era = year - era * 400;
  day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return (gint64) era * 146097 + day_of_era - 719468;
}

static int
days_in_month (int year,
               int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
    return 29;
  return days[month - 1];
}

/**
 * clockify_json_parse_timestamp_usec:
 * @text: (array length=length): a timestamp, not necessarily NUL-terminated
 * @length: its length in bytes
 * @out_usec: (out): the time in microseconds since the Unix epoch
 *
 * Parses the timestamps Clockify sends, exactly and without allocating:
 * RFC 3339 date-times, `YYYY-MM-DDTHH:MM:SS`, an optional fraction of one to
 * nine digits (kept to the microsecond, further digits are truncated), and
 * `Z` or a `±HH:MM` offset: `2019-01-22T08:00:36.844Z`,
 * `2024-03-01T08:00:00Z`, `2022-08-26T08:32:01.640708+02:00` (`T` and `Z`
 * also in lower case, as RFC 3339 allows). Anything else is refused: a
 * missing offset, a date that does not exist, a leap second, and an instant
 * outside 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z (once the
 * offset is applied).
 *
 * Returns: whether @text was such a timestamp
 */
gboolean
clockify_json_parse_timestamp_usec (const char *text,
                                    gsize       length,
                                    gint64     *out_usec)
{
  const char *p;
  const char *end;
  int year, month, day, hour, minute, second;
  gint64 usec = 0;
  gint64 offset_seconds = 0;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (out_usec != NULL, FALSE);

  if (length < 20
      || !parse_digits (text, 4, &year) || text[4] != '-'
      || !parse_digits (text + 5, 2, &month) || text[7] != '-'
      || !parse_digits (text + 8, 2, &day) || (text[10] != 'T' && text[10] != 't')
      || !parse_digits (text + 11, 2, &hour) || text[13] != ':'
      || !parse_digits (text + 14, 2, &minute) || text[16] != ':'
      || !parse_digits (text + 17, 2, &second))
    return FALSE;

  p = text + 19;
  end = text + length;

  if (*p == '.')
    {
      guint n_digits = 0;

      for (p++; p < end && *p >= '0' && *p <= '9'; p++, n_digits++)
        if (n_digits < 6)
          usec = usec * 10 + (*p - '0');
      if (n_digits == 0 || n_digits > 9)
        return FALSE;
      for (; n_digits < 6; n_digits++)
        usec *= 10;
    }

  if (p < end && (*p == 'Z' || *p == 'z'))
    {
      p++;
    }
  else if (end - p == 6 && (*p == '+' || *p == '-'))
    {
      int offset_hours, offset_minutes;

      if (!parse_digits (p + 1, 2, &offset_hours) || p[3] != ':'
          || !parse_digits (p + 4, 2, &offset_minutes)
          || offset_hours > 23 || offset_minutes > 59)
        return FALSE;
      offset_seconds = (offset_hours * 3600 + offset_minutes * 60) * (*p == '-' ? -1 : 1);
      p += 6;
    }
  else
    {
      return FALSE;
    }

  if (p != end
      || year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month (year, month)
      || hour > 23 || minute > 59 || second > 59)
    return FALSE;

  usec += (days_from_civil (year, month, day) * 86400
           + hour * 3600 + minute * 60 + second - offset_seconds) * G_USEC_PER_SEC;
  if (usec < MIN_USEC || usec > MAX_USEC)
    return FALSE;

  *out_usec = usec;
  return TRUE;
}

/**
 * clockify_json_parse_timestamp:
 * @text: (nullable): a NUL-terminated timestamp
 *
 * Parses a timestamp as clockify_json_parse_timestamp_usec() does.
 *
 * Returns: (transfer full) (nullable): the time in UTC, or %NULL
 */
GDateTime *
clockify_json_parse_timestamp (const char *text)
{
  g_autoptr(GDateTime) epoch = NULL;
  gint64 usec;

  if (text == NULL || !clockify_json_parse_timestamp_usec (text, strlen (text), &usec))
    return NULL;

  /* A time span, not a double of seconds, which would round the fraction. */
  epoch = g_date_time_new_from_unix_utc (0);
  return g_date_time_add (epoch, usec);
}

/**
 * clockify_json_format_timestamp:
 * @utc: a time
 *
 * Formats @utc as the main API's query parameters want it,
 * `YYYY-MM-DDTHH:MM:SSZ` in UTC (any fraction of a second is dropped).
 *
 * Returns: (transfer full): the text
 */
char *
clockify_json_format_timestamp (GDateTime *utc)
{
  g_autoptr(GDateTime) in_utc = NULL;

  g_return_val_if_fail (utc != NULL, NULL);

  in_utc = g_date_time_to_utc (utc);
  return g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* Reads one or more digits as a non-negative number, refusing overflow. */
static gboolean
parse_number (const char **p,
              const char  *end,
              gint64      *out_value)
{
  const char *start = *p;
  gint64 value = 0;

  for (; *p < end && g_ascii_isdigit (**p); (*p)++)
    {
      int digit = **p - '0';

      if (value > (G_MAXINT64 - digit) / 10)
        return FALSE;
      value = value * 10 + digit;
    }

  *out_value = value;
  return *p != start;
}

static gboolean
add_checked (gint64 *total,
             gint64  value,
             gint64  unit)
{
  if (value > (G_MAXINT64 - *total) / unit)
    return FALSE;

  *total += value * unit;
  return TRUE;
}

/**
 * clockify_json_parse_duration_seconds:
 * @text: (array length=length): an ISO-8601 duration, not necessarily
 *   NUL-terminated
 * @length: its length in bytes
 * @out_seconds: (out) (optional): the duration in seconds
 *
 * Parses the durations Clockify sends (Java's `Duration.toString()` plus an
 * optional day part), without allocating: `P[nD][T[nH][nM][n[.f]S]]`, with
 * at least one component, components in that order, each at most once.
 * `PT1H30M` is 5400, `P1DT2H` is 93600. A fraction is accepted only on the
 * seconds, as Java writes sub-second durations (`PT0.5S`), and is truncated
 * to whole seconds. Years, months and weeks (of no fixed length, or never
 * sent), signs, lower case and values past #G_MAXINT64 are refused.
 *
 * Returns: whether @text was a duration
 */
gboolean
clockify_json_parse_duration_seconds (const char *text,
                                      gsize       length,
                                      gint64     *out_seconds)
{
  static const struct {
    char designator;
    gint64 unit;
  } time_components[] = {
    { 'H', 3600 },
    { 'M', 60 },
    { 'S', 1 },
  };
  const char *p = text;
  const char *end = text + length;
  gint64 total = 0;
  gint64 value;
  guint next_component = 0;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  if (length < 2 || *p++ != 'P')
    return FALSE;

  if (g_ascii_isdigit (*p)
      && (!parse_number (&p, end, &value) || p == end || *p++ != 'D'
          || !add_checked (&total, value, 86400)))
    return FALSE;

  if (p < end && (*p++ != 'T' || p == end))
    return FALSE;

  while (p < end)
    {
      gboolean fraction = FALSE;
      guint i;

      if (!parse_number (&p, end, &value))
        return FALSE;

      if (p < end && (*p == '.' || *p == ','))
        {
          p++;
          if (p == end || !g_ascii_isdigit (*p))
            return FALSE;
          while (p < end && g_ascii_isdigit (*p))
            p++;
          fraction = TRUE;
        }

      if (p == end)
        return FALSE;

      for (i = next_component; i < G_N_ELEMENTS (time_components); i++)
        if (time_components[i].designator == *p)
          break;
      if (i == G_N_ELEMENTS (time_components)
          || (fraction && time_components[i].designator != 'S')
          || !add_checked (&total, value, time_components[i].unit))
        return FALSE;

      next_component = i + 1;
      p++;
    }

  if (out_seconds != NULL)
    *out_seconds = total;
  return TRUE;
}

/**
 * clockify_json_parse_duration:
 * @text: (nullable): a NUL-terminated ISO-8601 duration
 * @out_seconds: (out) (optional): the duration in seconds
 *
 * Parses a duration as clockify_json_parse_duration_seconds() does.
 *
 * Returns: whether @text was a duration
 */
gboolean
clockify_json_parse_duration (const char *text,
                              gint64     *out_seconds)
{
  return text != NULL && clockify_json_parse_duration_seconds (text, strlen (text), out_seconds);
}

/**
 * clockify_json_int64_from_double:
 * @value: a number that arrived as a JSON double
 * @out_value: (out): @value as an integer
 *
 * Some endpoints write every number as a double (`3600.0`); one with no
 * fraction counts as an integer.
 *
 * Returns: %FALSE for a fraction, NaN, infinities and values outside
 *   #gint64
 */
gboolean
clockify_json_int64_from_double (double  value,
                                 gint64 *out_value)
{
  g_return_val_if_fail (out_value != NULL, FALSE);

  /* 2^63 is exact as a double, so everything in [-2^63, 2^63) fits. */
  if (!isfinite (value) || value != floor (value)
      || value < -9223372036854775808.0 || value >= 9223372036854775808.0)
    return FALSE;

  *out_value = (gint64) value;
  return TRUE;
}

/**
 * clockify_json_money_from_double:
 * @amount: an amount in minor units, as a double
 * @out_minor_units: (out): the amount as an integer
 *
 * Converts an amount that arrived as a JSON double (the Reports API sends
 * `4321.0`). A fraction of a minor unit is rounded half away from zero:
 * Clockify computes report rates server-side in floating point, and an
 * export should not fail over a sub-cent remainder.
 *
 * Returns: %FALSE for NaN, infinities and amounts outside #gint64
 */
gboolean
clockify_json_money_from_double (double  amount,
                                 gint64 *out_minor_units)
{
  g_return_val_if_fail (out_minor_units != NULL, FALSE);

  return clockify_json_int64_from_double (round (amount), out_minor_units);
}
