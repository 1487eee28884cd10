/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-add-tile"

#include "config.h"

#include "timecard-add-tile.h"

/* The last tile of the Authenticate screen: activating it adds a credential. */

struct _TimecardAddTile
{
  GtkFlowBoxChild parent_instance;
};

G_DEFINE_FINAL_TYPE (TimecardAddTile, timecard_add_tile, GTK_TYPE_FLOW_BOX_CHILD)

static void
timecard_add_tile_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TIMECARD_TYPE_ADD_TILE);

  G_OBJECT_CLASS (timecard_add_tile_parent_class)->dispose (object);
}

static void
timecard_add_tile_class_init (TimecardAddTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = timecard_add_tile_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/timecard-add-tile.ui");
}

static void
timecard_add_tile_init (TimecardAddTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * timecard_add_tile_new:
 *
 * Returns: (transfer floating): a new "Add Credential" tile
 */
GtkWidget *
timecard_add_tile_new (void)
{
  return g_object_new (TIMECARD_TYPE_ADD_TILE, NULL);
}
