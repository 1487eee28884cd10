/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-test-ui"

#include "config.h"

#include "timecard-test-ui.h"

static gboolean
timeout_reached (gpointer data)
{
  gboolean *reached = data;

  *reached = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * timecard_test_wait_until:
 * @predicate: checked after each main-context iteration
 * @data: passed to @predicate
 * @timeout_ms: the longest wait
 *
 * Iterates the default main context until @predicate holds.
 *
 * Returns: whether @predicate held before the timeout
 */
gboolean
timecard_test_wait_until (TimecardTestPredicate predicate,
                          gpointer              data,
                          guint                 timeout_ms)
{
  gboolean reached = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_reached, &reached);

  while (!predicate (data) && !reached)
    g_main_context_iteration (NULL, TRUE);

  if (!reached)
    g_source_remove (id);

  return predicate (data);
}

static gboolean
property_matches (GtkWidget  *widget,
                  const char *property,
                  const char *value)
{
  g_autofree char *actual = NULL;

  if (property == NULL)
    return TRUE;
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), property) == NULL)
    return FALSE;

  g_object_get (widget, property, &actual, NULL);
  return g_strcmp0 (actual, value) == 0;
}

/**
 * timecard_test_find_widget:
 * @root: where to start
 * @type: the type wanted
 * @property: (nullable): a string property that must equal @value
 * @value: (nullable): the value of @property
 *
 * Finds the first descendant of @root (depth first, @root included) of
 * @type, and with @property equal to @value when given.
 *
 * Returns: (transfer none) (nullable): the widget
 */
GtkWidget *
timecard_test_find_widget (GtkWidget  *root,
                           GType       type,
                           const char *property,
                           const char *value)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && property_matches (root, property, value))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = timecard_test_find_widget (child, type, property, value);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * timecard_test_find_label_containing:
 * @root: where to start
 * @text: a part of the label's text
 *
 * Finds the first drawable #GtkLabel under @root (depth first) whose text
 * contains @text: what the user can read.
 *
 * Returns: (transfer none) (nullable): the label
 */
GtkWidget *
timecard_test_find_label_containing (GtkWidget  *root,
                                     const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = timecard_test_find_label_containing (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * timecard_test_click:
 * @button: a #GtkButton
 *
 * Clicks @button as a pointer would, if it is sensitive.
 */
void
timecard_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  g_signal_emit_by_name (button, "clicked");
}

typedef gboolean (*ShortcutFunc) (GtkShortcut *shortcut,
                                  GtkWidget   *owner);

/* Calls @func on each shortcut for @accelerator that a key press on
 * @widget would reach, in the order the event bubbles, until it returns
 * TRUE; returns that shortcut. */
static GtkShortcut *
find_shortcut_where (GtkWidget    *widget,
                     const char   *accelerator,
                     ShortcutFunc  func,
                     GtkWidget   **owner)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (wanted);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

              if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
                  func (shortcut, w))
                {
                  if (owner != NULL)
                    *owner = w;
                  /* The controller keeps it alive. */
                  return shortcut;
                }
            }
        }
    }

  return NULL;
}

static gboolean
any_shortcut (GtkShortcut *shortcut,
              GtkWidget   *owner)
{
  return TRUE;
}

/**
 * timecard_test_find_shortcut:
 * @widget: the widget with the keyboard focus
 * @accelerator: a key, as gtk_shortcut_trigger_parse_string() reads it
 * @owner: (out) (optional): the widget whose controller has the shortcut
 *
 * Finds the shortcut a key press on @widget would reach, looking through
 * the shortcut controllers of @widget and its ancestors the way the event
 * bubbles (class key bindings, the application's accelerators on the
 * window). Xvfb offers no XTest here, so tests press keys this way.
 *
 * Returns: (transfer none) (nullable): the shortcut
 */
GtkShortcut *
timecard_test_find_shortcut (GtkWidget   *widget,
                             const char  *accelerator,
                             GtkWidget  **owner)
{
  return find_shortcut_where (widget, accelerator, any_shortcut, owner);
}

static gboolean
activate_shortcut (GtkShortcut *shortcut,
                   GtkWidget   *owner)
{
  return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, owner,
                                       gtk_shortcut_get_arguments (shortcut));
}

/**
 * timecard_test_press:
 * @widget: the widget with the keyboard focus
 * @accelerator: a key, e.g. "F2" or "<Control>n"
 *
 * Activates what pressing @accelerator on @widget does: like GTK, the
 * shortcuts of @widget and then of its ancestors are tried in turn until
 * one acts (a shortcut whose action is disabled lets the key through).
 */
void
timecard_test_press (GtkWidget  *widget,
                     const char *accelerator)
{
  if (find_shortcut_where (widget, accelerator, activate_shortcut, NULL) == NULL)
    g_error ("Pressing %s on a %s does nothing", accelerator, G_OBJECT_TYPE_NAME (widget));
}

static gboolean
has_render_node (gpointer data)
{
  GdkPaintable *paintable = data;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (paintable, snapshot,
                          gdk_paintable_get_intrinsic_width (paintable),
                          gdk_paintable_get_intrinsic_height (paintable));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  return node != NULL;
}

/**
 * timecard_test_render_png:
 * @widget: a realized widget
 * @name: the file name, without directory and extension
 *
 * Renders @widget to `G_TEST_BUILDDIR/screenshots/NAME.png`, waiting for it
 * to have drawn once.
 *
 * Returns: (transfer full): the path of the PNG
 */
char *
timecard_test_render_png (GtkWidget  *widget,
                          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  GskRenderer *renderer;
  int width, height;

  g_assert_true (timecard_test_wait_until (has_render_node, paintable, 5000));

  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  file = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, file));

  return g_steal_pointer (&file);
}
