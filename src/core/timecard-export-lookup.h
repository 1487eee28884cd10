/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TIMECARD_TYPE_EXPORT_LOOKUP (timecard_export_lookup_get_type ())

/**
 * TimecardExportLookup:
 *
 * The names a time entry refers to by id: users (name, email), projects
 * (name, client), clients, tasks, tags and custom fields, plus the
 * workspace's currency. The runner fills it from the small entities before
 * time entries are written; writers read it to denormalise entries whose
 * record lacks the names (the main API's time entries carry ids only).
 *
 * Reference counted. Fill it first, then share it read-only: it has no lock.
 */
typedef struct _TimecardExportLookup TimecardExportLookup;

GType                 timecard_export_lookup_get_type                (void) G_GNUC_CONST;
TimecardExportLookup *timecard_export_lookup_new                     (void);
TimecardExportLookup *timecard_export_lookup_ref                     (TimecardExportLookup *self);
void                  timecard_export_lookup_unref                   (TimecardExportLookup *self);

gboolean              timecard_export_lookup_add_item                (TimecardExportLookup *self,
                                                                      gpointer              item);
void                  timecard_export_lookup_add_user                (TimecardExportLookup *self,
                                                                      const char           *id,
                                                                      const char           *name,
                                                                      const char           *email);
void                  timecard_export_lookup_add_project             (TimecardExportLookup *self,
                                                                      const char           *id,
                                                                      const char           *name,
                                                                      const char           *client_id,
                                                                      const char           *client_name);
void                  timecard_export_lookup_add_client              (TimecardExportLookup *self,
                                                                      const char           *id,
                                                                      const char           *name);
void                  timecard_export_lookup_add_task                (TimecardExportLookup *self,
                                                                      const char           *id,
                                                                      const char           *name);
void                  timecard_export_lookup_add_tag                 (TimecardExportLookup *self,
                                                                      const char           *id,
                                                                      const char           *name);
void                  timecard_export_lookup_add_custom_field        (TimecardExportLookup *self,
                                                                      const char           *id,
                                                                      const char           *name);
void                  timecard_export_lookup_set_currency            (TimecardExportLookup *self,
                                                                      const char           *currency);

const char           *timecard_export_lookup_get_user_name           (TimecardExportLookup *self,
                                                                      const char           *id);
const char           *timecard_export_lookup_get_user_email          (TimecardExportLookup *self,
                                                                      const char           *id);
void                  timecard_export_lookup_get_user                (TimecardExportLookup *self,
                                                                      const char           *id,
                                                                      const char          **out_name,
                                                                      const char          **out_email);
const char           *timecard_export_lookup_get_project_name        (TimecardExportLookup *self,
                                                                      const char           *id);
void                  timecard_export_lookup_get_project             (TimecardExportLookup *self,
                                                                      const char           *id,
                                                                      const char          **out_name,
                                                                      const char          **out_client_id,
                                                                      const char          **out_client_name);
const char           *timecard_export_lookup_get_project_client_id   (TimecardExportLookup *self,
                                                                      const char           *id);
const char           *timecard_export_lookup_get_project_client_name (TimecardExportLookup *self,
                                                                      const char           *id);
const char           *timecard_export_lookup_get_client_name         (TimecardExportLookup *self,
                                                                      const char           *id);
const char           *timecard_export_lookup_get_task_name           (TimecardExportLookup *self,
                                                                      const char           *id);
const char           *timecard_export_lookup_get_tag_name            (TimecardExportLookup *self,
                                                                      const char           *id);
const char           *timecard_export_lookup_get_custom_field_name   (TimecardExportLookup *self,
                                                                      const char           *id);
const char           *timecard_export_lookup_get_currency            (TimecardExportLookup *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TimecardExportLookup, timecard_export_lookup_unref)

G_END_DECLS
