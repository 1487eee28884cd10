/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * ClockifyServerKind:
 * @CLOCKIFY_SERVER_GLOBAL: api.clockify.me, reports on reports.api.clockify.me
 * @CLOCKIFY_SERVER_REGION: a data region: euc1, use2, euw2 or apse2
 * @CLOCKIFY_SERVER_SUBDOMAIN: a dedicated subdomain, NAME.clockify.me
 * @CLOCKIFY_SERVER_CUSTOM: a custom base URL (self-hosted, or a test server)
 */
typedef enum
{
  CLOCKIFY_SERVER_GLOBAL,
  CLOCKIFY_SERVER_REGION,
  CLOCKIFY_SERVER_SUBDOMAIN,
  CLOCKIFY_SERVER_CUSTOM,
} ClockifyServerKind;

#define CLOCKIFY_TYPE_SERVER (clockify_server_get_type ())

G_DECLARE_FINAL_TYPE (ClockifyServer, clockify_server, CLOCKIFY, SERVER, GObject)

ClockifyServer     *clockify_server_new_global       (void);
ClockifyServer     *clockify_server_new_region       (const char     *region,
                                                      GError        **error);
ClockifyServer     *clockify_server_new_subdomain    (const char     *name,
                                                      GError        **error);
ClockifyServer     *clockify_server_new_custom       (const char     *base_url,
                                                      GError        **error);
ClockifyServer     *clockify_server_parse            (const char     *text,
                                                      GError        **error);
char               *clockify_server_to_string        (ClockifyServer *self);
ClockifyServerKind  clockify_server_get_kind         (ClockifyServer *self);
const char         *clockify_server_get_region       (ClockifyServer *self);
const char         *clockify_server_get_subdomain    (ClockifyServer *self);
const char         *clockify_server_get_api_base     (ClockifyServer *self);
const char         *clockify_server_get_reports_base (ClockifyServer *self);
const char         *clockify_server_get_web_base     (ClockifyServer *self);
gboolean            clockify_server_equal            (ClockifyServer *a,
                                                      ClockifyServer *b);

G_END_DECLS
