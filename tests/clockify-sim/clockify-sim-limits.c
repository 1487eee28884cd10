/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Sliding-window request limits: per API key (10 per second by default, a
 * third-party figure, see API-NOTES §3) and per FREE workspace (30 per hour,
 * Clockify's help centre). Only admitted requests are counted, so a client
 * that backs off gets through again once the window slides.
 */
#define G_LOG_DOMAIN "clockify-sim"

#include "config.h"

#include "clockify-sim-private.h"

#define KEY_WINDOW_USEC G_USEC_PER_SEC
#define N_KEYS          2

struct _SimLimits
{
  guint per_second;
  char *retry_after;
  guint free_requests;
  gint64 free_window_usec;
  GArray *key_times[N_KEYS];      /* gint64 µs of admitted requests, oldest first */
  GArray *free_times;
};

SimLimits *
_sim_limits_new (void)
{
  SimLimits *limits = g_new0 (SimLimits, 1);

  limits->per_second = 10;
  limits->free_requests = 30;
  limits->free_window_usec = G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC;
  for (guint i = 0; i < N_KEYS; i++)
    limits->key_times[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
  limits->free_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  return limits;
}

void
_sim_limits_free (SimLimits *limits)
{
  if (limits == NULL)
    return;
  for (guint i = 0; i < N_KEYS; i++)
    g_array_unref (limits->key_times[i]);
  g_array_unref (limits->free_times);
  g_free (limits->retry_after);
  g_free (limits);
}

void
_sim_limits_set_per_second (SimLimits *limits,
                            guint      per_second)
{
  limits->per_second = per_second;
}

void
_sim_limits_set_retry_after (SimLimits  *limits,
                             const char *retry_after)
{
  g_free (limits->retry_after);
  limits->retry_after = g_strdup (retry_after);
}

void
_sim_limits_set_free_plan (SimLimits *limits,
                           guint      requests,
                           gint64     window_usec)
{
  limits->free_requests = requests;
  limits->free_window_usec = MAX (window_usec, 1);
}

void
_sim_limits_reset (SimLimits *limits)
{
  for (guint i = 0; i < N_KEYS; i++)
    g_array_set_size (limits->key_times[i], 0);
  g_array_set_size (limits->free_times, 0);
}

/* Drops what left the window; TRUE if one more request fits. */
static gboolean
window_admits (GArray *times,
               guint   max,
               gint64  window_usec,
               gint64  now_us)
{
  guint expired = 0;

  while (expired < times->len && g_array_index (times, gint64, expired) <= now_us - window_usec)
    expired++;
  g_array_remove_range (times, 0, expired);

  if (times->len >= max)
    return FALSE;
  g_array_append_val (times, now_us);
  return TRUE;
}

static void
too_many (SimLimits   *limits,
          SimResponse *response)
{
  _sim_response_error (response, 429, "Too many requests", 429);
  response->retry_after = g_strdup (limits->retry_after);
}

gboolean
_sim_limits_admit_key (SimLimits   *limits,
                       int          key,
                       gint64       now_us,
                       SimResponse *response)
{
  g_assert (key >= 0 && key < N_KEYS);

  if (limits->per_second == 0 ||
      window_admits (limits->key_times[key], limits->per_second, KEY_WINDOW_USEC, now_us))
    return TRUE;
  too_many (limits, response);
  return FALSE;
}

gboolean
_sim_limits_admit_workspace (SimLimits   *limits,
                             gint64       now_us,
                             SimResponse *response)
{
  if (limits->free_requests == 0 ||
      window_admits (limits->free_times, limits->free_requests, limits->free_window_usec, now_us))
    return TRUE;
  too_many (limits, response);
  return FALSE;
}
