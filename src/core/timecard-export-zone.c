/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-zone"

#include "config.h"

#include "timecard-export-zone.h"

#define SPAN_BITS 16
#define SPAN      (G_GINT64_CONSTANT (1) << SPAN_BITS)
#define N_SPANS   64

typedef struct
{
  gint64   span;      /* G_MININT64: unused */
  gint64   change;    /* the first second of @after */
  gint32   before;
  gint32   after;
  gboolean exact;     /* FALSE: more than one change in the span */
} Span;

struct _TimecardExportZone
{
  GTimeZone *time_zone;
  Span       spans[N_SPANS];
};

/**
 * timecard_export_zone_new:
 * @time_zone: a zone
 *
 * Returns: (transfer full): an empty cache of @time_zone's offsets
 */
TimecardExportZone *
timecard_export_zone_new (GTimeZone *time_zone)
{
  TimecardExportZone *self;

  g_return_val_if_fail (time_zone != NULL, NULL);

  self = g_new0 (TimecardExportZone, 1);
  self->time_zone = g_time_zone_ref (time_zone);
  for (guint i = 0; i < N_SPANS; i++)
    self->spans[i].span = G_MININT64;

  return self;
}

/**
 * timecard_export_zone_free:
 * @self: (transfer full) (nullable): a cache
 */
void
timecard_export_zone_free (TimecardExportZone *self)
{
  if (self == NULL)
    return;

  g_time_zone_unref (self->time_zone);
  g_free (self);
}

/**
 * timecard_export_zone_get_time_zone:
 * @self: a cache
 *
 * Returns: (transfer none): its zone
 */
GTimeZone *
timecard_export_zone_get_time_zone (TimecardExportZone *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->time_zone;
}

static inline int
interval_at (TimecardExportZone *self,
             gint64              seconds)
{
  return g_time_zone_find_interval (self->time_zone, G_TIME_TYPE_UNIVERSAL, seconds);
}

static void
fill_span (TimecardExportZone *self,
           Span               *span,
           gint64              index)
{
  gint64 first = index * SPAN;
  gint64 last = first + SPAN - 1;
  int first_interval = interval_at (self, first);
  int last_interval = interval_at (self, last);

  span->span = index;
  span->before = g_time_zone_get_offset (self->time_zone, first_interval);
  span->after = g_time_zone_get_offset (self->time_zone, last_interval);
  span->change = last + 1;
  span->exact = TRUE;

  if (first_interval == last_interval)
    return;

  /* Intervals only grow with UTC time: the first second past the first
   * interval, then whether the last interval starts there. */
  {
    gint64 lo = first, hi = last;

    while (hi - lo > 1)
      {
        gint64 mid = lo + (hi - lo) / 2;

        if (interval_at (self, mid) == first_interval)
          lo = mid;
        else
          hi = mid;
      }

    span->change = hi;
    span->exact = interval_at (self, hi) == last_interval;
  }
}

/**
 * timecard_export_zone_get_offset:
 * @self: a cache
 * @seconds: a Unix time
 *
 * Returns: the zone's UTC offset in seconds at @seconds, as
 *   g_time_zone_get_offset() of g_time_zone_find_interval() with
 *   %G_TIME_TYPE_UNIVERSAL gives it
 */
gint32
timecard_export_zone_get_offset (TimecardExportZone *self,
                                 gint64              seconds)
{
  /* Rounded down for instants before 1970 too. */
  gint64 index = seconds >= 0 ? seconds / SPAN : -((-(seconds + 1)) / SPAN) - 1;
  Span *span = &self->spans[(guint64) index % N_SPANS];

  if (G_UNLIKELY (span->span != index))
    fill_span (self, span, index);

  if (G_UNLIKELY (!span->exact))
    return g_time_zone_get_offset (self->time_zone, interval_at (self, seconds));

  return seconds < span->change ? span->before : span->after;
}
