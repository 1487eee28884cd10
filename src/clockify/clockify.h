/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Everything libclockify offers, for the layers above it. */

#include "clockify-enums.h"
#include "clockify-error.h"
#include "clockify-json-text.h"
#include "clockify-json.h"
#include "clockify-server.h"
#include "clockify-throttle.h"
#include "clockify-query.h"
#include "clockify-client.h"
#include "clockify-paged-model.h"
#include "clockify-entry-stream.h"

#include "clockify-user.h"
#include "clockify-workspace.h"
#include "clockify-client-entity.h"
#include "clockify-project.h"
#include "clockify-task.h"
#include "clockify-tag.h"
#include "clockify-user-group.h"
#include "clockify-custom-field.h"
#include "clockify-time-entry.h"
