/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * ClockifyListKind:
 * @CLOCKIFY_LIST_WORKSPACES: `GET /v1/workspaces` (ClockifyWorkspace)
 * @CLOCKIFY_LIST_USERS: `GET /v1/workspaces/{ws}/users` (ClockifyUser)
 * @CLOCKIFY_LIST_CLIENTS: `GET /v1/workspaces/{ws}/clients` (ClockifyClientEntity)
 * @CLOCKIFY_LIST_PROJECTS: `GET /v1/workspaces/{ws}/projects` (ClockifyProject)
 * @CLOCKIFY_LIST_TASKS: `GET /v1/workspaces/{ws}/projects/{parent}/tasks` (ClockifyTask)
 * @CLOCKIFY_LIST_TAGS: `GET /v1/workspaces/{ws}/tags` (ClockifyTag)
 * @CLOCKIFY_LIST_USER_GROUPS: `GET /v1/workspaces/{ws}/user-groups` (ClockifyUserGroup)
 * @CLOCKIFY_LIST_CUSTOM_FIELDS: `GET /v1/workspaces/{ws}/custom-fields` (ClockifyCustomField)
 * @CLOCKIFY_LIST_TIME_ENTRIES: `GET /v1/workspaces/{ws}/user/{parent}/time-entries` (ClockifyTimeEntry)
 * @CLOCKIFY_LIST_DETAILED_REPORT: `POST {reports}/v1/workspaces/{ws}/reports/detailed` (ClockifyTimeEntry)
 *
 * The paginated lists of the Clockify API.
 */
typedef enum
{
  CLOCKIFY_LIST_WORKSPACES,
  CLOCKIFY_LIST_USERS,
  CLOCKIFY_LIST_CLIENTS,
  CLOCKIFY_LIST_PROJECTS,
  CLOCKIFY_LIST_TASKS,
  CLOCKIFY_LIST_TAGS,
  CLOCKIFY_LIST_USER_GROUPS,
  CLOCKIFY_LIST_CUSTOM_FIELDS,
  CLOCKIFY_LIST_TIME_ENTRIES,
  CLOCKIFY_LIST_DETAILED_REPORT,
} ClockifyListKind;

#define CLOCKIFY_TYPE_QUERY (clockify_query_get_type ())

G_DECLARE_FINAL_TYPE (ClockifyQuery, clockify_query, CLOCKIFY, QUERY, GObject)

ClockifyQuery    *clockify_query_new               (ClockifyListKind  kind,
                                                    const char       *workspace_id);
ClockifyListKind  clockify_query_get_kind          (ClockifyQuery    *self);
const char       *clockify_query_get_workspace_id  (ClockifyQuery    *self);
const char       *clockify_query_get_parent_id     (ClockifyQuery    *self);
void              clockify_query_set_parent_id     (ClockifyQuery    *self,
                                                    const char       *parent_id);
GDateTime        *clockify_query_get_start         (ClockifyQuery    *self);
GDateTime        *clockify_query_get_end           (ClockifyQuery    *self);
void              clockify_query_set_range         (ClockifyQuery    *self,
                                                    GDateTime        *start,
                                                    GDateTime        *end);
guint             clockify_query_get_page_size     (ClockifyQuery    *self);
void              clockify_query_set_page_size     (ClockifyQuery    *self,
                                                    guint             page_size);
gboolean          clockify_query_get_hydrated      (ClockifyQuery    *self);
void              clockify_query_set_hydrated      (ClockifyQuery    *self,
                                                    gboolean          hydrated);
const char       *clockify_query_get_time_zone     (ClockifyQuery    *self);
void              clockify_query_set_time_zone     (ClockifyQuery    *self,
                                                    const char       *time_zone);
GType             clockify_query_get_item_type     (ClockifyQuery    *self);
guint             clockify_list_kind_max_page_size (ClockifyListKind  kind);

G_END_DECLS
