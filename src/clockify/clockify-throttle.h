/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Monotonic time in microseconds, like g_get_monotonic_time(). */
typedef gint64 (*ClockifyClockFunc) (gpointer user_data);

#define CLOCKIFY_THROTTLE_DEFAULT_RATE        10.0
#define CLOCKIFY_THROTTLE_DEFAULT_BURST       10
#define CLOCKIFY_THROTTLE_FREE_PLAN_REQUESTS  30
#define CLOCKIFY_THROTTLE_FREE_PLAN_WINDOW    (G_USEC_PER_SEC * (gint64) 3600)
#define CLOCKIFY_THROTTLE_MIN_RATE            0.001
#define CLOCKIFY_THROTTLE_MAX_RATE            10000.0
/* A larger burst is clamped to this. */
#define CLOCKIFY_THROTTLE_MAX_BURST           100000
/* Added to the one-second window: see clockify-throttle.c. */
#define CLOCKIFY_THROTTLE_WINDOW_MARGIN       ((gint64) 25000)

#define CLOCKIFY_TYPE_THROTTLE (clockify_throttle_get_type ())

G_DECLARE_FINAL_TYPE (ClockifyThrottle, clockify_throttle, CLOCKIFY, THROTTLE, GObject)

ClockifyThrottle *clockify_throttle_get_for_key         (const char         *api_key);
ClockifyThrottle *clockify_throttle_new                 (double              rate,
                                                         guint               burst);
void              clockify_throttle_set_clock           (ClockifyThrottle   *self,
                                                         ClockifyClockFunc   clock,
                                                         gpointer            user_data);
gint64            clockify_throttle_now                 (ClockifyThrottle   *self);
void              clockify_throttle_set_rate            (ClockifyThrottle   *self,
                                                         double              rate,
                                                         guint               burst);
double            clockify_throttle_get_rate            (ClockifyThrottle   *self);
guint             clockify_throttle_get_burst           (ClockifyThrottle   *self);
void              clockify_throttle_set_workspace_budget (ClockifyThrottle  *self,
                                                         const char         *workspace_id,
                                                         guint               requests,
                                                         gint64              window_usec);
gboolean          clockify_throttle_has_workspace_budget (ClockifyThrottle  *self,
                                                         const char         *workspace_id);
gint64            clockify_throttle_get_delay           (ClockifyThrottle   *self,
                                                         const char         *workspace_id);
gboolean          clockify_throttle_try_acquire         (ClockifyThrottle   *self,
                                                         const char         *workspace_id,
                                                         gint64             *out_delay);
GError           *clockify_throttle_exhaust_budget      (ClockifyThrottle   *self,
                                                         const char         *workspace_id);
gint64            clockify_throttle_budget_frees_at     (ClockifyThrottle   *self,
                                                         const char         *workspace_id);
GDateTime        *clockify_throttle_get_budget_reset_time
                                                        (ClockifyThrottle   *self,
                                                         const char         *workspace_id);
gint64            clockify_throttle_estimate            (ClockifyThrottle   *self,
                                                         const char         *workspace_id,
                                                         guint               n_requests);
void              clockify_throttle_acquire_async       (ClockifyThrottle   *self,
                                                         const char         *workspace_id,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
gboolean          clockify_throttle_acquire_finish      (ClockifyThrottle   *self,
                                                         GAsyncResult       *result,
                                                         GError            **error);

G_END_DECLS
