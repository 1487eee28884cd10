/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-paged-model"

#include "config.h"

#include "clockify-paged-model.h"

#include "clockify-client-private.h"
#include "clockify-error.h"

/*
 * A GListModel over a paginated query that fetches pages as a view asks
 * for them: one request in flight at a time, items de-duplicated by id,
 * reload() cancels what is in flight and starts over.
 *
 * The fetch callback gets the model unowned, so that dropping the last
 * reference disposes the model (which cancels the fetch) instead of
 * keeping it alive until the answer arrives. A cancelled fetch therefore
 * never touches the model: GTask reports G_IO_ERROR_CANCELLED whenever its
 * cancellable was cancelled, even after the result was set.
 */

/* Pages in a row without a new item before the model gives up. */
#define MAX_STALE_PAGES 3

struct _ClockifyPagedModel
{
  GObject         parent_instance;

  ClockifyClient *client;
  ClockifyQuery  *query;
  GPtrArray      *items;
  ClockifyIdSet  *seen;
  GCancellable   *cancellable;
  GError         *error;
  guint           next_page;
  guint           stale_pages;
  guint           loading : 1;
  guint           complete : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ClockifyPagedModel, clockify_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_QUERY,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_COMPLETE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
clockify_paged_model_get_item_type (GListModel *model)
{
  ClockifyPagedModel *self = CLOCKIFY_PAGED_MODEL (model);

  return clockify_query_get_item_type (self->query);
}

static guint
clockify_paged_model_get_n_items (GListModel *model)
{
  ClockifyPagedModel *self = CLOCKIFY_PAGED_MODEL (model);

  return self->items->len;
}

static gpointer
clockify_paged_model_get_item (GListModel *model,
                               guint       position)
{
  ClockifyPagedModel *self = CLOCKIFY_PAGED_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = clockify_paged_model_get_item_type;
  iface->get_n_items = clockify_paged_model_get_n_items;
  iface->get_item = clockify_paged_model_get_item;
}

static void
set_loading (ClockifyPagedModel *self,
             gboolean            loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_complete (ClockifyPagedModel *self,
              gboolean            complete)
{
  if (self->complete == !!complete)
    return;

  self->complete = !!complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

static void
set_error (ClockifyPagedModel *self,
           GError             *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void fetch_page (ClockifyPagedModel *self);

static void
on_page_fetched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClockifyPagedModel *self;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  gboolean last_page = FALSE;
  GError *error = NULL;
  guint position;

  items = clockify_client_fetch_page_finish (CLOCKIFY_CLIENT (source), result, &last_page, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* The model was disposed or reloaded: user_data may be gone. */
      g_error_free (error);
      return;
    }

  self = CLOCKIFY_PAGED_MODEL (user_data);
  g_object_freeze_notify (G_OBJECT (self));

  if (items == NULL)
    {
      set_error (self, error);
      set_loading (self, FALSE);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  fresh = _clockify_id_set_filter (self->seen, items);
  position = self->items->len;
  self->next_page++;
  self->stale_pages = fresh->len == 0 && !last_page ? self->stale_pages + 1 : 0;

  if (fresh->len > 0)
    {
      guint n_added = fresh->len;

      g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&fresh));
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, n_added);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }

  if (last_page)
    {
      set_complete (self, TRUE);
      set_loading (self, FALSE);
    }
  else if (self->stale_pages >= MAX_STALE_PAGES)
    {
      set_error (self, g_error_new (CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
                                    "Pages %u to %u repeat earlier items",
                                    self->next_page - MAX_STALE_PAGES, self->next_page - 1));
      set_loading (self, FALSE);
    }
  else if (self->stale_pages > 0)
    {
      /* Nothing new to show, so the view would not ask again. */
      fetch_page (self);
    }
  else
    {
      set_loading (self, FALSE);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
fetch_page (ClockifyPagedModel *self)
{
  clockify_client_fetch_page_async (self->client,
                                    self->query,
                                    self->next_page,
                                    self->cancellable,
                                    on_page_fetched,
                                    self);
}

/**
 * clockify_paged_model_load_more:
 * @self: a #ClockifyPagedModel
 *
 * Fetches the next page unless one is being fetched or the list is
 * complete. A view calls it when it comes near the end; after an error it
 * retries the page that failed.
 */
void
clockify_paged_model_load_more (ClockifyPagedModel *self)
{
  g_return_if_fail (CLOCKIFY_IS_PAGED_MODEL (self));

  /* Nothing to do while a page is on its way, at the end, or disposed. */
  if (self->loading || self->complete || self->client == NULL)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  set_error (self, NULL);
  set_loading (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));

  fetch_page (self);
}

/**
 * clockify_paged_model_reload:
 * @self: a #ClockifyPagedModel
 *
 * Cancels the fetch in flight, empties the model and loads the first page
 * again.
 */
void
clockify_paged_model_reload (ClockifyPagedModel *self)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint n_removed;

  g_return_if_fail (CLOCKIFY_IS_PAGED_MODEL (self));

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, cancellable);

  g_object_freeze_notify (G_OBJECT (self));

  n_removed = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  g_clear_pointer (&self->seen, _clockify_id_set_free);
  self->seen = _clockify_id_set_new ();
  self->next_page = 1;
  self->stale_pages = 0;

  if (n_removed > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n_removed, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }

  set_complete (self, FALSE);
  set_loading (self, FALSE);
  clockify_paged_model_load_more (self);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
clockify_paged_model_constructed (GObject *object)
{
  ClockifyPagedModel *self = CLOCKIFY_PAGED_MODEL (object);

  G_OBJECT_CLASS (clockify_paged_model_parent_class)->constructed (object);

  g_assert (self->client != NULL);
  g_assert (self->query != NULL);

  clockify_paged_model_load_more (self);
}

static void
clockify_paged_model_dispose (GObject *object)
{
  ClockifyPagedModel *self = CLOCKIFY_PAGED_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (clockify_paged_model_parent_class)->dispose (object);
}

static void
clockify_paged_model_finalize (GObject *object)
{
  ClockifyPagedModel *self = CLOCKIFY_PAGED_MODEL (object);

  /* The query outlives dispose: it answers get_item_type(). */
  g_clear_object (&self->query);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->seen, _clockify_id_set_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (clockify_paged_model_parent_class)->finalize (object);
}

static void
clockify_paged_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ClockifyPagedModel *self = CLOCKIFY_PAGED_MODEL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, clockify_query_get_item_type (self->query));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clockify_paged_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ClockifyPagedModel *self = CLOCKIFY_PAGED_MODEL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_QUERY:
      self->query = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clockify_paged_model_class_init (ClockifyPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = clockify_paged_model_constructed;
  object_class->dispose = clockify_paged_model_dispose;
  object_class->finalize = clockify_paged_model_finalize;
  object_class->get_property = clockify_paged_model_get_property;
  object_class->set_property = clockify_paged_model_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, CLOCKIFY_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, CLOCKIFY_TYPE_QUERY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ClockifyPagedModel:error:
   *
   * Why the last fetch failed, until the next one starts; never
   * %G_IO_ERROR_CANCELLED.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clockify_paged_model_init (ClockifyPagedModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->seen = _clockify_id_set_new ();
  self->cancellable = g_cancellable_new ();
  self->next_page = 1;
}

/**
 * clockify_paged_model_new:
 * @client: the client to fetch with
 * @query: what to list
 *
 * Creates the model and starts loading the first page.
 *
 * Returns: (transfer full): a new #ClockifyPagedModel
 */
ClockifyPagedModel *
clockify_paged_model_new (ClockifyClient *client,
                          ClockifyQuery  *query)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CLOCKIFY_IS_QUERY (query), NULL);

  return g_object_new (CLOCKIFY_TYPE_PAGED_MODEL,
                       "client", client,
                       "query", query,
                       NULL);
}

/**
 * clockify_paged_model_get_client:
 * @self: a #ClockifyPagedModel
 *
 * Returns: (transfer none): the client
 */
ClockifyClient *
clockify_paged_model_get_client (ClockifyPagedModel *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PAGED_MODEL (self), NULL);

  return self->client;
}

/**
 * clockify_paged_model_get_query:
 * @self: a #ClockifyPagedModel
 *
 * Returns: (transfer none): the query
 */
ClockifyQuery *
clockify_paged_model_get_query (ClockifyPagedModel *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PAGED_MODEL (self), NULL);

  return self->query;
}

gboolean
clockify_paged_model_get_loading (ClockifyPagedModel *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PAGED_MODEL (self), FALSE);

  return self->loading;
}

gboolean
clockify_paged_model_get_complete (ClockifyPagedModel *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PAGED_MODEL (self), FALSE);

  return self->complete;
}

/**
 * clockify_paged_model_get_error:
 * @self: a #ClockifyPagedModel
 *
 * Returns: (transfer none) (nullable): why the last fetch failed
 */
const GError *
clockify_paged_model_get_error (ClockifyPagedModel *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PAGED_MODEL (self), NULL);

  return self->error;
}
