/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-test-form"

#include "config.h"

#include "timecard-test-form.h"

#include "timecard-test-ui.h"

static GtkWidget *
find_row (TimecardCredentialDialog *dialog,
          GType                     type,
          const char               *title)
{
  GtkWidget *row = timecard_test_find_widget (GTK_WIDGET (dialog), type, "title", title);

  if (row == NULL)
    g_error ("The dialog has no %s titled “%s”", g_type_name (type), title);

  return row;
}

void
timecard_test_form_init (TimecardTestForm         *form,
                         TimecardCredentialDialog *dialog)
{
  form->dialog = dialog;
  form->name = find_row (dialog, ADW_TYPE_ENTRY_ROW, "Credential Name");
  form->description = find_row (dialog, ADW_TYPE_ENTRY_ROW, "Credential Description");
  form->key = find_row (dialog, ADW_TYPE_PASSWORD_ENTRY_ROW, "API Key Value");
  form->subdomain = find_row (dialog, ADW_TYPE_ENTRY_ROW, "Subdomain");
  form->custom = find_row (dialog, ADW_TYPE_ENTRY_ROW, "Custom Server URL");
  form->save = timecard_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                          "action-name", "credential.save");
  form->save_unverified = timecard_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                     "action-name", "credential.save-unverified");
  form->cancel = timecard_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                            "action-name", "window.close");
  g_assert_nonnull (form->save);
  g_assert_nonnull (form->save_unverified);
  g_assert_nonnull (form->cancel);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (form->save)), ==, "_Save");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (form->cancel)), ==, "_Cancel");
}

/**
 * timecard_test_form_choose_server:
 * @title: "Global", "Data Region", "Dedicated Subdomain" or "Custom Server"
 */
void
timecard_test_form_choose_server (TimecardTestForm *form,
                                  const char       *title)
{
  GtkWidget *row = find_row (form->dialog, ADW_TYPE_ACTION_ROW, title);
  GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
}

/**
 * timecard_test_form_message:
 * @row: a field of the form
 *
 * The message under a field: the label right below the boxed list that
 * holds it.
 *
 * Returns: (transfer none): the label
 */
GtkWidget *
timecard_test_form_message (GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX);
  GtkWidget *outer;
  GtkWidget *label;

  /* Rows inside an expander row sit in its own list. */
  while ((outer = gtk_widget_get_ancestor (gtk_widget_get_parent (list), GTK_TYPE_LIST_BOX)) != NULL)
    list = outer;

  label = gtk_widget_get_next_sibling (list);
  g_assert_true (GTK_IS_LABEL (label));

  return label;
}

/**
 * timecard_test_form_message_text:
 *
 * Returns: (nullable): the message the user sees under @row, or %NULL when
 *   there is none; the row has the `error` style exactly when there is one
 */
const char *
timecard_test_form_message_text (GtkWidget *row)
{
  GtkWidget *label = timecard_test_form_message (row);
  gboolean shown = gtk_widget_get_visible (label) && gtk_label_get_text (GTK_LABEL (label))[0] != '\0';

  g_assert_true (gtk_widget_has_css_class (row, "error") == shown ||
                 /* The server list carries the style for the choices without a field. */
                 !ADW_IS_ENTRY_ROW (row));

  return shown ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

void
timecard_test_form_fill (TimecardTestForm *form,
                         const char       *name,
                         const char       *description,
                         const char       *key,
                         const char       *custom_url)
{
  gtk_editable_set_text (GTK_EDITABLE (form->name), name);
  gtk_editable_set_text (GTK_EDITABLE (form->description), description);
  gtk_editable_set_text (GTK_EDITABLE (form->key), key);
  if (custom_url != NULL)
    {
      timecard_test_form_choose_server (form, "Custom Server");
      gtk_editable_set_text (GTK_EDITABLE (form->custom), custom_url);
    }
}

static gboolean
not_busy (gpointer data)
{
  return timecard_credential_dialog_get_state (data) != TIMECARD_CREDENTIAL_DIALOG_STATE_BUSY;
}

/**
 * timecard_test_form_save:
 *
 * Clicks Save, checks the dialog shows that it is busy, and waits until it
 * is not (the dialog may be gone by then: hold a reference).
 */
void
timecard_test_form_save (TimecardTestForm *form)
{
  g_autoptr(TimecardCredentialDialog) dialog = g_object_ref (form->dialog);
  GtkWidget *spinner;

  g_assert_cmpint (timecard_credential_dialog_get_state (dialog), ==, TIMECARD_CREDENTIAL_DIALOG_STATE_READY);
  timecard_test_click (form->save);

  /* Busy: a spinner, the form insensitive, Save disabled, Cancel not. */
  g_assert_cmpint (timecard_credential_dialog_get_state (dialog), ==, TIMECARD_CREDENTIAL_DIALOG_STATE_BUSY);
  spinner = timecard_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPINNER, NULL, NULL);
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_false (gtk_widget_is_sensitive (form->name));
  g_assert_false (gtk_widget_is_sensitive (form->key));
  g_assert_false (gtk_widget_is_sensitive (form->save));
  g_assert_true (gtk_widget_is_sensitive (form->cancel));

  g_assert_true (timecard_test_wait_until (not_busy, dialog, 20000));
}
