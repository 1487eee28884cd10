/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plain-libsoup helpers for the simulator's self-tests. */

#pragma once

#include <libsoup/soup.h>

#include "clockify-sim.h"

G_BEGIN_DECLS

typedef struct
{
  guint status;
  GBytes *body;
  SoupMessageHeaders *headers;
  GError *error;
} Reply;

void         reply_clear  (Reply       *reply);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reply, reply_clear)

/* A session with no proxy (loopback) and a timeout. */
SoupSession *new_session  (void);
/* The body as a NUL-terminated string, or NULL. */
const char  *body_text    (Reply       *reply);
/* A synchronous request; the simulator answers from its own thread.
 * Redirects are not followed. */
void         fetch        (SoupSession *session,
                           const char  *method,
                           const char  *url,
                           const char  *key,
                           const char  *json_body,
                           Reply       *reply);
void         get          (SoupSession *session,
                           ClockifySim *sim,
                           const char  *key,
                           Reply       *reply,
                           const char  *path_format,
                           ...) G_GNUC_PRINTF (5, 6);
JsonNode    *parse        (Reply       *reply);
char        *to_string    (JsonNode    *node);
/* A started simulator. */
ClockifySim *start_sim    (const ClockifySimOptions *options);
const char  *owner_key    (ClockifySim *sim);
const char  *paid_ws      (ClockifySim *sim);

G_END_DECLS
