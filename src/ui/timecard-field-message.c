/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-field-message"

#include "config.h"

#include "timecard-field-message.h"

/**
 * timecard_field_message_set:
 * @row: (nullable): the form row the message is about, if one
 * @label: the label under the row that shows the message
 * @message: (nullable): what is wrong, or %NULL when nothing is
 *
 * Shows @message under a form row, the row in the error style and
 * described as invalid to assistive technologies; %NULL clears all that.
 */
void
timecard_field_message_set (GtkWidget  *row,
                            GtkLabel   *label,
                            const char *message)
{
  g_return_if_fail (row == NULL || GTK_IS_WIDGET (row));
  g_return_if_fail (GTK_IS_LABEL (label));

  if (row != NULL && message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else if (row != NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }

  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}
