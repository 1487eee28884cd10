/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "clockify-json-text.h"

G_BEGIN_DECLS

/*
 * Defensive readers for Clockify's JSON. Every member is named by a dotted
 * path from the object given ("timeInterval.start", "hourlyRate.amount");
 * missing or null objects on the way count as a missing member, anything
 * else that is not an object is an error. Errors are
 * CLOCKIFY_ERROR_INVALID_RESPONSE with a message naming the path, e.g.
 * "“billable” is not a boolean (found a string)"; the model constructors
 * prefix it with what was being parsed, the client with the endpoint.
 *
 * The optional getters leave *out_value unchanged when the member is missing
 * or null (initialise it to the default you want) and return TRUE; string
 * outputs must be NULL on entry. String arrays are the exception: missing or
 * null gives an empty array, never NULL. Ids: clockify_json_get_id() turns
 * "" into NULL, clockify_json_require_id() refuses missing and "".
 *
 * The values' text (timestamps, ISO-8601 durations, money as a double) is
 * read by clockify-json-text.h, which the bulk path's streaming parser
 * shares.
 */

JsonObject *clockify_json_node_get_object    (JsonNode     *node,
                                              const char   *what,
                                              GError      **error);
void        clockify_json_prefix_error       (GError      **error,
                                              const char   *what,
                                              const char   *id);
gboolean    clockify_json_has_value          (JsonObject   *object,
                                              const char   *path);
const char *clockify_json_first_path         (JsonObject   *object,
                                              const char   *path,
                                              ...) G_GNUC_NULL_TERMINATED;
gboolean    clockify_json_get_node           (JsonObject   *object,
                                              const char   *path,
                                              JsonNode    **out_node,
                                              GError      **error);

gboolean    clockify_json_get_string         (JsonObject   *object,
                                              const char   *path,
                                              char        **out_value,
                                              GError      **error);
gboolean    clockify_json_get_id             (JsonObject   *object,
                                              const char   *path,
                                              char        **out_value,
                                              GError      **error);
gboolean    clockify_json_require_id         (JsonObject   *object,
                                              const char   *path,
                                              char        **out_value,
                                              GError      **error);
gboolean    clockify_json_get_boolean        (JsonObject   *object,
                                              const char   *path,
                                              gboolean     *out_value,
                                              GError      **error);
gboolean    clockify_json_get_int64          (JsonObject   *object,
                                              const char   *path,
                                              gint64       *out_value,
                                              GError      **error);
gboolean    clockify_json_get_double         (JsonObject   *object,
                                              const char   *path,
                                              double       *out_value,
                                              GError      **error);
gboolean    clockify_json_get_money          (JsonObject   *object,
                                              const char   *path,
                                              gint64       *out_minor_units,
                                              GError      **error);
gboolean    clockify_json_get_rate           (JsonObject   *object,
                                              const char   *path,
                                              gint64       *out_minor_units,
                                              char        **out_currency,
                                              GError      **error);
gboolean    clockify_json_get_strv           (JsonObject   *object,
                                              const char   *path,
                                              GStrv        *out_value,
                                              GError      **error);
gboolean    clockify_json_get_object         (JsonObject   *object,
                                              const char   *path,
                                              JsonObject  **out_value,
                                              GError      **error);
gboolean    clockify_json_get_array          (JsonObject   *object,
                                              const char   *path,
                                              JsonArray   **out_value,
                                              GError      **error);
JsonObject *clockify_json_array_get_object   (JsonArray    *array,
                                              guint         index,
                                              const char   *path,
                                              GError      **error);
gboolean    clockify_json_get_timestamp      (JsonObject   *object,
                                              const char   *path,
                                              GDateTime   **out_value,
                                              GError      **error);
gboolean    clockify_json_require_timestamp  (JsonObject   *object,
                                              const char   *path,
                                              GDateTime   **out_value,
                                              GError      **error);
gboolean    clockify_json_get_duration       (JsonObject   *object,
                                              const char   *path,
                                              gint64       *out_seconds,
                                              GError      **error);

G_END_DECLS
