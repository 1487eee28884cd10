/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-entry-stream"

#include "config.h"

#include "clockify-entry-stream.h"

#include <gio/gio.h>

#include "clockify-entry-stream-private.h"
#include "clockify-error.h"
#include "clockify-json-text.h"

/* Reading values into the entry being assembled, and delivering it. */

/* Writes @text as a JSON string: quotes, backslashes and control characters
 * escaped, everything else (valid UTF-8 by now) as it is. */
void
_clockify_entry_stream_buffer_append_json (ClockifyJsonBuffer *buffer,
                                           const char         *text,
                                           gsize               length)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = text;

  clockify_json_buffer_append_c (buffer, '"');

  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];
      char escape[6] = { '\\', 0, };
      gsize escape_len = 2;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      switch (c)
        {
        case '"': escape[1] = '"'; break;
        case '\\': escape[1] = '\\'; break;
        case '\b': escape[1] = 'b'; break;
        case '\f': escape[1] = 'f'; break;
        case '\n': escape[1] = 'n'; break;
        case '\r': escape[1] = 'r'; break;
        case '\t': escape[1] = 't'; break;
        default:
          escape[1] = 'u';
          escape[2] = '0';
          escape[3] = '0';
          escape[4] = hex[c >> 4];
          escape[5] = hex[c & 0xf];
          escape_len = 6;
          break;
        }

      clockify_json_buffer_append (buffer, run, (gsize) (text + i - run));
      clockify_json_buffer_append (buffer, escape, escape_len);
      run = text + i + 1;
    }

  clockify_json_buffer_append (buffer, run, (gsize) (text + length - run));
  clockify_json_buffer_append_c (buffer, '"');
}

gboolean
_clockify_entry_stream_check_size (ClockifyEntryStream *self,
                                   gsize                extra)
{
  gsize size = self->arena.len + self->custom_fields.len + self->field_value.len
               + 2 * sizeof (gsize) * (self->tag_ids.n + self->tag_ids_from_tags.n
                                       + self->tag_names.n);

  if (G_UNLIKELY (extra > self->max_entry || size > self->max_entry - extra))
    return _clockify_entry_stream_fail (self, "larger than %" G_GSIZE_FORMAT " bytes",
                                        self->max_entry);
  return TRUE;
}

/* Copies the last string into the arena; returns its offset or -1. */
gssize
_clockify_entry_stream_add_string (ClockifyEntryStream *self)
{
  gsize offset = self->arena.len;

  if (self->lexer.text_has_nul)
    {
      g_autofree char *path = _clockify_entry_stream_member_path (self, self->key);

      _clockify_entry_stream_fail (self, "“%s” contains U+0000", path);
      return -1;
    }

  if (!_clockify_entry_stream_check_size (self, self->lexer.text_len + 1))
    return -1;

  clockify_json_buffer_append (&self->arena, self->lexer.text, self->lexer.text_len);
  clockify_json_buffer_append_c (&self->arena, '\0');
  return (gssize) offset;
}

gboolean
_clockify_entry_stream_read_string (ClockifyEntryStream *self,
                                    ClockifyJsonToken    token,
                                    Slot                 slot)
{
  if (token == CLOCKIFY_JSON_STRING)
    {
      gssize offset;

      if (self->lexer.text_len == 0 && IS_REFERENCE (slot))
        {
          self->slots[slot] = -1;
          return TRUE;
        }

      offset = _clockify_entry_stream_add_string (self);
      if (offset < 0)
        return FALSE;
      self->slots[slot] = offset;
      return TRUE;
    }

  if (token == CLOCKIFY_JSON_NULL)
    {
      self->slots[slot] = -1;
      return TRUE;
    }

  return _clockify_entry_stream_wrong_type (self, "a string", token);
}

static gboolean
parse_int64 (const char *text,
             gsize       length,
             gint64     *out_value)
{
  gboolean negative = length > 0 && text[0] == '-';
  guint64 value = 0;
  guint64 limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;

  for (gsize i = negative; i < length; i++)
    {
      guint digit = (guchar) text[i] - '0';

      if (value > (limit - digit) / 10)
        return FALSE;
      value = value * 10 + digit;
    }

  *out_value = negative ? (gint64) (0 - value) : (gint64) value;
  return TRUE;
}

/* A number written as a whole one with a zero fraction, "4321.0" as the
 * reports send amounts and durations, of at most 15 digits: strtod() would
 * give exactly that integer (below 2^53), so it is read without it. */
static gboolean
parse_whole_decimal (const char *text,
                     gsize       length,
                     gint64     *out_value)
{
  const char *dot = memchr (text, '.', length);
  gsize int_length;

  if (dot == NULL)
    return FALSE;

  int_length = (gsize) (dot - text);
  if (int_length - (text[0] == '-') > 15)
    return FALSE;
  for (const char *p = dot + 1; p < text + length; p++)
    if (*p != '0')
      return FALSE;

  return parse_int64 (text, int_length, out_value);
}

static gboolean
parse_double (const char *text,
              gsize       length,
              double     *out_value)
{
  char copy[64];

  /* Anything longer is not a plausible amount or duration. */
  if (length >= sizeof copy)
    return FALSE;

  memcpy (copy, text, length);
  copy[length] = '\0';
  *out_value = g_ascii_strtod (copy, NULL);
  return TRUE;
}

/* Money in minor units: an integer, or a double such as 4321.0 (reports). */
gboolean
_clockify_entry_stream_read_money (ClockifyEntryStream *self,
                                   ClockifyJsonToken    token,
                                   gint64              *out_value)
{
  double value;

  if (token != CLOCKIFY_JSON_NUMBER)
    return _clockify_entry_stream_wrong_type (self, "an amount", token);

  if (self->lexer.number_is_integer
      ? parse_int64 (self->lexer.text, self->lexer.text_len, out_value)
      : (parse_whole_decimal (self->lexer.text, self->lexer.text_len, out_value)
         || (parse_double (self->lexer.text, self->lexer.text_len, &value)
             && clockify_json_money_from_double (value, out_value))))
    return TRUE;

  return _clockify_entry_stream_wrong_type (self, "a usable amount", token);
}

gboolean
_clockify_entry_stream_read_timestamp (ClockifyEntryStream *self,
                                       ClockifyJsonToken    token,
                                       gboolean            *out_has_value,
                                       gint64              *out_usec)
{
  if (token == CLOCKIFY_JSON_NULL)
    {
      *out_has_value = FALSE;
      return TRUE;
    }

  if (token == CLOCKIFY_JSON_STRING
      && clockify_json_parse_timestamp_usec (self->lexer.text, self->lexer.text_len, out_usec))
    {
      *out_has_value = TRUE;
      return TRUE;
    }

  return _clockify_entry_stream_wrong_type (self, "a timestamp", token);
}

/* An ISO-8601 duration (main API) or a number of seconds (reports). */
gboolean
_clockify_entry_stream_read_duration (ClockifyEntryStream *self,
                                      ClockifyJsonToken    token)
{
  if (token == CLOCKIFY_JSON_NULL)
    {
      self->has_duration = FALSE;
      return TRUE;
    }

  if (token == CLOCKIFY_JSON_STRING)
    {
      if (!clockify_json_parse_duration_seconds (self->lexer.text, self->lexer.text_len,
                                                 &self->duration))
        return _clockify_entry_stream_wrong_type (self, "an ISO-8601 duration", token);
      self->has_duration = TRUE;
      return TRUE;
    }

  if (token == CLOCKIFY_JSON_NUMBER)
    {
      gint64 seconds = -1;
      double value;

      if (!(self->lexer.number_is_integer
            ? parse_int64 (self->lexer.text, self->lexer.text_len, &seconds)
            : (parse_whole_decimal (self->lexer.text, self->lexer.text_len, &seconds)
               || (parse_double (self->lexer.text, self->lexer.text_len, &value)
                   && clockify_json_int64_from_double (value, &seconds))))
          || seconds < 0)
        return _clockify_entry_stream_wrong_type (self, "a number of seconds", token);
      self->duration = seconds;
      self->has_duration = TRUE;
      return TRUE;
    }

  return _clockify_entry_stream_wrong_type (self, "a duration", token);
}

void
_clockify_entry_stream_begin_entry (ClockifyEntryStream *self)
{
  self->arena.len = 0;
  memset (self->slots, 0xff, sizeof self->slots);
  self->billable = FALSE;
  self->has_start = FALSE;
  self->has_end = FALSE;
  self->has_duration = FALSE;
  self->hourly_source = HOURLY_NONE;
  self->has_cost_rate = FALSE;
  self->has_tag_ids = FALSE;
  self->tag_ids.n = 0;
  self->tag_ids_from_tags.n = 0;
  self->tag_names.n = 0;
  self->has_custom_fields = FALSE;
  self->custom_fields.len = 0;
  self->field_value.len = 0;
}

/* Writes one token of a custom field's value, compactly. */
gboolean
_clockify_entry_stream_write_value (ClockifyEntryStream *self,
                                    ClockifyJsonToken    token)
{
  ClockifyJsonBuffer *out = &self->field_value;

  if (token != CLOCKIFY_JSON_OBJECT_END && token != CLOCKIFY_JSON_ARRAY_END
      && out->len > 0 && out->data[out->len - 1] != '[' && out->data[out->len - 1] != '{'
      && out->data[out->len - 1] != ':')
    clockify_json_buffer_append_c (out, ',');

  switch (token)
    {
    case CLOCKIFY_JSON_OBJECT_START:
      clockify_json_buffer_append_c (out, '{');
      self->value_depth++;
      break;
    case CLOCKIFY_JSON_ARRAY_START:
      clockify_json_buffer_append_c (out, '[');
      self->value_depth++;
      break;
    case CLOCKIFY_JSON_OBJECT_END:
      clockify_json_buffer_append_c (out, '}');
      self->value_depth--;
      break;
    case CLOCKIFY_JSON_ARRAY_END:
      clockify_json_buffer_append_c (out, ']');
      self->value_depth--;
      break;
    case CLOCKIFY_JSON_KEY:
      _clockify_entry_stream_buffer_append_json (out, self->lexer.text, self->lexer.text_len);
      clockify_json_buffer_append_c (out, ':');
      break;
    case CLOCKIFY_JSON_STRING:
      _clockify_entry_stream_buffer_append_json (out, self->lexer.text, self->lexer.text_len);
      break;
    case CLOCKIFY_JSON_NUMBER:
      clockify_json_buffer_append (out, self->lexer.text, self->lexer.text_len);
      break;
    case CLOCKIFY_JSON_TRUE:
      clockify_json_buffer_append (out, "true", 4);
      break;
    case CLOCKIFY_JSON_FALSE:
      clockify_json_buffer_append (out, "false", 5);
      break;
    case CLOCKIFY_JSON_NULL:
      clockify_json_buffer_append (out, "null", 4);
      break;
    default:
      g_assert_not_reached ();
    }

  if (G_UNLIKELY (self->custom_fields.len + out->len > self->max_string))
    {
      g_autofree char *path = _clockify_entry_stream_member_path (self, KEY_VALUE);

      return _clockify_entry_stream_fail (self, "“%s” makes the custom fields longer than %"
                                          G_GSIZE_FORMAT " bytes", path, self->max_string);
    }

  return _clockify_entry_stream_check_size (self, 0);
}

gboolean
_clockify_entry_stream_end_custom_field (ClockifyEntryStream *self,
                                         guint                index)
{
  ClockifyJsonBuffer *out = &self->custom_fields;
  gssize id = self->slots[SLOT_FIELD_ID];
  gssize name = self->slots[SLOT_FIELD_NAME];

  /* Reports do not document this shape; take `id` when that is all there is. */
  if (id < 0)
    id = self->slots[SLOT_FIELD_OTHER_ID];
  if (id < 0)
    {
      const Frame *array = &self->frames[self->n_frames - 2];

      return _clockify_entry_stream_fail (self, "“%s[%u].customFieldId” is missing",
                                          _clockify_entry_keys[array->which], index);
    }

  if (out->len > 1)
    clockify_json_buffer_append_c (out, ',');
  clockify_json_buffer_append (out, "{\"customFieldId\":", 17);
  _clockify_entry_stream_buffer_append_json (out, self->arena.data + id,
                                             strlen (self->arena.data + id));
  if (name >= 0)
    {
      clockify_json_buffer_append (out, ",\"name\":", 8);
      _clockify_entry_stream_buffer_append_json (out, self->arena.data + name,
                                                 strlen (self->arena.data + name));
    }
  clockify_json_buffer_append (out, ",\"value\":", 9);
  if (self->field_has_value)
    clockify_json_buffer_append (out, self->field_value.data, self->field_value.len);
  else
    clockify_json_buffer_append (out, "null", 4);
  clockify_json_buffer_append_c (out, '}');
  self->field_value.len = 0;

  if (G_UNLIKELY (out->len + 1 > self->max_string))
    return _clockify_entry_stream_fail (self, "custom fields longer than %" G_GSIZE_FORMAT " bytes",
                                        self->max_string);
  return _clockify_entry_stream_check_size (self, 0);
}

gboolean
_clockify_entry_stream_emit_entry (ClockifyEntryStream *self)
{
  const char *arena = self->arena.data;
  ClockifyEntryRecord record;
  const OffsetList *ids;
  Slot id_slot;
  Slot fallback_slot;
  gsize n_pointers;
  const char **pointers;
  GError *local_error = NULL;

  id_slot = self->format == CLOCKIFY_ENTRY_STREAM_REPORT ? SLOT_UNDERSCORE_ID : SLOT_ID;
  fallback_slot = id_slot == SLOT_ID ? SLOT_UNDERSCORE_ID : SLOT_ID;
  if (self->slots[id_slot] < 0 && self->slots[fallback_slot] >= 0)
    id_slot = fallback_slot;
  if (self->slots[id_slot] < 0 || arena[self->slots[id_slot]] == '\0')
    return _clockify_entry_stream_fail (self, "“%s” is %s", id_slot == SLOT_ID ? "id" : "_id",
                                        self->slots[id_slot] < 0 ? "missing" : "empty");

  if (!self->has_start)
    return _clockify_entry_stream_fail (self, "“timeInterval.start” is missing");

  if (self->has_end && !self->has_duration)
    {
      if (self->end_usec < self->start_usec)
        return _clockify_entry_stream_fail (self,
                                            "“timeInterval.end” is before “timeInterval.start”");
      self->duration = (self->end_usec - self->start_usec) / G_USEC_PER_SEC;
    }

  ids = self->has_tag_ids ? &self->tag_ids : &self->tag_ids_from_tags;
  n_pointers = ids->n + self->tag_names.n + 2;
  if (n_pointers > self->n_pointers)
    {
      self->n_pointers = MAX (n_pointers, 2 * self->n_pointers);
      self->pointers = g_renew (const char *, self->pointers, self->n_pointers);
    }
  pointers = self->pointers;
  for (guint i = 0; i < ids->n; i++)
    pointers[i] = arena + ids->offsets[i];
  pointers[ids->n] = NULL;
  for (guint i = 0; i < self->tag_names.n; i++)
    pointers[ids->n + 1 + i] = arena + self->tag_names.offsets[i];
  pointers[ids->n + 1 + self->tag_names.n] = NULL;

#define SLOT_STRING(slot) (self->slots[slot] >= 0 ? arena + self->slots[slot] : NULL)
#define EITHER(slot, nested) \
  (self->slots[slot] >= 0 ? arena + self->slots[slot] : SLOT_STRING (nested))
  record = (ClockifyEntryRecord) {
    .id = arena + self->slots[id_slot],
    .description = SLOT_STRING (SLOT_DESCRIPTION),
    .user_id = SLOT_STRING (SLOT_USER_ID),
    .user_name = EITHER (SLOT_USER_NAME, SLOT_NESTED_USER_NAME),
    .user_email = EITHER (SLOT_USER_EMAIL, SLOT_NESTED_USER_EMAIL),
    .project_id = SLOT_STRING (SLOT_PROJECT_ID),
    .project_name = EITHER (SLOT_PROJECT_NAME, SLOT_NESTED_PROJECT_NAME),
    .client_id = EITHER (SLOT_CLIENT_ID, SLOT_NESTED_CLIENT_ID),
    .client_name = EITHER (SLOT_CLIENT_NAME, SLOT_NESTED_CLIENT_NAME),
    .task_id = SLOT_STRING (SLOT_TASK_ID),
    .task_name = EITHER (SLOT_TASK_NAME, SLOT_NESTED_TASK_NAME),
    .tag_ids = pointers,
    .n_tag_ids = ids->n,
    .tag_names = pointers + ids->n + 1,
    .n_tag_names = self->tag_names.n,
    .billable = self->billable,
    .start_usec = self->start_usec,
    .end_usec = self->has_end ? self->end_usec : CLOCKIFY_ENTRY_RUNNING,
    .duration_seconds = self->has_end ? self->duration : -1,
    .has_hourly_rate = self->hourly_source != HOURLY_NONE,
    .hourly_rate = self->hourly_source != HOURLY_NONE ? self->hourly_rate : 0,
    .hourly_rate_currency = self->slots[SLOT_HOURLY_CURRENCY] >= 0
                            ? arena + self->slots[SLOT_HOURLY_CURRENCY]
                            : SLOT_STRING (SLOT_CURRENCY),
    .has_cost_rate = self->has_cost_rate,
    .cost_rate = self->has_cost_rate ? self->cost_rate : 0,
    .cost_rate_currency = self->slots[SLOT_COST_CURRENCY] >= 0
                          ? arena + self->slots[SLOT_COST_CURRENCY]
                          : SLOT_STRING (SLOT_CURRENCY),
    .custom_fields_json = self->has_custom_fields ? clockify_json_buffer_terminate (&self->custom_fields) : NULL,
  };
#undef EITHER
#undef SLOT_STRING

  if (!self->func (&record, self->user_data, &local_error))
    {
      g_clear_error (&self->error);
      if (local_error != NULL)
        self->error = local_error;
      else
        self->error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                   "Time entry %u was refused without a reason", self->n_entries);
      return FALSE;
    }

  g_clear_error (&local_error);
  self->n_entries++;
  return TRUE;
}
