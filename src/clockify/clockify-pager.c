/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-pager"

#include "config.h"

#include "clockify-client-private.h"

#include "clockify-client-entity.h"
#include "clockify-custom-field.h"
#include "clockify-enums.h"
#include "clockify-error.h"
#include "clockify-project.h"
#include "clockify-tag.h"
#include "clockify-task.h"
#include "clockify-time-entry.h"
#include "clockify-user-group.h"
#include "clockify-workspace.h"

/*
 * clockify_client_list_all_async(): every page of a query, from page 1 until
 * a `Last-Page: true` header or a short page, with items de-duplicated by id
 * (a list that changes while it is paged shifts items across pages).
 */

/* Full pages in a row without one new item before the listing is called
 * broken (a server that ignores `page` would otherwise never end). */
#define MAX_STALE_PAGES 3

struct _ClockifyIdSet
{
  GHashTable   *ids;
  GStringChunk *chunk;
};

/*
 * _clockify_item_get_id:
 *
 * Returns: (nullable): the Clockify id of a model object
 */
const char *
_clockify_item_get_id (GObject *item)
{
  if (CLOCKIFY_IS_TIME_ENTRY (item))
    return clockify_time_entry_get_id (CLOCKIFY_TIME_ENTRY (item));
  if (CLOCKIFY_IS_WORKSPACE (item))
    return clockify_workspace_get_id (CLOCKIFY_WORKSPACE (item));
  if (CLOCKIFY_IS_USER (item))
    return clockify_user_get_id (CLOCKIFY_USER (item));
  if (CLOCKIFY_IS_CLIENT_ENTITY (item))
    return clockify_client_entity_get_id (CLOCKIFY_CLIENT_ENTITY (item));
  if (CLOCKIFY_IS_PROJECT (item))
    return clockify_project_get_id (CLOCKIFY_PROJECT (item));
  if (CLOCKIFY_IS_TASK (item))
    return clockify_task_get_id (CLOCKIFY_TASK (item));
  if (CLOCKIFY_IS_TAG (item))
    return clockify_tag_get_id (CLOCKIFY_TAG (item));
  if (CLOCKIFY_IS_USER_GROUP (item))
    return clockify_user_group_get_id (CLOCKIFY_USER_GROUP (item));
  if (CLOCKIFY_IS_CUSTOM_FIELD (item))
    return clockify_custom_field_get_id (CLOCKIFY_CUSTOM_FIELD (item));

  return NULL;
}

ClockifyIdSet *
_clockify_id_set_new (void)
{
  ClockifyIdSet *set = g_new0 (ClockifyIdSet, 1);

  /* Keys live in the chunk: an export's million ids cost no malloc each. */
  set->ids = g_hash_table_new (g_str_hash, g_str_equal);
  set->chunk = g_string_chunk_new (64 * 1024);

  return set;
}

void
_clockify_id_set_free (ClockifyIdSet *set)
{
  if (set == NULL)
    return;

  g_hash_table_unref (set->ids);
  g_string_chunk_free (set->chunk);
  g_free (set);
}

/*
 * _clockify_id_set_filter:
 * @set: the ids seen so far
 * @items: (element-type GObject): a page
 *
 * Returns: (transfer container): the items of @items whose id was not seen
 *   before (items without an id always count as new); their ids are now seen
 */
GPtrArray *
_clockify_id_set_filter (ClockifyIdSet *set,
                         GPtrArray     *items)
{
  GPtrArray *fresh = g_ptr_array_new_full (items->len, g_object_unref);

  for (guint i = 0; i < items->len; i++)
    {
      GObject *item = g_ptr_array_index (items, i);
      const char *id = _clockify_item_get_id (item);

      if (id != NULL)
        {
          if (g_hash_table_contains (set->ids, id))
            continue;
          g_hash_table_add (set->ids, g_string_chunk_insert (set->chunk, id));
        }

      g_ptr_array_add (fresh, g_object_ref (item));
    }

  return fresh;
}

typedef struct
{
  ClockifyQuery    *query;
  guint             page;
  guint             stale_pages;
  ClockifyPageFunc  page_func;
  gpointer          page_data;
  GDestroyNotify    page_data_destroy;
  ClockifyIdSet    *seen;
  GPtrArray        *items;
} Pager;

static void
pager_free (gpointer data)
{
  Pager *pager = data;

  if (pager->page_data_destroy != NULL)
    pager->page_data_destroy (pager->page_data);
  g_clear_object (&pager->query);
  g_clear_pointer (&pager->seen, _clockify_id_set_free);
  g_clear_pointer (&pager->items, g_ptr_array_unref);
  g_free (pager);
}

static void fetch_next_page (GTask *task);

static void
on_page_fetched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Pager *pager = g_task_get_task_data (task);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  gboolean last_page = FALSE;
  gboolean keep_going = TRUE;
  GError *error = NULL;

  items = clockify_client_fetch_page_finish (CLOCKIFY_CLIENT (source), result, &last_page, &error);
  if (items == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  fresh = _clockify_id_set_filter (pager->seen, items);

  if (fresh->len == 0 && !last_page)
    pager->stale_pages++;
  else
    pager->stale_pages = 0;

  if (pager->stale_pages >= MAX_STALE_PAGES)
    {
      GEnumClass *kinds = g_type_class_ref (CLOCKIFY_TYPE_LIST_KIND);
      GEnumValue *kind = g_enum_get_value (kinds, clockify_query_get_kind (pager->query));

      g_task_return_new_error (task, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
                               "Listing %s: pages %u to %u repeat earlier items; "
                               "the server seems to ignore the page number",
                               kind->value_nick, pager->page - MAX_STALE_PAGES + 1, pager->page);
      g_type_class_unref (kinds);
      return;
    }

  if (pager->page_func != NULL)
    keep_going = pager->page_func (pager->query, pager->page, fresh, pager->page_data);
  else
    g_ptr_array_extend_and_steal (pager->items, g_steal_pointer (&fresh));

  if (last_page || !keep_going)
    {
      g_task_return_pointer (task, g_steal_pointer (&pager->items),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  pager->page++;
  fetch_next_page (task);
}

static void
fetch_next_page (GTask *task)
{
  Pager *pager = g_task_get_task_data (task);

  clockify_client_fetch_page_async (g_task_get_source_object (task),
                                    pager->query,
                                    pager->page,
                                    g_task_get_cancellable (task),
                                    on_page_fetched,
                                    g_object_ref (task));
}

/**
 * clockify_client_list_all_async:
 * @self: a #ClockifyClient
 * @query: what to list
 * @page_func: (nullable) (scope notified): called with each page's new items
 * @page_data: (closure page_func): data for @page_func
 * @page_data_destroy: (destroy page_data): frees @page_data at the end
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the listing ends
 * @user_data: data for @callback
 *
 * Lists every page of @query from page 1 with the query's page size (the
 * largest the endpoint allows unless set), until a `Last-Page: true` header
 * or a short page, de-duplicating items by id. With @page_func the items
 * are handed over page by page and not kept; @page_func may stop the
 * listing by returning %FALSE.
 */
void
clockify_client_list_all_async (ClockifyClient      *self,
                                ClockifyQuery       *query,
                                ClockifyPageFunc     page_func,
                                gpointer             page_data,
                                GDestroyNotify       page_data_destroy,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Pager *pager;

  g_return_if_fail (CLOCKIFY_IS_CLIENT (self));
  g_return_if_fail (CLOCKIFY_IS_QUERY (query));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, clockify_client_list_all_async);

  pager = g_new0 (Pager, 1);
  pager->query = g_object_ref (query);
  pager->page = 1;
  pager->page_func = page_func;
  pager->page_data = page_data;
  pager->page_data_destroy = page_data_destroy;
  pager->seen = _clockify_id_set_new ();
  pager->items = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, pager, pager_free);

  fetch_next_page (task);
}

/**
 * clockify_client_list_all_finish:
 * @self: a #ClockifyClient
 * @result: the result given to the callback
 * @error: return location for a %CLOCKIFY_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer container) (element-type GObject): every item, in the
 *   order listed, without duplicates; empty when a page function took them
 */
GPtrArray *
clockify_client_list_all_finish (ClockifyClient  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        clockify_client_list_all_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
