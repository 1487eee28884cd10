/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the model test programs: sample JSON answers, one per model,
 * and helpers that parse them. */

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Samples, in the shapes of the API (see models-test-common.c). */
extern const char user_json[];
extern const char workspace_json[];
extern const char client_json[];
extern const char project_json[];
extern const char task_json[];
extern const char tag_json[];
extern const char user_group_json[];
extern const char custom_field_json[];
extern const char entry_json[];
extern const char running_entry_json[];
extern const char hydrated_entry_json[];
extern const char report_entry_json[];
extern const char report_entry_alt_json[];

typedef gpointer (*ParseFunc) (JsonNode  *node,
                               GError   **error);

#define PARSE_FUNC(f) ((ParseFunc) (void (*) (void)) (f))

/* Parses @text, which must be valid JSON. */
JsonNode *parse_json        (const char         *text);
/* Parses @text with @parse, which must succeed. Free with free_result(). */
gpointer  parse_sample      (ParseFunc           parse,
                             const char         *text);
/* Whether @parse gives a GObject (all but the custom field value's). */
gboolean  gives_object      (ParseFunc           parse);
/* Frees what @parse gave; @result may be NULL. */
void      free_result       (ParseFunc           parse,
                             gpointer            result);
/* Compares @value with @expected, "a,b" ("" for empty, NULL for NULL). */
void      assert_strv       (const char * const *value,
                             const char         *expected);

G_END_DECLS
