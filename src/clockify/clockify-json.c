/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-json"

#include "config.h"

#include "clockify-json.h"

#include <string.h>

#include "clockify-error.h"

/* Every reader below checks the node type before it reads: json-glib's typed
 * getters emit criticals on a wrong type, and a response is untrusted input. */

static const char *
describe_node (JsonNode *node)
{
  if (node == NULL)
    return "nothing";

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_INT64:
      return "an integer";
    case G_TYPE_DOUBLE:
      return "a number";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    default:
      return "an unknown value";
    }
}

static gboolean
node_holds (JsonNode *node,
            GType     value_type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == value_type;
}

static gboolean
wrong_type (const char  *path,
            const char  *expected,
            JsonNode    *found,
            GError     **error)
{
  g_set_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
               "“%s” is not %s (found %s)", path, expected, describe_node (found));
  return FALSE;
}

static gboolean
is_missing (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

/**
 * clockify_json_node_get_object:
 * @node: (nullable): a node
 * @what: what the object should be, for the message ("time entry")
 * @error: return location for an error
 *
 * Returns: (transfer none): the object @node holds, or %NULL with
 *   %CLOCKIFY_ERROR_INVALID_RESPONSE
 */
JsonObject *
clockify_json_node_get_object (JsonNode    *node,
                               const char  *what,
                               GError     **error)
{
  g_return_val_if_fail (what != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
                   "%s: not a JSON object (found %s)", what, describe_node (node));
      return NULL;
    }

  return json_node_get_object (node);
}

/**
 * clockify_json_prefix_error:
 * @error: (nullable): an error location, possibly holding an error
 * @what: what was being parsed ("time entry")
 * @id: (nullable): its id, when known
 *
 * Prefixes an error with "@what @id: ", so that a message reads
 * "time entry 5f…: “timeInterval.start” is not a timestamp".
 */
void
clockify_json_prefix_error (GError     **error,
                            const char  *what,
                            const char  *id)
{
  if (error == NULL || *error == NULL)
    return;

  if (id != NULL)
    g_prefix_error (error, "%s %s: ", what, id);
  else
    g_prefix_error (error, "%s: ", what);
}

/*
 * Finds the node at @path. A missing or null member anywhere on the way
 * gives %NULL without an error; a non-object on the way is an error.
 */
static gboolean
lookup (JsonObject  *object,
        const char  *path,
        JsonNode   **out_node,
        GError     **error)
{
  const char *segment = path;
  const char *dot;

  g_assert (object != NULL);
  g_assert (path != NULL);

  *out_node = NULL;

  while ((dot = strchr (segment, '.')) != NULL)
    {
      g_autofree char *name = g_strndup (segment, dot - segment);
      JsonNode *node = json_object_get_member (object, name);

      if (is_missing (node))
        return TRUE;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *prefix = g_strndup (path, dot - path);
          return wrong_type (prefix, "an object", node, error);
        }

      object = json_node_get_object (node);
      segment = dot + 1;
    }

  *out_node = json_object_get_member (object, segment);
  if (is_missing (*out_node))
    *out_node = NULL;

  return TRUE;
}

/* lookup() for the getters of one type: a node of another type (or, for
 * JSON_NODE_VALUE, a value of another @value_type) is an error that says
 * what was @expected. */
static gboolean
lookup_typed (JsonObject    *object,
              const char    *path,
              JsonNodeType   node_type,
              GType          value_type,
              const char    *expected,
              JsonNode     **out_node,
              GError       **error)
{
  if (!lookup (object, path, out_node, error))
    return FALSE;

  if (*out_node != NULL
      && (node_type == JSON_NODE_VALUE
          ? !node_holds (*out_node, value_type)
          : JSON_NODE_TYPE (*out_node) != node_type))
    return wrong_type (path, expected, *out_node, error);

  return TRUE;
}

/**
 * clockify_json_has_value:
 * @object: an object
 * @path: a dotted member path
 *
 * Returns: whether @path leads to a value that is not null
 */
gboolean
clockify_json_has_value (JsonObject *object,
                         const char *path)
{
  JsonNode *node = NULL;

  g_return_val_if_fail (object != NULL && path != NULL, FALSE);

  return lookup (object, path, &node, NULL) && node != NULL;
}

/**
 * clockify_json_first_path:
 * @object: an object
 * @path: a dotted member path, the preferred spelling of a member
 * @...: other spellings of it, then %NULL
 *
 * Picks which spelling to read where the APIs name one fact differently
 * (`isLocked` or `locked`, `userName` in reports or `user.name` in hydrated
 * entries): the first path that leads to a value, else the last one, so
 * that a wrongly typed object on its way is still reported.
 *
 * Returns: (transfer none): one of the paths given
 */
const char *
clockify_json_first_path (JsonObject *object,
                          const char *path,
                          ...)
{
  const char *next;
  va_list args;

  g_return_val_if_fail (object != NULL && path != NULL, NULL);

  va_start (args, path);
  while (!clockify_json_has_value (object, path) && (next = va_arg (args, const char *)) != NULL)
    path = next;
  va_end (args);

  return path;
}

/**
 * clockify_json_get_node:
 * @object: an object
 * @path: a dotted member path
 * @out_node: (out) (transfer none): the node, or %NULL when missing or null
 * @error: return location for an error
 *
 * Returns: %FALSE when an object on the way has the wrong type
 */
gboolean
clockify_json_get_node (JsonObject  *object,
                        const char  *path,
                        JsonNode   **out_node,
                        GError     **error)
{
  g_return_val_if_fail (object != NULL && path != NULL, FALSE);
  g_return_val_if_fail (out_node != NULL, FALSE);

  return lookup (object, path, out_node, error);
}

/**
 * clockify_json_get_string:
 * @object: an object
 * @path: a dotted member path
 * @out_value: (out) (transfer full): the string; must be %NULL on entry,
 *   stays %NULL when the member is missing or null
 * @error: return location for an error
 *
 * Returns: %FALSE if the member is not a string
 */
gboolean
clockify_json_get_string (JsonObject  *object,
                          const char  *path,
                          char       **out_value,
                          GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL && path != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL && *out_value == NULL, FALSE);

  if (!lookup_typed (object, path, JSON_NODE_VALUE, G_TYPE_STRING, "a string", &node, error))
    return FALSE;

  if (node != NULL)
    *out_value = g_strdup (json_node_get_string (node));
  return TRUE;
}

/**
 * clockify_json_get_id:
 * @object: an object
 * @path: a dotted member path
 * @out_value: (out) (transfer full): the id; must be %NULL on entry
 * @error: return location for an error
 *
 * Like clockify_json_get_string(), for a reference to another entity:
 * Clockify sends both null and "" for "none", and both become %NULL.
 *
 * Returns: %FALSE if the member is not a string
 */
gboolean
clockify_json_get_id (JsonObject  *object,
                      const char  *path,
                      char       **out_value,
                      GError     **error)
{
  if (!clockify_json_get_string (object, path, out_value, error))
    return FALSE;

  if (*out_value != NULL && **out_value == '\0')
    g_clear_pointer (out_value, g_free);

  return TRUE;
}

/**
 * clockify_json_require_id:
 * @object: an object
 * @path: a dotted member path
 * @out_value: (out) (transfer full): the id; must be %NULL on entry
 * @error: return location for an error
 *
 * Returns: %FALSE if the member is missing, null, empty or not a string
 */
gboolean
clockify_json_require_id (JsonObject  *object,
                          const char  *path,
                          char       **out_value,
                          GError     **error)
{
  if (!clockify_json_get_string (object, path, out_value, error))
    return FALSE;

  if (*out_value == NULL || **out_value == '\0')
    {
      g_set_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
                   "“%s” is %s", path, *out_value == NULL ? "missing" : "empty");
      g_clear_pointer (out_value, g_free);
      return FALSE;
    }

  return TRUE;
}

/**
 * clockify_json_get_boolean:
 * @object: an object
 * @path: a dotted member path
 * @out_value: (out): the value; unchanged when missing or null
 * @error: return location for an error
 *
 * Returns: %FALSE if the member is not a boolean
 */
gboolean
clockify_json_get_boolean (JsonObject  *object,
                           const char  *path,
                           gboolean    *out_value,
                           GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL && path != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  if (!lookup_typed (object, path, JSON_NODE_VALUE, G_TYPE_BOOLEAN, "a boolean", &node, error))
    return FALSE;

  if (node != NULL)
    *out_value = json_node_get_boolean (node);
  return TRUE;
}

/* An integer member, or a double that @from_double turns into one. */
static gboolean
get_integer (JsonObject  *object,
             const char  *path,
             gboolean   (*from_double) (double value, gint64 *out_value),
             const char  *expected,
             gint64      *out_value,
             GError     **error)
{
  JsonNode *node;

  if (!lookup (object, path, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (node_holds (node, G_TYPE_INT64))
    {
      *out_value = json_node_get_int (node);
      return TRUE;
    }

  if (node_holds (node, G_TYPE_DOUBLE) && from_double (json_node_get_double (node), out_value))
    return TRUE;

  return wrong_type (path, expected, node, error);
}

/**
 * clockify_json_get_int64:
 * @object: an object
 * @path: a dotted member path
 * @out_value: (out): the value; unchanged when missing or null
 * @error: return location for an error
 *
 * Reads an integer. A JSON number with no fraction (`3600.0`) counts as an
 * integer, since some endpoints serialise every number as a double.
 *
 * Returns: %FALSE if the member is not an integer in the range of #gint64
 */
gboolean
clockify_json_get_int64 (JsonObject  *object,
                         const char  *path,
                         gint64      *out_value,
                         GError     **error)
{
  g_return_val_if_fail (object != NULL && path != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  return get_integer (object, path, clockify_json_int64_from_double, "an integer",
                      out_value, error);
}

/**
 * clockify_json_get_double:
 * @object: an object
 * @path: a dotted member path
 * @out_value: (out): the value; unchanged when missing or null
 * @error: return location for an error
 *
 * Returns: %FALSE if the member is not a number
 */
gboolean
clockify_json_get_double (JsonObject  *object,
                          const char  *path,
                          double      *out_value,
                          GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL && path != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  if (!lookup (object, path, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (node_holds (node, G_TYPE_INT64))
    *out_value = (double) json_node_get_int (node);
  else if (node_holds (node, G_TYPE_DOUBLE))
    *out_value = json_node_get_double (node);
  else
    return wrong_type (path, "a number", node, error);

  return TRUE;
}

/**
 * clockify_json_get_money:
 * @object: an object
 * @path: a dotted member path
 * @out_minor_units: (out): the amount in minor units (cents); unchanged when
 *   missing or null
 * @error: return location for an error
 *
 * Reads an amount in minor units from an integer or a double member, see
 * clockify_json_money_from_double() for doubles.
 *
 * Returns: %FALSE if the member is not a usable number
 */
gboolean
clockify_json_get_money (JsonObject  *object,
                         const char  *path,
                         gint64      *out_minor_units,
                         GError     **error)
{
  g_return_val_if_fail (object != NULL && path != NULL, FALSE);
  g_return_val_if_fail (out_minor_units != NULL, FALSE);

  return get_integer (object, path, clockify_json_money_from_double, "an amount",
                      out_minor_units, error);
}

/**
 * clockify_json_get_rate:
 * @object: an object
 * @path: a dotted member path
 * @out_minor_units: (out): the amount in minor units; unchanged when missing
 * @out_currency: (out) (transfer full): the currency code; must be %NULL on
 *   entry, stays %NULL when not given
 * @error: return location for an error
 *
 * Reads a rate: the main API's `{"amount": 10500, "currency": "USD"}`, or a
 * bare amount as the Reports API sends it (`"costRate": 2000.0`), whose
 * currency is elsewhere.
 *
 * Returns: %FALSE if the member is neither
 */
gboolean
clockify_json_get_rate (JsonObject  *object,
                        const char  *path,
                        gint64      *out_minor_units,
                        char       **out_currency,
                        GError     **error)
{
  g_autofree char *amount_path = NULL;
  g_autofree char *currency_path = NULL;
  JsonNode *node;

  g_return_val_if_fail (object != NULL && path != NULL, FALSE);
  g_return_val_if_fail (out_minor_units != NULL, FALSE);
  g_return_val_if_fail (out_currency != NULL && *out_currency == NULL, FALSE);

  if (!lookup (object, path, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return clockify_json_get_money (object, path, out_minor_units, error);

  amount_path = g_strconcat (path, ".amount", NULL);
  currency_path = g_strconcat (path, ".currency", NULL);

  return clockify_json_get_money (object, amount_path, out_minor_units, error)
         && clockify_json_get_string (object, currency_path, out_currency, error);
}

/**
 * clockify_json_get_strv:
 * @object: an object
 * @path: a dotted member path
 * @out_value: (out) (transfer full): the strings; an empty array when the
 *   member is missing or null
 * @error: return location for an error
 *
 * Reads an array of strings. Null elements are skipped.
 *
 * Returns: %FALSE if the member is not an array of strings
 */
gboolean
clockify_json_get_strv (JsonObject  *object,
                        const char  *path,
                        GStrv       *out_value,
                        GError     **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array = NULL;
  guint length;

  g_return_val_if_fail (out_value != NULL, FALSE);

  if (!clockify_json_get_array (object, path, &array, error))
    return FALSE;

  builder = g_strv_builder_new ();
  length = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_NULL (element))
        continue;

      if (!node_holds (element, G_TYPE_STRING))
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);
          return wrong_type (element_path, "a string", element, error);
        }

      g_strv_builder_add (builder, json_node_get_string (element));
    }

  *out_value = g_strv_builder_end (builder);
  return TRUE;
}

/**
 * clockify_json_get_object:
 * @object: an object
 * @path: a dotted member path
 * @out_value: (out) (transfer none): the object; %NULL when missing or null
 * @error: return location for an error
 *
 * Returns: %FALSE if the member is not an object
 */
gboolean
clockify_json_get_object (JsonObject  *object,
                          const char  *path,
                          JsonObject **out_value,
                          GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL && path != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  *out_value = NULL;

  if (!lookup_typed (object, path, JSON_NODE_OBJECT, G_TYPE_INVALID, "an object", &node, error))
    return FALSE;

  if (node != NULL)
    *out_value = json_node_get_object (node);
  return TRUE;
}

/**
 * clockify_json_get_array:
 * @object: an object
 * @path: a dotted member path
 * @out_value: (out) (transfer none): the array; %NULL when missing or null
 * @error: return location for an error
 *
 * Returns: %FALSE if the member is not an array
 */
gboolean
clockify_json_get_array (JsonObject  *object,
                         const char  *path,
                         JsonArray  **out_value,
                         GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL && path != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  *out_value = NULL;

  if (!lookup_typed (object, path, JSON_NODE_ARRAY, G_TYPE_INVALID, "an array", &node, error))
    return FALSE;

  if (node != NULL)
    *out_value = json_node_get_array (node);
  return TRUE;
}

/**
 * clockify_json_array_get_object:
 * @array: an array
 * @index: an index in @array
 * @path: the path of @array, for the message
 * @error: return location for an error
 *
 * Returns: (transfer none): the object at @index, or %NULL with
 *   %CLOCKIFY_ERROR_INVALID_RESPONSE naming `path[index]`
 */
JsonObject *
clockify_json_array_get_object (JsonArray   *array,
                                guint        index,
                                const char  *path,
                                GError     **error)
{
  JsonNode *element;

  g_return_val_if_fail (array != NULL, NULL);
  g_return_val_if_fail (index < json_array_get_length (array), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  element = json_array_get_element (array, index);
  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, index);
      wrong_type (element_path, "an object", element, error);
      return NULL;
    }

  return json_node_get_object (element);
}

/**
 * clockify_json_get_timestamp:
 * @object: an object
 * @path: a dotted member path
 * @out_value: (out) (transfer full): the UTC time; must be %NULL on entry,
 *   stays %NULL when the member is missing or null
 * @error: return location for an error
 *
 * Returns: %FALSE if the member is not a timestamp that
 *   clockify_json_parse_timestamp() accepts
 */
gboolean
clockify_json_get_timestamp (JsonObject  *object,
                             const char  *path,
                             GDateTime  **out_value,
                             GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL && path != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL && *out_value == NULL, FALSE);

  if (!lookup (object, path, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (node_holds (node, G_TYPE_STRING)
      && (*out_value = clockify_json_parse_timestamp (json_node_get_string (node))) != NULL)
    return TRUE;

  return wrong_type (path, "a timestamp", node, error);
}

/**
 * clockify_json_require_timestamp:
 * @object: an object
 * @path: a dotted member path
 * @out_value: (out) (transfer full): the UTC time; must be %NULL on entry
 * @error: return location for an error
 *
 * Returns: %FALSE if the member is missing, null or not a timestamp
 */
gboolean
clockify_json_require_timestamp (JsonObject  *object,
                                 const char  *path,
                                 GDateTime  **out_value,
                                 GError     **error)
{
  if (!clockify_json_get_timestamp (object, path, out_value, error))
    return FALSE;

  if (*out_value == NULL)
    {
      g_set_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
                   "“%s” is missing", path);
      return FALSE;
    }

  return TRUE;
}

/**
 * clockify_json_get_duration:
 * @object: an object
 * @path: a dotted member path
 * @out_seconds: (out): the duration in seconds; unchanged when missing or null
 * @error: return location for an error
 *
 * Reads a duration: an ISO-8601 string (the main API, "PT1H30M", see
 * clockify_json_parse_duration()) or a number of seconds (the Reports API,
 * `3600` or `3600.0`).
 *
 * Returns: %FALSE if the member is neither, or negative
 */
gboolean
clockify_json_get_duration (JsonObject  *object,
                            const char  *path,
                            gint64      *out_seconds,
                            GError     **error)
{
  JsonNode *node;
  gint64 seconds = -1;

  g_return_val_if_fail (object != NULL && path != NULL, FALSE);
  g_return_val_if_fail (out_seconds != NULL, FALSE);

  if (!lookup (object, path, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (node_holds (node, G_TYPE_STRING))
    {
      if (!clockify_json_parse_duration (json_node_get_string (node), &seconds))
        return wrong_type (path, "an ISO-8601 duration", node, error);
    }
  else if (node_holds (node, G_TYPE_INT64) || node_holds (node, G_TYPE_DOUBLE))
    {
      if (!clockify_json_get_int64 (object, path, &seconds, NULL) || seconds < 0)
        return wrong_type (path, "a number of seconds", node, error);
    }
  else
    {
      return wrong_type (path, "a duration", node, error);
    }

  *out_seconds = seconds;
  return TRUE;
}
