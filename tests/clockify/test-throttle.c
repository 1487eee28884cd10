/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-clockify-throttle"

#include "config.h"

#include <string.h>

#include "clockify-error.h"
#include "clockify-throttle.h"

#define SECOND  G_USEC_PER_SEC
#define HOUR    (3600 * (gint64) G_USEC_PER_SEC)
/* One second plus the throttle's safety margin. */
#define WINDOW  (SECOND + CLOCKIFY_THROTTLE_WINDOW_MARGIN)

typedef struct
{
  gint64 now;
} FakeClock;

static gint64
fake_clock_read (gpointer user_data)
{
  FakeClock *clock = user_data;

  return clock->now;
}

static ClockifyThrottle *
fake_throttle_new (double     rate,
                   guint      burst,
                   FakeClock *clock)
{
  ClockifyThrottle *throttle = clockify_throttle_new (rate, burst);

  clockify_throttle_set_clock (throttle, fake_clock_read, clock);
  g_assert_cmpint (clockify_throttle_now (throttle), ==, clock->now);

  return throttle;
}

/* Issues one request as soon as the throttle allows, checking that the
 * delay it announced is exact; returns the start time. */
static gint64
issue_next (ClockifyThrottle *throttle,
            FakeClock        *clock,
            const char       *workspace_id)
{
  gint64 delay = clockify_throttle_get_delay (throttle, workspace_id);
  gint64 out_delay = -1;

  g_assert_cmpint (delay, >=, 0);

  if (delay > 0)
    {
      clock->now += delay - 1;
      g_assert_false (clockify_throttle_try_acquire (throttle, workspace_id, &out_delay));
      g_assert_cmpint (out_delay, ==, 1);
      clock->now += 1;
    }

  g_assert_true (clockify_throttle_try_acquire (throttle, workspace_id, &out_delay));
  g_assert_cmpint (out_delay, ==, 0);

  return clock->now;
}

/* How long @n requests issued as fast as allowed take to have all started. */
static gint64
simulate (ClockifyThrottle *throttle,
          FakeClock        *clock,
          const char       *workspace_id,
          guint             n)
{
  gint64 begin = clock->now;

  for (guint i = 0; i < n; i++)
    issue_next (throttle, clock, workspace_id);

  return clock->now - begin;
}

/* Checks every window [start, start + length) that begins at a recorded
 * start; a window holding the most starts can always be moved to begin at
 * one, so this covers every window. */
static void
assert_at_most_per_window (const gint64 *starts,
                           gsize         n_starts,
                           gsize         limit,
                           gint64        length)
{
  gsize end = 0;

  for (gsize i = 0; i < n_starts; i++)
    {
      if (i > 0)
        g_assert_cmpint (starts[i], >=, starts[i - 1]);

      while (end < n_starts && starts[end] < starts[i] + length)
        end++;

      if (end - i > limit)
        g_error ("%" G_GSIZE_FORMAT " requests started in the %" G_GINT64_FORMAT
                 " us from %" G_GINT64_FORMAT, end - i, length, starts[i]);
    }
}

static void
test_thousand_requests (void)
{
  FakeClock clock = { 0 };
  g_autoptr(ClockifyThrottle) throttle = fake_throttle_new (10, 10, &clock);
  g_autofree gint64 *starts = g_new (gint64, 1000);

  for (guint i = 0; i < 1000; i++)
    starts[i] = issue_next (throttle, &clock, NULL);

  assert_at_most_per_window (starts, 1000, 10, SECOND);
  assert_at_most_per_window (starts, 1000, 10, WINDOW);

  /* Ten at once every 1.025 s: the bucket refills within the window. */
  for (guint i = 0; i < 1000; i++)
    g_assert_cmpint (starts[i], ==, (i / 10) * WINDOW);
  g_assert_cmpint (starts[999], ==, 101475000);
}

/* A caller that comes back at arbitrary times must not get more through. */
static void
test_irregular_caller (void)
{
  FakeClock clock = { 5 * SECOND };
  g_autoptr(ClockifyThrottle) throttle = fake_throttle_new (10, 10, &clock);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));

  while (starts->len < 1000)
    {
      clock.now += g_rand_int_range (rand, 0, 150000);
      if (clockify_throttle_try_acquire (throttle, NULL, NULL))
        g_array_append_val (starts, clock.now);
    }

  assert_at_most_per_window ((gint64 *) (gpointer) starts->data, starts->len, 10, WINDOW);
}

static void
test_burst_then_window (void)
{
  FakeClock clock = { 0 };
  g_autoptr(ClockifyThrottle) throttle = fake_throttle_new (10, 10, &clock);
  gint64 delay = -1;

  for (guint i = 0; i < 10; i++)
    g_assert_true (clockify_throttle_try_acquire (throttle, NULL, NULL));

  g_assert_false (clockify_throttle_try_acquire (throttle, NULL, &delay));
  g_assert_cmpint (delay, ==, WINDOW);
  g_assert_cmpint (clockify_throttle_get_delay (throttle, NULL), ==, WINDOW);

  /* The bucket alone would allow the next one after 100 ms. */
  clock.now = 100000;
  g_assert_cmpint (clockify_throttle_get_delay (throttle, NULL), ==, WINDOW - 100000);

  clock.now = WINDOW - 1;
  g_assert_false (clockify_throttle_try_acquire (throttle, NULL, &delay));
  g_assert_cmpint (delay, ==, 1);

  clock.now = WINDOW;
  for (guint i = 0; i < 10; i++)
    g_assert_true (clockify_throttle_try_acquire (throttle, NULL, NULL));
  g_assert_cmpint (clockify_throttle_get_delay (throttle, NULL), ==, WINDOW);
}

static void
test_bucket_paces (void)
{
  FakeClock clock = { 0 };
  g_autoptr(ClockifyThrottle) throttle = fake_throttle_new (10, 1, &clock);
  const gint64 expected[] = {
    0, 100000, 200000, 300000, 400000, 500000, 600000, 700000, 800000, 900000,
    /* the window, not the bucket, holds back the 11th... */
    1025000,
    /* ...and then the 2nd start of the previous window */
    1125000, 1225000,
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (issue_next (throttle, &clock, NULL), ==, expected[i]);
}

static void
test_estimate (void)
{
  const guint counts[] = { 0, 1, 10, 11, 100 };
  const char *workspaces[] = { NULL, "ws-free" };

  for (guint w = 0; w < G_N_ELEMENTS (workspaces); w++)
    for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
      {
        FakeClock clock = { 1000 * SECOND };
        g_autoptr(ClockifyThrottle) throttle = fake_throttle_new (10, 10, &clock);
        gint64 estimate;

        if (workspaces[w] != NULL)
          clockify_throttle_set_workspace_budget (throttle, workspaces[w],
                                                  CLOCKIFY_THROTTLE_FREE_PLAN_REQUESTS,
                                                  CLOCKIFY_THROTTLE_FREE_PLAN_WINDOW);

        /* Some history, so that the estimate starts mid-schedule. */
        simulate (throttle, &clock, workspaces[w], 3);
        clock.now += 300000;

        estimate = clockify_throttle_estimate (throttle, workspaces[w], counts[c]);
        g_assert_cmpint (clockify_throttle_estimate (throttle, workspaces[w], counts[c]), ==, estimate);
        g_assert_cmpint (simulate (throttle, &clock, workspaces[w], counts[c]), ==, estimate);
      }
}

static void
test_estimate_exact (void)
{
  FakeClock clock = { 0 };
  g_autoptr(ClockifyThrottle) throttle = fake_throttle_new (10, 10, &clock);

  g_assert_cmpint (clockify_throttle_estimate (throttle, NULL, 0), ==, 0);
  g_assert_cmpint (clockify_throttle_estimate (throttle, NULL, 10), ==, 0);
  g_assert_cmpint (clockify_throttle_estimate (throttle, NULL, 11), ==, WINDOW);
  g_assert_cmpint (clockify_throttle_estimate (throttle, NULL, 100), ==, 9 * WINDOW);

  clockify_throttle_set_workspace_budget (throttle, "ws", 30, HOUR);
  g_assert_cmpint (clockify_throttle_estimate (throttle, "ws", 30), ==, 2 * WINDOW);
  g_assert_cmpint (clockify_throttle_estimate (throttle, "ws", 31), ==, HOUR);
  g_assert_cmpint (clockify_throttle_estimate (throttle, "ws", 61), ==, 2 * HOUR);
  /* Another workspace is not held back by this one's budget. */
  g_assert_cmpint (clockify_throttle_estimate (throttle, "other", 31), ==, 3 * WINDOW);
}

/* The local wall-clock time rounded up to the minute, as the message shows it. */
static char *
format_minute (GDateTime *time)
{
  gint64 past = g_date_time_get_second (time) * G_USEC_PER_SEC +
                g_date_time_get_microsecond (time);
  g_autoptr(GDateTime) rounded = g_date_time_add (time, past > 0 ? 60 * G_USEC_PER_SEC - past : 0);

  return g_date_time_format (rounded, "%H:%M");
}

static void
test_budget (void)
{
  FakeClock clock = { 7 * SECOND };
  /* No burst, so that the requests start at distinct times. */
  g_autoptr(ClockifyThrottle) throttle = fake_throttle_new (10, 1, &clock);
  g_autoptr(GDateTime) reset = NULL;
  gint64 first;
  gint64 second;
  gint64 delay = -1;
  gint64 real_before;
  gint64 real_after;
  gint64 reset_real;

  g_assert_false (clockify_throttle_has_workspace_budget (throttle, "ws"));
  clockify_throttle_set_workspace_budget (throttle, "ws",
                                          CLOCKIFY_THROTTLE_FREE_PLAN_REQUESTS,
                                          CLOCKIFY_THROTTLE_FREE_PLAN_WINDOW);
  g_assert_true (clockify_throttle_has_workspace_budget (throttle, "ws"));

  first = issue_next (throttle, &clock, "ws");
  second = issue_next (throttle, &clock, "ws");
  for (guint i = 2; i < 30; i++)
    {
      issue_next (throttle, &clock, "ws");
      g_assert_cmpint (clockify_throttle_budget_frees_at (throttle, "ws"), ==, i == 29 ? first + HOUR : 0);
    }
  g_assert_cmpint (second, ==, first + 100000);
  g_assert_cmpint (clock.now, ==, first + 2 * WINDOW + 900000);

  /* The 31st waits until the oldest of the 30 leaves the window. */
  clock.now += 10 * SECOND;
  g_assert_cmpint (clockify_throttle_get_delay (throttle, "ws"), ==, first + HOUR - clock.now);
  g_assert_false (clockify_throttle_try_acquire (throttle, "ws", &delay));
  g_assert_cmpint (delay, ==, first + HOUR - clock.now);
  g_assert_cmpint (clockify_throttle_budget_frees_at (throttle, "ws"), ==, first + HOUR);

  real_before = g_get_real_time ();
  reset = clockify_throttle_get_budget_reset_time (throttle, "ws");
  real_after = g_get_real_time ();
  g_assert_nonnull (reset);
  reset_real = g_date_time_to_unix (reset) * G_USEC_PER_SEC + g_date_time_get_microsecond (reset);
  g_assert_cmpint (reset_real, >=, real_before + first + HOUR - clock.now);
  g_assert_cmpint (reset_real, <=, real_after + first + HOUR - clock.now);

  /* Requests for no workspace or another one are not held back. */
  g_assert_cmpint (clockify_throttle_get_delay (throttle, NULL), ==, 0);
  g_assert_cmpint (clockify_throttle_get_delay (throttle, "other"), ==, 0);
  g_assert_cmpint (clockify_throttle_budget_frees_at (throttle, "other"), ==, 0);
  g_assert_null (clockify_throttle_get_budget_reset_time (throttle, "other"));

  clock.now = first + HOUR - 1;
  g_assert_false (clockify_throttle_try_acquire (throttle, "ws", &delay));
  g_assert_cmpint (delay, ==, 1);
  clock.now = first + HOUR;
  g_assert_true (clockify_throttle_try_acquire (throttle, "ws", &delay));
  g_assert_cmpint (clockify_throttle_budget_frees_at (throttle, "ws"), ==, second + HOUR);

  /* Removing the budget unblocks at once. */
  clockify_throttle_set_workspace_budget (throttle, "ws", 0, 0);
  g_assert_false (clockify_throttle_has_workspace_budget (throttle, "ws"));
  g_assert_cmpint (clockify_throttle_budget_frees_at (throttle, "ws"), ==, 0);
  g_assert_null (clockify_throttle_get_budget_reset_time (throttle, "ws"));
  /* Only the pace holds it back now: 100 ms after the last request. */
  g_assert_cmpint (clockify_throttle_get_delay (throttle, "ws"), ==, 100000);
  clock.now += 100000;
  g_assert_true (clockify_throttle_try_acquire (throttle, "ws", NULL));
}

static void
test_budget_resize (void)
{
  FakeClock clock = { 0 };
  g_autoptr(ClockifyThrottle) throttle = fake_throttle_new (10, 10, &clock);

  clockify_throttle_set_workspace_budget (throttle, "ws", 5, 60 * SECOND);
  simulate (throttle, &clock, "ws", 5);
  g_assert_cmpint (clockify_throttle_budget_frees_at (throttle, "ws"), ==, 60 * SECOND);

  /* A smaller budget keeps the latest requests it has seen. */
  clockify_throttle_set_workspace_budget (throttle, "ws", 3, 120 * SECOND);
  g_assert_cmpint (clockify_throttle_budget_frees_at (throttle, "ws"), ==, 120 * SECOND);

  /* Growing it again counts those three: three more may go. */
  clockify_throttle_set_workspace_budget (throttle, "ws", 6, 120 * SECOND);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (clockify_throttle_budget_frees_at (throttle, "ws"), ==, 0);
      g_assert_true (clockify_throttle_try_acquire (throttle, "ws", NULL));
    }
  g_assert_cmpint (clockify_throttle_budget_frees_at (throttle, "ws"), ==, 120 * SECOND);
}

typedef struct
{
  GMainLoop *loop;
  GError    *error;
  gboolean   acquired;
  guint      n_done;
} AcquireState;

static void
acquire_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AcquireState *state = user_data;

  g_assert_null (state->error);
  state->acquired = clockify_throttle_acquire_finish (CLOCKIFY_THROTTLE (object),
                                                      result, &state->error);
  state->n_done++;
  g_main_loop_quit (state->loop);
}

static void
test_acquire_async_budget_exhausted (void)
{
  FakeClock clock = { 10 * SECOND };
  g_autoptr(ClockifyThrottle) throttle = fake_throttle_new (10, 10, &clock);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GDateTime) reset_before = NULL;
  g_autoptr(GDateTime) reset_after = NULL;
  g_autofree char *minute_before = NULL;
  g_autofree char *minute_after = NULL;
  AcquireState state = { loop, NULL, FALSE, 0 };
  gint64 started = g_get_monotonic_time ();

  clockify_throttle_set_workspace_budget (throttle, "ws",
                                          CLOCKIFY_THROTTLE_FREE_PLAN_REQUESTS,
                                          CLOCKIFY_THROTTLE_FREE_PLAN_WINDOW);
  simulate (throttle, &clock, "ws", 30);

  reset_before = clockify_throttle_get_budget_reset_time (throttle, "ws");
  clockify_throttle_acquire_async (throttle, "ws", NULL, acquire_cb, &state);
  g_main_loop_run (loop);
  reset_after = clockify_throttle_get_budget_reset_time (throttle, "ws");

  g_assert_false (state.acquired);
  g_assert_error (state.error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BUDGET_EXHAUSTED);
  g_test_message ("%s", state.error->message);
  g_assert_nonnull (strstr (state.error->message, "Free plan allows 30 requests an hour"));
  minute_before = format_minute (reset_before);
  minute_after = format_minute (reset_after);
  if (strstr (state.error->message, minute_before) == NULL &&
      strstr (state.error->message, minute_after) == NULL)
    g_error ("“%s” does not say the budget frees at %s", state.error->message, minute_before);

  /* It did not wait, and took no slot. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, SECOND / 2);
  g_assert_cmpint (clockify_throttle_estimate (throttle, "ws", 1), ==,
                   clockify_throttle_budget_frees_at (throttle, "ws") - clock.now);
  g_clear_error (&state.error);

  /* Another budget is described by its own numbers. */
  clockify_throttle_set_workspace_budget (throttle, "ws", 20, 2 * HOUR);
  clockify_throttle_acquire_async (throttle, "ws", NULL, acquire_cb, &state);
  g_main_loop_run (loop);
  g_assert_error (state.error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BUDGET_EXHAUSTED);
  g_assert_nonnull (strstr (state.error->message, "allows 20 requests every 120 minutes"));
  g_clear_error (&state.error);
}

static void
test_acquire_async_waits (void)
{
  g_autoptr(ClockifyThrottle) throttle = clockify_throttle_new (100, 1);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AcquireState state = { loop, NULL, FALSE, 0 };
  gint64 started = g_get_monotonic_time ();
  gint64 elapsed;

  for (guint i = 0; i < 5; i++)
    {
      state.acquired = FALSE;
      clockify_throttle_acquire_async (throttle, NULL, NULL, acquire_cb, &state);
      g_main_loop_run (loop);
      g_assert_no_error (state.error);
      g_assert_true (state.acquired);
    }

  /* One every 10 ms after the first. */
  elapsed = g_get_monotonic_time () - started;
  g_assert_cmpint (elapsed, >=, 40000);
  g_assert_cmpint (elapsed, <, 2 * SECOND);
  g_assert_cmpint (clockify_throttle_get_delay (throttle, NULL), >, 0);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);

  return G_SOURCE_REMOVE;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_REMOVE;
}

static void
test_acquire_async_cancelled (void)
{
  g_autoptr(ClockifyThrottle) throttle = clockify_throttle_new (1, 1);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  AcquireState state = { loop, NULL, FALSE, 0 };
  gint64 started;

  g_assert_true (clockify_throttle_try_acquire (throttle, NULL, NULL));

  /* The next slot is a second away: cancel the wait after 20 ms. */
  started = g_get_monotonic_time ();
  g_timeout_add (20, cancel_cb, cancellable);
  clockify_throttle_acquire_async (throttle, NULL, cancellable, acquire_cb, &state);
  g_main_loop_run (loop);

  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (state.acquired);
  g_assert_cmpint (state.n_done, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - started, <, SECOND / 2);
  g_clear_error (&state.error);

  /* Already cancelled: fails even though a slot would be free. */
  clockify_throttle_set_rate (throttle, 100, 10);
  g_cancellable_cancel (cancelled);
  clockify_throttle_acquire_async (throttle, NULL, cancelled, acquire_cb, &state);
  g_main_loop_run (loop);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state.error);

  /* Nothing more arrives later. */
  g_timeout_add (50, quit_cb, loop);
  g_main_loop_run (loop);
  g_assert_cmpint (state.n_done, ==, 2);
}

static void
test_get_for_key (void)
{
  g_autoptr(ClockifyThrottle) k1 = clockify_throttle_get_for_key ("k1");
  g_autoptr(ClockifyThrottle) k1_again = clockify_throttle_get_for_key ("k1");
  g_autoptr(ClockifyThrottle) k2 = clockify_throttle_get_for_key ("k2");

  g_assert_true (CLOCKIFY_IS_THROTTLE (k1));
  g_assert_true (k1 == k1_again);
  g_assert_true (k1 != k2);
  g_assert_cmpfloat (clockify_throttle_get_rate (k2), ==, CLOCKIFY_THROTTLE_DEFAULT_RATE);
  g_assert_cmpuint (clockify_throttle_get_burst (k2), ==, CLOCKIFY_THROTTLE_DEFAULT_BURST);
}

static void
test_set_rate (void)
{
  FakeClock clock = { 0 };
  g_autoptr(ClockifyThrottle) throttle = fake_throttle_new (10, 10, &clock);
  g_autoptr(ClockifyThrottle) slow = fake_throttle_new (10, 10, &clock);
  const gint64 expected[] = { 0, 500000, 1025000, 1525000, 2050000, 2550000 };

  /* At 10/s, ten start now; raised to 20/s, ten more may. */
  simulate (throttle, &clock, NULL, 10);
  g_assert_cmpint (clockify_throttle_get_delay (throttle, NULL), ==, WINDOW);
  clockify_throttle_set_rate (throttle, 20, 20);
  g_assert_cmpfloat (clockify_throttle_get_rate (throttle), ==, 20);
  g_assert_cmpuint (clockify_throttle_get_burst (throttle), ==, 20);
  g_assert_cmpint (simulate (throttle, &clock, NULL, 10), ==, 0);
  g_assert_cmpint (clockify_throttle_get_delay (throttle, NULL), ==, WINDOW);

  /* At 2/s with no burst: two per window, half a second apart. */
  clockify_throttle_set_rate (slow, 2, 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (issue_next (slow, &clock, NULL), ==, expected[i]);
}

static void
test_extremes (void)
{
  FakeClock clock = { 0 };
  g_autoptr(ClockifyThrottle) slow = fake_throttle_new (CLOCKIFY_THROTTLE_MIN_RATE, G_MAXUINT, &clock);
  g_autoptr(ClockifyThrottle) fast = fake_throttle_new (CLOCKIFY_THROTTLE_MAX_RATE, 1, &clock);

  g_assert_cmpuint (clockify_throttle_get_burst (slow), ==, CLOCKIFY_THROTTLE_MAX_BURST);
  /* A huge burst, but still at most ceil (0.001) = 1 per window. */
  g_assert_cmpint (clockify_throttle_estimate (slow, NULL, 3), ==, 2 * WINDOW);
  g_assert_cmpint (simulate (slow, &clock, NULL, 3), ==, 2 * WINDOW);

  /* 10,000 a second, one at a time: 100 µs apart. */
  g_assert_cmpint (clockify_throttle_estimate (fast, NULL, 101), ==, 100 * 100);
  g_assert_cmpint (simulate (fast, &clock, NULL, 101), ==, 100 * 100);

  clockify_throttle_set_rate (fast, CLOCKIFY_THROTTLE_MIN_RATE, G_MAXUINT);
  g_assert_cmpuint (clockify_throttle_get_burst (fast), ==, CLOCKIFY_THROTTLE_MAX_BURST);
  /* Only the latest start is kept, and it was just now. */
  g_assert_cmpint (clockify_throttle_get_delay (fast, NULL), ==, WINDOW);
}

typedef struct
{
  ClockifyThrottle *throttle;
  gint64            until;
  guint             acquired;
} Hammer;

static gpointer
hammer_thread (gpointer user_data)
{
  Hammer *hammer = user_data;

  while (g_get_monotonic_time () < hammer->until)
    {
      if (clockify_throttle_try_acquire (hammer->throttle, NULL, NULL))
        hammer->acquired++;
    }

  return NULL;
}

static void
test_threads (void)
{
  g_autoptr(ClockifyThrottle) throttle = clockify_throttle_new (100, 10);
  Hammer hammers[4];
  GThread *threads[4];
  gint64 started = g_get_monotonic_time ();
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      hammers[i] = (Hammer) { throttle, started + 200000, 0 };
      threads[i] = g_thread_new ("hammer", hammer_thread, &hammers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_thread_join (threads[i]);
      total += hammers[i].acquired;
    }

  /* 10 at once, then at most one per 10 ms, over the 200 ms run. */
  g_assert_cmpuint (total, >=, 10);
  g_assert_cmpuint (total, <=, 10 + (g_get_monotonic_time () - started) / 10000 + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clockify/throttle/thousand-requests", test_thousand_requests);
  g_test_add_func ("/clockify/throttle/irregular-caller", test_irregular_caller);
  g_test_add_func ("/clockify/throttle/burst-then-window", test_burst_then_window);
  g_test_add_func ("/clockify/throttle/bucket-paces", test_bucket_paces);
  g_test_add_func ("/clockify/throttle/estimate", test_estimate);
  g_test_add_func ("/clockify/throttle/estimate-exact", test_estimate_exact);
  g_test_add_func ("/clockify/throttle/budget", test_budget);
  g_test_add_func ("/clockify/throttle/budget-resize", test_budget_resize);
  g_test_add_func ("/clockify/throttle/acquire-async-budget-exhausted", test_acquire_async_budget_exhausted);
  g_test_add_func ("/clockify/throttle/acquire-async-waits", test_acquire_async_waits);
  g_test_add_func ("/clockify/throttle/acquire-async-cancelled", test_acquire_async_cancelled);
  g_test_add_func ("/clockify/throttle/get-for-key", test_get_for_key);
  g_test_add_func ("/clockify/throttle/set-rate", test_set_rate);
  g_test_add_func ("/clockify/throttle/extremes", test_extremes);
  g_test_add_func ("/clockify/throttle/threads", test_threads);

  return g_test_run ();
}
