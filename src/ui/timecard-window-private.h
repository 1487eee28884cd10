/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "timecard-window.h"

G_BEGIN_DECLS

struct _TimecardWindow
{
  AdwApplicationWindow     parent_instance;

  GSettings               *settings;
  TimecardCredentialStore *store;
  /* Cancelled when the window closes. */
  GCancellable            *cancellable;
  /* The credential dialog while it is open. */
  GtkWindow               *dialog;
  /* The credential page while it is shown or sliding away. */
  GtkWidget               *page;
  /* The export page of one of its workspaces, likewise. */
  GtkWidget               *export_page;
  /* The toast on show, if any. */
  AdwToast                *toast;
  guint                    loading : 1;

  /* Template widgets */
  GtkButton               *add_button;
  GtkRevealer             *banner;
  GtkLabel                *banner_label;
  AdwStatusPage           *empty_page;
  GtkFlowBox              *flowbox;
  AdwLeaflet              *leaflet;
  GtkSpinner              *loading_spinner;
  GtkBox                  *main_page;
  GtkStack                *stack;
  AdwToastOverlay         *toast_overlay;
};

void  _timecard_window_class_init_actions (GtkWidgetClass     *widget_class);
void  _timecard_window_toast              (TimecardWindow     *self,
                                           const char         *title);
void  _timecard_window_focus_tile         (TimecardWindow     *self,
                                           TimecardCredential *credential);
void  _timecard_window_open_page          (TimecardWindow     *self,
                                           TimecardCredential *credential);
void  _timecard_window_go_back            (TimecardWindow     *self);
void  _timecard_window_go_home            (TimecardWindow     *self);
void  _timecard_window_open_export        (TimecardWindow     *self,
                                           const char         *workspace_id);

G_END_DECLS
