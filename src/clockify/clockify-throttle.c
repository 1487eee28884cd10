/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-throttle"

#include "config.h"

#include "clockify-throttle.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "clockify-error.h"

/* A request may start when three limits all allow it:
 *
 * - a token bucket of `burst` tokens refilled at `rate` per second, kept as
 *   a theoretical arrival time (GCRA) in nanoseconds so that the schedule is
 *   exact in integers;
 * - at most ceil(rate) starts in any window of one second plus
 *   CLOCKIFY_THROTTLE_WINDOW_MARGIN. The bucket alone would let almost
 *   2 × burst through in one second (a full bucket, then a refill), while
 *   Clockify counts requests in a sliding one-second window. The margin
 *   covers the jitter between the moment we start a request and the moment
 *   the server receives it: two requests started exactly one second apart
 *   may arrive a little less than one second apart;
 * - for a request that names a workspace with a budget, at most `limit`
 *   starts in any window of its length (the Free plan's 30 an hour).
 *
 * Each limit only ever loosens as time passes, so the earliest start is the
 * latest of the three times at which each one allows the next request. */

/* At most @limit starts in any window of @length µs: a ring of the last
 * @limit start times, the oldest at @head. */
typedef struct
{
  gint64 *starts;
  guint   limit;
  guint   n_starts;
  guint   head;
  gint64  length;
} Window;

typedef struct
{
  gint64  interval_ns;   /* 1 s / rate */
  gint64  tolerance_ns;  /* (burst - 1) × interval: how far a burst runs ahead */
  gint64  tat_ns;        /* theoretical arrival time of the next request */
  Window *second;
} Pace;

/* No properties: the throttle is shared by every thread that uses one key,
 * and a notification would be emitted on whichever thread changed it. */
struct _ClockifyThrottle
{
  GObject parent_instance;

  GMutex             lock;
  ClockifyClockFunc  clock;
  gpointer           clock_data;
  double             rate;
  guint              burst;
  Pace               pace;
  GHashTable        *budgets;  /* workspace id → Window */
};

G_DEFINE_FINAL_TYPE (ClockifyThrottle, clockify_throttle, G_TYPE_OBJECT)

/* Earlier than any clock reading, yet far from overflow when subtracted from. */
#define LONG_AGO (G_MININT64 / 4)

static Window *
window_new (guint  limit,
            gint64 length)
{
  Window *window = g_new0 (Window, 1);

  g_assert (limit > 0);

  window->starts = g_new0 (gint64, limit);
  window->limit = limit;
  window->length = length;

  return window;
}

static void
window_free (Window *window)
{
  g_free (window->starts);
  g_free (window);
}

static void
window_record (Window *window,
               gint64  start)
{
  if (window->n_starts < window->limit)
    {
      window->starts[(window->head + window->n_starts) % window->limit] = start;
      window->n_starts++;
    }
  else
    {
      window->starts[window->head] = start;
      window->head = (window->head + 1) % window->limit;
    }
}

/* A new window of another size that keeps the latest starts of @old. */
static Window *
window_resize (const Window *old,
               guint         limit,
               gint64        length)
{
  Window *window = window_new (limit, length);
  guint skip = old->n_starts > limit ? old->n_starts - limit : 0;

  for (guint i = skip; i < old->n_starts; i++)
    window_record (window, old->starts[(old->head + i) % old->limit]);

  return window;
}

static Window *
window_copy (const Window *window)
{
  return window_resize (window, window->limit, window->length);
}

/* The earliest time at which one more start fits in the window. */
static gint64
window_free_at (const Window *window)
{
  if (window->n_starts < window->limit)
    return LONG_AGO;

  return window->starts[window->head] + window->length;
}

static void
pace_configure (Pace   *pace,
                double  rate,
                guint   burst,
                gint64  now)
{
  gint64 interval_ns = (gint64) llround (G_USEC_PER_SEC * 1000.0 / rate);
  guint limit = (guint) ceil (rate);
  gint64 debt_ns = pace->tat_ns - now * 1000;

  /* Keep the share of the bucket that is in use. */
  if (pace->interval_ns > 0 && debt_ns > 0)
    {
      debt_ns = (gint64) ((double) debt_ns * interval_ns / pace->interval_ns);
      pace->tat_ns = now * 1000 + MIN (debt_ns, burst * interval_ns);
    }

  pace->interval_ns = interval_ns;
  pace->tolerance_ns = (burst - 1) * interval_ns;

  if (pace->second == NULL)
    {
      pace->second = window_new (limit, G_USEC_PER_SEC + CLOCKIFY_THROTTLE_WINDOW_MARGIN);
    }
  else
    {
      Window *old = pace->second;

      pace->second = window_resize (old, limit, old->length);
      window_free (old);
    }
}

static gint64
pace_free_at (const Pace *pace)
{
  gint64 bucket_ns = pace->tat_ns - pace->tolerance_ns;
  /* Division truncates towards zero, which rounds a negative time up. */
  gint64 bucket = bucket_ns > 0 ? (bucket_ns + 999) / 1000 : bucket_ns / 1000;

  return MAX (bucket, window_free_at (pace->second));
}

static gint64
earliest_start (const Pace   *pace,
                const Window *budget)
{
  gint64 free_at = pace_free_at (pace);

  if (budget != NULL)
    free_at = MAX (free_at, window_free_at (budget));

  return free_at;
}

static void
record_start (Pace   *pace,
              Window *budget,
              gint64  now)
{
  pace->tat_ns = MAX (pace->tat_ns, now * 1000) + pace->interval_ns;
  window_record (pace->second, now);

  if (budget != NULL)
    window_record (budget, now);
}

static gint64
default_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

/* Called with the lock held. */
static gint64
throttle_now (ClockifyThrottle *self)
{
  return self->clock (self->clock_data);
}

static Window *
lookup_budget (ClockifyThrottle *self,
               const char       *workspace_id)
{
  if (workspace_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->budgets, workspace_id);
}

/* A budget free time, on the monotonic clock, as local wall-clock time. */
static GDateTime *
wall_clock_time (gint64 frees_at,
                 gint64 now)
{
  gint64 real = g_get_real_time () + (frees_at - now);
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_local (real / G_USEC_PER_SEC);

  return g_date_time_add (seconds, real % G_USEC_PER_SEC);
}

/* Rounded up to the minute, so that the time shown is never too early. */
static char *
format_reset_time (GDateTime *when)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) rounded = NULL;
  GTimeSpan past_minute = g_date_time_get_second (when) * G_USEC_PER_SEC +
                          g_date_time_get_microsecond (when);

  if (past_minute > 0)
    rounded = g_date_time_add (when, 60 * G_USEC_PER_SEC - past_minute);
  else
    rounded = g_date_time_ref (when);

  if (g_date_time_get_year (rounded) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (rounded) == g_date_time_get_day_of_year (now))
    return g_date_time_format (rounded, "%H:%M");

  return g_date_time_format (rounded, "%Y-%m-%d %H:%M");
}

static GError *
budget_error_new (const Window *budget,
                  gint64        now)
{
  g_autoptr(GDateTime) reset = wall_clock_time (window_free_at (budget), now);
  g_autofree char *when = format_reset_time (reset);

  if (budget->limit == CLOCKIFY_THROTTLE_FREE_PLAN_REQUESTS &&
      budget->length == CLOCKIFY_THROTTLE_FREE_PLAN_WINDOW)
    return g_error_new (CLOCKIFY_ERROR, CLOCKIFY_ERROR_BUDGET_EXHAUSTED,
                        _("The Free plan allows %u requests an hour in this "
                          "workspace; the budget frees up at %s"),
                        budget->limit, when);

  return g_error_new (CLOCKIFY_ERROR, CLOCKIFY_ERROR_BUDGET_EXHAUSTED,
                      _("This workspace allows %u requests every %g minutes; "
                        "the budget frees up at %s"),
                      budget->limit, budget->length / (60.0 * G_USEC_PER_SEC), when);
}

static void
clockify_throttle_finalize (GObject *object)
{
  ClockifyThrottle *self = (ClockifyThrottle *)object;

  g_clear_pointer (&self->pace.second, window_free);
  g_clear_pointer (&self->budgets, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (clockify_throttle_parent_class)->finalize (object);
}

static void
clockify_throttle_class_init (ClockifyThrottleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clockify_throttle_finalize;
}

static void
clockify_throttle_init (ClockifyThrottle *self)
{
  g_mutex_init (&self->lock);
  self->clock = default_clock;
  self->rate = CLOCKIFY_THROTTLE_DEFAULT_RATE;
  self->burst = CLOCKIFY_THROTTLE_DEFAULT_BURST;
  self->pace.tat_ns = LONG_AGO;
  pace_configure (&self->pace, self->rate, self->burst, 0);
  self->budgets = g_hash_table_new_full (g_str_hash, g_str_equal,
                                         g_free, (GDestroyNotify) window_free);
}

/**
 * clockify_throttle_new:
 * @rate: requests per second, from %CLOCKIFY_THROTTLE_MIN_RATE to
 *   %CLOCKIFY_THROTTLE_MAX_RATE
 * @burst: requests that may start at once, at least 1 (clamped to
 *   %CLOCKIFY_THROTTLE_MAX_BURST)
 *
 * Returns: (transfer full): a new throttle on the monotonic clock
 */
ClockifyThrottle *
clockify_throttle_new (double rate,
                       guint  burst)
{
  ClockifyThrottle *self;

  g_return_val_if_fail (rate >= CLOCKIFY_THROTTLE_MIN_RATE && rate <= CLOCKIFY_THROTTLE_MAX_RATE, NULL);
  g_return_val_if_fail (burst >= 1, NULL);

  burst = MIN (burst, CLOCKIFY_THROTTLE_MAX_BURST);
  self = g_object_new (CLOCKIFY_TYPE_THROTTLE, NULL);
  self->rate = rate;
  self->burst = burst;
  pace_configure (&self->pace, rate, burst, 0);

  return self;
}

/**
 * clockify_throttle_get_for_key:
 * @api_key: an API key
 *
 * Every client using one key must share its limit, so this returns the same
 * throttle for the same key for the life of the process. The table is keyed
 * by a SHA-256 digest, so it holds no copy of the key.
 *
 * Returns: (transfer full): the shared throttle of @api_key
 */
ClockifyThrottle *
clockify_throttle_get_for_key (const char *api_key)
{
  static GMutex table_lock;
  static GHashTable *table;  /* SHA-256 of the key (hex) → ClockifyThrottle */
  g_autofree char *digest = NULL;
  ClockifyThrottle *throttle;

  g_return_val_if_fail (api_key != NULL, NULL);

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, api_key, -1);

  g_mutex_lock (&table_lock);

  if (table == NULL)
    table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  throttle = g_hash_table_lookup (table, digest);
  if (throttle == NULL)
    {
      throttle = clockify_throttle_new (CLOCKIFY_THROTTLE_DEFAULT_RATE,
                                        CLOCKIFY_THROTTLE_DEFAULT_BURST);
      g_hash_table_insert (table, g_steal_pointer (&digest), throttle);
    }
  g_object_ref (throttle);

  g_mutex_unlock (&table_lock);

  return throttle;
}

/**
 * clockify_throttle_set_clock:
 * @self: a #ClockifyThrottle
 * @clock: (nullable) (scope forever): the monotonic clock, or %NULL for
 *   g_get_monotonic_time()
 * @user_data: data for @clock
 *
 * Replaces the clock, for tests. Set it before the first request.
 */
void
clockify_throttle_set_clock (ClockifyThrottle  *self,
                             ClockifyClockFunc  clock,
                             gpointer           user_data)
{
  g_return_if_fail (CLOCKIFY_IS_THROTTLE (self));

  g_mutex_lock (&self->lock);
  self->clock = clock != NULL ? clock : default_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
  g_mutex_unlock (&self->lock);
}

/**
 * clockify_throttle_now:
 * @self: a #ClockifyThrottle
 *
 * Returns: the throttle's clock reading, in monotonic microseconds
 */
gint64
clockify_throttle_now (ClockifyThrottle *self)
{
  gint64 now;

  g_return_val_if_fail (CLOCKIFY_IS_THROTTLE (self), 0);

  g_mutex_lock (&self->lock);
  now = throttle_now (self);
  g_mutex_unlock (&self->lock);

  return now;
}

/**
 * clockify_throttle_set_rate:
 * @self: a #ClockifyThrottle
 * @rate: requests per second, from %CLOCKIFY_THROTTLE_MIN_RATE to
 *   %CLOCKIFY_THROTTLE_MAX_RATE
 * @burst: requests that may start at once, at least 1 (clamped to
 *   %CLOCKIFY_THROTTLE_MAX_BURST)
 *
 * Changes the pace. Requests already started still count in the
 * one-second window.
 */
void
clockify_throttle_set_rate (ClockifyThrottle *self,
                            double            rate,
                            guint             burst)
{
  g_return_if_fail (CLOCKIFY_IS_THROTTLE (self));
  g_return_if_fail (rate >= CLOCKIFY_THROTTLE_MIN_RATE && rate <= CLOCKIFY_THROTTLE_MAX_RATE);
  g_return_if_fail (burst >= 1);

  burst = MIN (burst, CLOCKIFY_THROTTLE_MAX_BURST);
  g_mutex_lock (&self->lock);
  if (self->rate != rate || self->burst != burst)
    {
      self->rate = rate;
      self->burst = burst;
      pace_configure (&self->pace, rate, burst, throttle_now (self));
    }
  g_mutex_unlock (&self->lock);
}

/**
 * clockify_throttle_get_rate:
 * @self: a #ClockifyThrottle
 *
 * Returns: requests per second
 */
double
clockify_throttle_get_rate (ClockifyThrottle *self)
{
  double rate;

  g_return_val_if_fail (CLOCKIFY_IS_THROTTLE (self), 0.0);

  g_mutex_lock (&self->lock);
  rate = self->rate;
  g_mutex_unlock (&self->lock);

  return rate;
}

/**
 * clockify_throttle_get_burst:
 * @self: a #ClockifyThrottle
 *
 * Returns: how many requests may start at once
 */
guint
clockify_throttle_get_burst (ClockifyThrottle *self)
{
  guint burst;

  g_return_val_if_fail (CLOCKIFY_IS_THROTTLE (self), 0);

  g_mutex_lock (&self->lock);
  burst = self->burst;
  g_mutex_unlock (&self->lock);

  return burst;
}

/**
 * clockify_throttle_set_workspace_budget:
 * @self: a #ClockifyThrottle
 * @workspace_id: a workspace id
 * @requests: requests allowed in any window, or 0 to remove the budget
 * @window_usec: the window's length in microseconds
 *
 * Limits the requests that name @workspace_id to @requests in any sliding
 * window of @window_usec (%CLOCKIFY_THROTTLE_FREE_PLAN_REQUESTS in
 * %CLOCKIFY_THROTTLE_FREE_PLAN_WINDOW on the Free plan). Changing a budget
 * keeps the latest requests it counted.
 */
void
clockify_throttle_set_workspace_budget (ClockifyThrottle *self,
                                        const char       *workspace_id,
                                        guint             requests,
                                        gint64            window_usec)
{
  Window *old;

  g_return_if_fail (CLOCKIFY_IS_THROTTLE (self));
  g_return_if_fail (workspace_id != NULL);
  g_return_if_fail (requests == 0 || window_usec > 0);

  g_mutex_lock (&self->lock);

  old = g_hash_table_lookup (self->budgets, workspace_id);
  if (requests == 0)
    g_hash_table_remove (self->budgets, workspace_id);
  else if (old == NULL)
    g_hash_table_insert (self->budgets, g_strdup (workspace_id),
                         window_new (requests, window_usec));
  else if (old->limit != requests || old->length != window_usec)
    g_hash_table_insert (self->budgets, g_strdup (workspace_id),
                         window_resize (old, requests, window_usec));

  g_mutex_unlock (&self->lock);
}

/**
 * clockify_throttle_exhaust_budget:
 * @self: a #ClockifyThrottle
 * @workspace_id: a workspace id
 *
 * Records that Clockify refused a request naming @workspace_id as over its
 * limit while the throttle still had room: another run, or another program,
 * spent the workspace's budget. The budget is then taken as spent from now
 * on, so that it frees up one whole window later at the latest and no
 * request is sent before.
 *
 * Returns: (transfer full) (nullable): a %CLOCKIFY_ERROR_BUDGET_EXHAUSTED
 *   error saying when the budget frees up, or %NULL when @workspace_id has
 *   no budget
 */
GError *
clockify_throttle_exhaust_budget (ClockifyThrottle *self,
                                  const char       *workspace_id)
{
  Window *budget;
  GError *error = NULL;
  gint64 now;

  g_return_val_if_fail (CLOCKIFY_IS_THROTTLE (self), NULL);
  g_return_val_if_fail (workspace_id != NULL, NULL);

  g_mutex_lock (&self->lock);

  now = throttle_now (self);
  budget = lookup_budget (self, workspace_id);
  if (budget != NULL)
    {
      while (window_free_at (budget) <= now)
        window_record (budget, now);
      error = budget_error_new (budget, now);
    }

  g_mutex_unlock (&self->lock);

  return error;
}

/**
 * clockify_throttle_has_workspace_budget:
 * @self: a #ClockifyThrottle
 * @workspace_id: a workspace id
 *
 * Returns: whether requests naming @workspace_id have a budget
 */
gboolean
clockify_throttle_has_workspace_budget (ClockifyThrottle *self,
                                        const char       *workspace_id)
{
  gboolean has_budget;

  g_return_val_if_fail (CLOCKIFY_IS_THROTTLE (self), FALSE);
  g_return_val_if_fail (workspace_id != NULL, FALSE);

  g_mutex_lock (&self->lock);
  has_budget = lookup_budget (self, workspace_id) != NULL;
  g_mutex_unlock (&self->lock);

  return has_budget;
}

/**
 * clockify_throttle_get_delay:
 * @self: a #ClockifyThrottle
 * @workspace_id: (nullable): the workspace the request names, if any
 *
 * When the workspace's budget is spent, this is the time until it frees.
 *
 * Returns: microseconds until the request may start; 0 for now
 */
gint64
clockify_throttle_get_delay (ClockifyThrottle *self,
                             const char       *workspace_id)
{
  gint64 now;
  gint64 free_at;

  g_return_val_if_fail (CLOCKIFY_IS_THROTTLE (self), 0);

  g_mutex_lock (&self->lock);
  now = throttle_now (self);
  free_at = earliest_start (&self->pace, lookup_budget (self, workspace_id));
  g_mutex_unlock (&self->lock);

  return MAX (0, free_at - now);
}

/**
 * clockify_throttle_try_acquire:
 * @self: a #ClockifyThrottle
 * @workspace_id: (nullable): the workspace the request names, if any
 * @out_delay: (out) (optional): microseconds until the request may start,
 *   0 when it was acquired
 *
 * Takes a slot for one request if it may start now.
 *
 * Returns: whether the request may start
 */
gboolean
clockify_throttle_try_acquire (ClockifyThrottle *self,
                               const char       *workspace_id,
                               gint64           *out_delay)
{
  Window *budget;
  gint64 now;
  gint64 delay;

  g_return_val_if_fail (CLOCKIFY_IS_THROTTLE (self), FALSE);

  g_mutex_lock (&self->lock);
  now = throttle_now (self);
  budget = lookup_budget (self, workspace_id);
  delay = MAX (0, earliest_start (&self->pace, budget) - now);
  if (delay == 0)
    record_start (&self->pace, budget, now);
  g_mutex_unlock (&self->lock);

  if (out_delay != NULL)
    *out_delay = delay;

  return delay == 0;
}

/**
 * clockify_throttle_budget_frees_at:
 * @self: a #ClockifyThrottle
 * @workspace_id: a workspace id
 *
 * Returns: when, on the throttle's clock, the workspace's spent budget
 *   allows the next request; 0 when it is not spent or there is none
 */
gint64
clockify_throttle_budget_frees_at (ClockifyThrottle *self,
                                   const char       *workspace_id)
{
  Window *budget;
  gint64 frees_at = 0;

  g_return_val_if_fail (CLOCKIFY_IS_THROTTLE (self), 0);
  g_return_val_if_fail (workspace_id != NULL, 0);

  g_mutex_lock (&self->lock);
  budget = lookup_budget (self, workspace_id);
  if (budget != NULL && window_free_at (budget) > throttle_now (self))
    frees_at = window_free_at (budget);
  g_mutex_unlock (&self->lock);

  return frees_at;
}

/**
 * clockify_throttle_get_budget_reset_time:
 * @self: a #ClockifyThrottle
 * @workspace_id: a workspace id
 *
 * Returns: (transfer full) (nullable): the local wall-clock time at which
 *   the workspace's spent budget allows the next request, or %NULL when it
 *   is not spent or there is none
 */
GDateTime *
clockify_throttle_get_budget_reset_time (ClockifyThrottle *self,
                                         const char       *workspace_id)
{
  Window *budget;
  GDateTime *reset = NULL;
  gint64 now;

  g_return_val_if_fail (CLOCKIFY_IS_THROTTLE (self), NULL);
  g_return_val_if_fail (workspace_id != NULL, NULL);

  g_mutex_lock (&self->lock);
  now = throttle_now (self);
  budget = lookup_budget (self, workspace_id);
  if (budget != NULL && window_free_at (budget) > now)
    reset = wall_clock_time (window_free_at (budget), now);
  g_mutex_unlock (&self->lock);

  return reset;
}

/**
 * clockify_throttle_estimate:
 * @self: a #ClockifyThrottle
 * @workspace_id: (nullable): the workspace the requests name, if any
 * @n_requests: how many requests
 *
 * Simulates the schedule of @n_requests more requests issued as fast as
 * the throttle allows, budget included, for an ETA.
 *
 * Returns: microseconds from now until the last of them has started
 */
gint64
clockify_throttle_estimate (ClockifyThrottle *self,
                            const char       *workspace_id,
                            guint             n_requests)
{
  Window *budget;
  Window *budget_copy = NULL;
  Pace pace;
  gint64 now;
  gint64 t;

  g_return_val_if_fail (CLOCKIFY_IS_THROTTLE (self), 0);

  g_mutex_lock (&self->lock);

  now = throttle_now (self);
  pace = self->pace;
  pace.second = window_copy (self->pace.second);
  budget = lookup_budget (self, workspace_id);
  if (budget != NULL)
    budget_copy = window_copy (budget);

  g_mutex_unlock (&self->lock);

  t = now;
  for (guint i = 0; i < n_requests; i++)
    {
      t = MAX (t, earliest_start (&pace, budget_copy));
      record_start (&pace, budget_copy, t);
    }

  window_free (pace.second);
  g_clear_pointer (&budget_copy, window_free);

  return t - now;
}

typedef struct
{
  char    *workspace_id;
  GSource *timeout;
  GSource *cancelled;
} AcquireData;

static void
acquire_data_free (AcquireData *data)
{
  g_assert (data->timeout == NULL);
  g_assert (data->cancelled == NULL);

  g_free (data->workspace_id);
  g_free (data);
}

static void
clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

/* Takes @error; %NULL for success. */
static void
acquire_complete (GTask  *task,
                  GError *error)
{
  g_autoptr(GTask) keep = g_object_ref (task);
  AcquireData *data = g_task_get_task_data (task);

  /* The sources hold references to the task: drop them first. */
  clear_source (&data->timeout);
  clear_source (&data->cancelled);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean acquire_timeout_cb (gpointer user_data);

static void
acquire_attempt (GTask *task)
{
  ClockifyThrottle *self = g_task_get_source_object (task);
  AcquireData *data = g_task_get_task_data (task);
  GError *error = NULL;
  Window *budget;
  gint64 now;
  gint64 delay = 0;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      acquire_complete (task, error);
      return;
    }

  g_mutex_lock (&self->lock);
  now = throttle_now (self);
  budget = lookup_budget (self, data->workspace_id);
  if (budget != NULL && window_free_at (budget) > now)
    error = budget_error_new (budget, now);
  else
    delay = MAX (0, earliest_start (&self->pace, budget) - now);
  if (error == NULL && delay == 0)
    record_start (&self->pace, budget, now);
  g_mutex_unlock (&self->lock);

  if (error != NULL || delay == 0)
    {
      acquire_complete (task, error);
      return;
    }

  g_assert (data->timeout == NULL);
  data->timeout = g_timeout_source_new ((guint) ((delay + 999) / 1000));
  g_source_set_name (data->timeout, "[clockify] throttle wait");
  g_source_set_callback (data->timeout, acquire_timeout_cb,
                         g_object_ref (task), g_object_unref);
  g_source_attach (data->timeout, g_task_get_context (task));
}

static gboolean
acquire_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  AcquireData *data = g_task_get_task_data (task);

  g_assert (G_IS_TASK (task));

  /* The source goes away when this returns. */
  g_clear_pointer (&data->timeout, g_source_unref);
  acquire_attempt (task);

  return G_SOURCE_REMOVE;
}

static gboolean
acquire_cancelled_cb (GCancellable *cancellable,
                      gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  g_assert (G_IS_TASK (task));

  g_cancellable_set_error_if_cancelled (cancellable, &error);
  acquire_complete (task, error);

  return G_SOURCE_REMOVE;
}

/**
 * clockify_throttle_acquire_async:
 * @self: a #ClockifyThrottle
 * @workspace_id: (nullable): the workspace the request names, if any
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the request may start
 * @user_data: data for @callback
 *
 * Waits until one request may start and takes its slot. When the
 * workspace's budget is spent this does not wait an hour: it fails at once
 * with %CLOCKIFY_ERROR_BUDGET_EXHAUSTED, saying when the budget frees.
 */
void
clockify_throttle_acquire_async (ClockifyThrottle    *self,
                                 const char          *workspace_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AcquireData *data;

  g_return_if_fail (CLOCKIFY_IS_THROTTLE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, clockify_throttle_acquire_async);

  data = g_new0 (AcquireData, 1);
  data->workspace_id = g_strdup (workspace_id);
  g_task_set_task_data (task, data, (GDestroyNotify) acquire_data_free);

  if (cancellable != NULL)
    {
      data->cancelled = g_cancellable_source_new (cancellable);
      g_source_set_name (data->cancelled, "[clockify] throttle cancelled");
      g_source_set_callback (data->cancelled, G_SOURCE_FUNC (acquire_cancelled_cb),
                             g_object_ref (task), g_object_unref);
      g_source_attach (data->cancelled, g_task_get_context (task));
    }

  acquire_attempt (task);
}

/**
 * clockify_throttle_acquire_finish:
 * @self: a #ClockifyThrottle
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the request may start now
 */
gboolean
clockify_throttle_acquire_finish (ClockifyThrottle  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (CLOCKIFY_IS_THROTTLE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == clockify_throttle_acquire_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
