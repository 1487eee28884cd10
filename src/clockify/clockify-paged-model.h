/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "clockify-client.h"
#include "clockify-query.h"

G_BEGIN_DECLS

#define CLOCKIFY_TYPE_PAGED_MODEL (clockify_paged_model_get_type ())

G_DECLARE_FINAL_TYPE (ClockifyPagedModel, clockify_paged_model, CLOCKIFY, PAGED_MODEL, GObject)

ClockifyPagedModel *clockify_paged_model_new          (ClockifyClient     *client,
                                                       ClockifyQuery      *query);
ClockifyClient     *clockify_paged_model_get_client   (ClockifyPagedModel *self);
ClockifyQuery      *clockify_paged_model_get_query    (ClockifyPagedModel *self);
gboolean            clockify_paged_model_get_loading  (ClockifyPagedModel *self);
gboolean            clockify_paged_model_get_complete (ClockifyPagedModel *self);
const GError       *clockify_paged_model_get_error    (ClockifyPagedModel *self);
void                clockify_paged_model_load_more    (ClockifyPagedModel *self);
void                clockify_paged_model_reload       (ClockifyPagedModel *self);

G_END_DECLS
