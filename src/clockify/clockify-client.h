/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "clockify-query.h"
#include "clockify-server.h"
#include "clockify-throttle.h"
#include "clockify-user.h"

G_BEGIN_DECLS

/**
 * ClockifyApi:
 * @CLOCKIFY_API_MAIN: the main API (clockify_server_get_api_base())
 * @CLOCKIFY_API_REPORTS: the Reports API (clockify_server_get_reports_base())
 */
typedef enum
{
  CLOCKIFY_API_MAIN,
  CLOCKIFY_API_REPORTS,
} ClockifyApi;

/**
 * ClockifyPageFunc:
 * @query: the query being listed
 * @page: the page number, from 1
 * @items: (element-type GObject): the new items of this page (duplicates removed)
 * @user_data: the data given with the function
 *
 * Returns: %FALSE to stop listing after this page
 */
typedef gboolean (*ClockifyPageFunc) (ClockifyQuery *query,
                                      guint          page,
                                      GPtrArray     *items,
                                      gpointer       user_data);

#define CLOCKIFY_TYPE_CLIENT (clockify_client_get_type ())

G_DECLARE_FINAL_TYPE (ClockifyClient, clockify_client, CLOCKIFY, CLIENT, GObject)

ClockifyClient   *clockify_client_new                     (ClockifyServer      *server,
                                                           const char          *api_key);
ClockifyServer   *clockify_client_get_server              (ClockifyClient      *self);
ClockifyThrottle *clockify_client_get_throttle            (ClockifyClient      *self);
void              clockify_client_set_workspace_budget    (ClockifyClient      *self,
                                                           const char          *workspace_id,
                                                           guint                requests_per_hour);

void              clockify_client_send_async              (ClockifyClient      *self,
                                                           ClockifyApi          api,
                                                           const char          *method,
                                                           const char          *path,
                                                           const char * const  *query_pairs,
                                                           GBytes              *json_body,
                                                           const char          *budget_workspace_id,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GBytes           *clockify_client_send_finish             (ClockifyClient      *self,
                                                           GAsyncResult        *result,
                                                           int                 *out_last_page,
                                                           GError             **error);

void              clockify_client_get_current_user_async  (ClockifyClient      *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
ClockifyUser     *clockify_client_get_current_user_finish (ClockifyClient      *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

void              clockify_client_fetch_page_async        (ClockifyClient      *self,
                                                           ClockifyQuery       *query,
                                                           guint                page,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GPtrArray        *clockify_client_fetch_page_finish       (ClockifyClient      *self,
                                                           GAsyncResult        *result,
                                                           gboolean            *out_last_page,
                                                           GError             **error);

void              clockify_client_list_all_async          (ClockifyClient      *self,
                                                           ClockifyQuery       *query,
                                                           ClockifyPageFunc     page_func,
                                                           gpointer             page_data,
                                                           GDestroyNotify       page_data_destroy,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GPtrArray        *clockify_client_list_all_finish         (ClockifyClient      *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

void              clockify_client_list_workspaces_async   (ClockifyClient      *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GPtrArray        *clockify_client_list_workspaces_finish  (ClockifyClient      *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

G_END_DECLS
