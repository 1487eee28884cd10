/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-credential-page"

#include "config.h"

#include "timecard-credential-page.h"

#include <glib/gi18n.h>

#include "clockify-paged-model.h"
#include "clockify-workspace.h"
#include "timecard-ui-format.h"

/**
 * TimecardCredentialPage:
 *
 * What an activated credential tile opens: the Clockify user the key
 * belongs to and the workspaces it can read, from a #ClockifyPagedModel.
 * Activating a workspace's row (`win.export-workspace`) opens its export
 * page.
 */

struct _TimecardCredentialPage
{
  GtkBox                   parent_instance;

  TimecardCredentialStore *store;
  TimecardCredential      *credential;
  GCancellable            *cancellable;
  ClockifyClient          *client;
  ClockifyUser            *user;
  ClockifyPagedModel      *workspaces;

  /* Template widgets */
  AdwStatusPage           *error_page;
  GtkSpinner              *loading_spinner;
  GtkStack                *stack;
  AdwAvatar               *user_avatar;
  AdwActionRow            *user_row;
  AdwWindowTitle          *window_title;
  GtkLabel                *workspaces_error;
  GtkListBox              *workspaces_list;
  GtkSpinner              *workspaces_spinner;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_CREDENTIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TimecardCredentialPage, timecard_credential_page, GTK_TYPE_BOX)

static void
show_error (TimecardCredentialPage *self,
            const GError           *error)
{
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, markup);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
}

static GtkWidget *
create_workspace_row (gpointer item,
                      gpointer user_data)
{
  ClockifyWorkspace *workspace = item;
  GtkWidget *row = adw_action_row_new ();
  const char *plan = clockify_workspace_get_plan (workspace);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), clockify_workspace_get_name (workspace));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.export-workspace");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", clockify_workspace_get_id (workspace));
  gtk_widget_set_tooltip_text (row, _("Export…"));

  if (clockify_workspace_is_free_plan (workspace))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Free plan: at most 30 API requests an hour"));
  else if (plan != NULL)
    {
      /* Translators: %s is Clockify's name of a plan, such as PRO_YEAR_2021 */
      g_autofree char *subtitle = g_strdup_printf (_("Plan: %s"), plan);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }

  return row;
}

static void
workspaces_changed (TimecardCredentialPage *self)
{
  const GError *error = clockify_paged_model_get_error (self->workspaces);
  gboolean loading = clockify_paged_model_get_loading (self->workspaces);

  gtk_widget_set_visible (GTK_WIDGET (self->workspaces_error), error != NULL);
  gtk_label_set_label (self->workspaces_error, error != NULL ? error->message : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->workspaces_spinner), loading);
  gtk_spinner_set_spinning (self->workspaces_spinner, loading);

  /* Few people have more than a page of workspaces: fetch them all. */
  if (!loading && error == NULL && !clockify_paged_model_get_complete (self->workspaces))
    clockify_paged_model_load_more (self->workspaces);
}

static void
user_loaded (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TimecardCredentialPage) self = user_data;
  g_autoptr(ClockifyUser) user = NULL;
  g_autoptr(ClockifyQuery) query = NULL;
  g_autoptr(GError) error = NULL;

  user = clockify_client_get_current_user_finish (CLOCKIFY_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (user == NULL)
    {
      show_error (self, error);
      return;
    }

  g_set_object (&self->user, user);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->user_row), clockify_user_get_name (user));
  adw_action_row_set_subtitle (self->user_row, clockify_user_get_email (user));
  adw_avatar_set_text (self->user_avatar, clockify_user_get_name (user));

  query = clockify_query_new (CLOCKIFY_LIST_WORKSPACES, NULL);
  self->workspaces = clockify_paged_model_new (self->client, query);
  g_signal_connect_object (self->workspaces, "notify::loading",
                           G_CALLBACK (workspaces_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workspaces, "notify::error",
                           G_CALLBACK (workspaces_changed), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->workspaces_list, G_LIST_MODEL (self->workspaces),
                           create_workspace_row, NULL, NULL);
  workspaces_changed (self);

  gtk_stack_set_visible_child_name (self->stack, "content");
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
}

static void
client_created (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TimecardCredentialPage) self = user_data;
  g_autoptr(GError) error = NULL;

  self->client = timecard_credential_store_create_client_finish (TIMECARD_CREDENTIAL_STORE (object),
                                                                 result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->client == NULL)
    {
      show_error (self, error);
      return;
    }

  clockify_client_get_current_user_async (self->client, self->cancellable,
                                          user_loaded, g_object_ref (self));
}

static void
reload (TimecardCredentialPage *self)
{
  /* Cancel and replace: a late answer to the last attempt is dropped. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_list_box_bind_model (self->workspaces_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->workspaces);
  g_clear_object (&self->user);
  g_clear_object (&self->client);

  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);

  timecard_credential_store_create_client_async (self->store, self->credential, self->cancellable,
                                                 client_created, g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (TIMECARD_CREDENTIAL_PAGE (widget));
}

static void
update_title (TimecardCredentialPage *self)
{
  g_autofree char *server = timecard_format_server (timecard_credential_get_server (self->credential));

  adw_window_title_set_title (self->window_title, timecard_credential_get_name (self->credential));
  adw_window_title_set_subtitle (self->window_title, server);
}

static void
timecard_credential_page_constructed (GObject *object)
{
  TimecardCredentialPage *self = TIMECARD_CREDENTIAL_PAGE (object);

  G_OBJECT_CLASS (timecard_credential_page_parent_class)->constructed (object);

  /* A template test builds the page with nothing to show. */
  if (self->store == NULL || self->credential == NULL)
    return;

  g_signal_connect_object (self->credential, "notify::name",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->credential, "notify::server",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  update_title (self);
  reload (self);
}

static void
timecard_credential_page_dispose (GObject *object)
{
  TimecardCredentialPage *self = TIMECARD_CREDENTIAL_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->workspaces_list != NULL)
    gtk_list_box_bind_model (self->workspaces_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIMECARD_TYPE_CREDENTIAL_PAGE);

  g_clear_object (&self->workspaces);
  g_clear_object (&self->user);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (timecard_credential_page_parent_class)->dispose (object);
}

static void
timecard_credential_page_finalize (GObject *object)
{
  TimecardCredentialPage *self = TIMECARD_CREDENTIAL_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->credential);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (timecard_credential_page_parent_class)->finalize (object);
}

static void
timecard_credential_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TimecardCredentialPage *self = TIMECARD_CREDENTIAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CREDENTIAL:
      g_value_set_object (value, self->credential);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_credential_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TimecardCredentialPage *self = TIMECARD_CREDENTIAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CREDENTIAL:
      self->credential = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_credential_page_class_init (TimecardCredentialPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = timecard_credential_page_constructed;
  object_class->dispose = timecard_credential_page_dispose;
  object_class->finalize = timecard_credential_page_finalize;
  object_class->get_property = timecard_credential_page_get_property;
  object_class->set_property = timecard_credential_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TIMECARD_TYPE_CREDENTIAL_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CREDENTIAL] =
    g_param_spec_object ("credential", NULL, NULL, TIMECARD_TYPE_CREDENTIAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/timecard-credential-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialPage, user_avatar);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialPage, workspaces_error);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialPage, workspaces_list);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialPage, workspaces_spinner);

  gtk_widget_class_install_action (widget_class, "page.reload", NULL, reload_action);
}

static void
timecard_credential_page_init (TimecardCredentialPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * timecard_credential_page_new:
 * @store: the store holding @credential
 * @credential: the credential to show
 *
 * Returns: (transfer floating): a new page, which starts loading at once
 */
GtkWidget *
timecard_credential_page_new (TimecardCredentialStore *store,
                              TimecardCredential      *credential)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_STORE (store), NULL);
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (credential), NULL);

  return g_object_new (TIMECARD_TYPE_CREDENTIAL_PAGE,
                       "store", store,
                       "credential", credential,
                       NULL);
}

/**
 * timecard_credential_page_get_credential:
 *
 * Returns: (transfer none): the credential shown
 */
TimecardCredential *
timecard_credential_page_get_credential (TimecardCredentialPage *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_PAGE (self), NULL);

  return self->credential;
}

/**
 * timecard_credential_page_get_workspaces:
 *
 * Returns: (transfer none) (nullable): the workspaces, once the user is known
 */
GListModel *
timecard_credential_page_get_workspaces (TimecardCredentialPage *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_PAGE (self), NULL);

  return self->workspaces != NULL ? G_LIST_MODEL (self->workspaces) : NULL;
}

/**
 * timecard_credential_page_get_client:
 *
 * Returns: (transfer none) (nullable): the credential's client, once made
 */
ClockifyClient *
timecard_credential_page_get_client (TimecardCredentialPage *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_PAGE (self), NULL);

  return self->client;
}

/**
 * timecard_credential_page_get_user:
 *
 * Returns: (transfer none) (nullable): the Clockify user the key belongs
 *   to, once known
 */
ClockifyUser *
timecard_credential_page_get_user (TimecardCredentialPage *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_PAGE (self), NULL);

  return self->user;
}

/**
 * timecard_credential_page_find_workspace:
 * @id: a workspace id
 *
 * Returns: (transfer none) (nullable): the workspace listed with @id
 */
ClockifyWorkspace *
timecard_credential_page_find_workspace (TimecardCredentialPage *self,
                                         const char             *id)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_PAGE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (self->workspaces == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->workspaces)); i++)
    {
      g_autoptr(ClockifyWorkspace) workspace = g_list_model_get_item (G_LIST_MODEL (self->workspaces), i);

      /* The model keeps it alive. */
      if (g_strcmp0 (clockify_workspace_get_id (workspace), id) == 0)
        return workspace;
    }

  return NULL;
}

/**
 * timecard_credential_page_focus_workspace:
 * @id: a workspace id
 *
 * Moves the keyboard focus to the row of the workspace with @id, if shown.
 */
void
timecard_credential_page_focus_workspace (TimecardCredentialPage *self,
                                          const char             *id)
{
  g_return_if_fail (TIMECARD_IS_CREDENTIAL_PAGE (self));
  g_return_if_fail (id != NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->workspaces_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));

      if (target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), id) == 0)
        {
          gtk_widget_grab_focus (row);
          return;
        }
    }
}
