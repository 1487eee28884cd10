/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CLOCKIFY_TYPE_CUSTOM_FIELD (clockify_custom_field_get_type ())

G_DECLARE_FINAL_TYPE (ClockifyCustomField, clockify_custom_field, CLOCKIFY, CUSTOM_FIELD, GObject)

ClockifyCustomField *clockify_custom_field_new_from_json           (JsonNode            *node,
                                                                    GError             **error);
const char          *clockify_custom_field_get_id                  (ClockifyCustomField *self);
const char          *clockify_custom_field_get_name                (ClockifyCustomField *self);
const char          *clockify_custom_field_get_field_type          (ClockifyCustomField *self);
const char          *clockify_custom_field_get_status              (ClockifyCustomField *self);
const char          *clockify_custom_field_get_entity_type         (ClockifyCustomField *self);
const char * const  *clockify_custom_field_get_allowed_values      (ClockifyCustomField *self);
const char          *clockify_custom_field_get_placeholder         (ClockifyCustomField *self);
const char          *clockify_custom_field_get_description         (ClockifyCustomField *self);
gboolean             clockify_custom_field_get_required            (ClockifyCustomField *self);
gboolean             clockify_custom_field_get_only_admin_can_edit (ClockifyCustomField *self);
const char          *clockify_custom_field_get_workspace_id        (ClockifyCustomField *self);

/**
 * ClockifyCustomFieldValue:
 *
 * The value of one custom field on a time entry: an item of a main-API
 * entry's `customFieldValues[]` or of a report entry's `customFields[]`.
 * An immutable boxed type.
 */
typedef struct _ClockifyCustomFieldValue ClockifyCustomFieldValue;

#define CLOCKIFY_TYPE_CUSTOM_FIELD_VALUE (clockify_custom_field_value_get_type ())

GType                     clockify_custom_field_value_get_type            (void) G_GNUC_CONST;
ClockifyCustomFieldValue *clockify_custom_field_value_new_from_json       (JsonNode                       *node,
                                                                           GError                        **error);
ClockifyCustomFieldValue *clockify_custom_field_value_copy                (const ClockifyCustomFieldValue *self);
void                      clockify_custom_field_value_free                (ClockifyCustomFieldValue       *self);
const char               *clockify_custom_field_value_get_custom_field_id (const ClockifyCustomFieldValue *self);
const char               *clockify_custom_field_value_get_name            (const ClockifyCustomFieldValue *self);
const char               *clockify_custom_field_value_get_field_type      (const ClockifyCustomFieldValue *self);
JsonNode                 *clockify_custom_field_value_get_value           (const ClockifyCustomFieldValue *self);
char                     *clockify_custom_field_value_dup_value_json      (const ClockifyCustomFieldValue *self);
char                     *clockify_custom_field_value_dup_value_text      (const ClockifyCustomFieldValue *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClockifyCustomFieldValue, clockify_custom_field_value_free)

G_END_DECLS
