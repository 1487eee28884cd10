/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "clockify-client.h"

G_BEGIN_DECLS

struct _ClockifyClient
{
  GObject           parent_instance;

  ClockifyServer   *server;
  SoupSession      *session;
  ClockifyThrottle *throttle;

  /* Only in memory, zeroed on finalize; never in a property or a message. */
  char             *api_key;

  double            rate;
  guint             burst;
  guint             free_plan_budget;
  guint             budget_window;      /* seconds */
  guint             timeout;            /* seconds */
  guint             max_retries;
  guint             max_retry_time;     /* seconds */
  guint             retry_base_delay;   /* milliseconds */
  guint64           max_response_size;  /* bytes */

  guint             n_rate_limited;     /* 429 answers seen, retried or not */
};

void      _clockify_client_count_rate_limited (ClockifyClient  *self);

/* libsoup 3.2 has no name for it. */
#define HTTP_TOO_MANY_REQUESTS 429

/* Error bodies and errors inside HTTP 200 are read up to this size. */
#define CLOCKIFY_SMALL_BODY_LIMIT (64 * 1024)

/* clockify-response.c */
char     *_clockify_endpoint_name          (const char      *method,
                                            const char      *path);
void      _clockify_prefix_error           (GError         **error,
                                            const char      *endpoint);
gint64    _clockify_parse_retry_after      (SoupMessage     *message);
int       _clockify_parse_last_page        (SoupMessage     *message);
char     *_clockify_dup_error_message      (GBytes          *bytes);
GError   *_clockify_error_in_success_body  (GBytes          *bytes);
gboolean  _clockify_status_is_retryable    (guint            status);
GError   *_clockify_error_for_status       (guint            status,
                                            const char      *reason,
                                            const char      *message);
JsonNode *_clockify_parse_json             (GBytes          *bytes,
                                            GError         **error);

/* clockify-pager.c: de-duplication by id, shared with ClockifyPagedModel */
typedef struct _ClockifyIdSet ClockifyIdSet;

const char    *_clockify_item_get_id     (GObject       *item);
ClockifyIdSet *_clockify_id_set_new      (void);
void           _clockify_id_set_free     (ClockifyIdSet *set);
GPtrArray     *_clockify_id_set_filter   (ClockifyIdSet *set,
                                          GPtrArray     *items);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClockifyIdSet, _clockify_id_set_free)

/* clockify-client.c */
void      _clockify_client_saw_workspaces (ClockifyClient *self,
                                           GPtrArray      *workspaces);

G_END_DECLS
