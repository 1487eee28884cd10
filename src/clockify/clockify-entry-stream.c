/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-entry-stream"

#include "config.h"

#include "clockify-entry-stream.h"

#include "clockify-entry-stream-private.h"
#include "clockify-error.h"

/*
 * The bulk path: pages of time entries go from the socket through the
 * lexer into one reused record, without a tree (PERFORMANCE.md). Each
 * token is handled against a small stack of frames for the parts of the
 * document we know; members we do not know are skipped by counting
 * brackets, with the lexer told not to copy their text. The strings of the
 * entry being read are copied into one arena that is reused for the next
 * entry, so the steady state does not allocate.
 */

const char * const _clockify_entry_keys[] = {
  "?", "id", "_id", "end", "name", "rate", "tags", "task", "user", "email", "start",
  "value", "amount", "taskId", "tagIds", "userId", "project", "billable", "clientId",
  "costRate", "currency", "duration", "taskName", "userName", "projectId", "userEmail",
  "clientName", "earnedRate", "hourlyRate", "description", "projectName", "timeentries",
  "timeEntries", "timeInterval", "customFields", "customFieldId", "customFieldValues",
};

G_STATIC_ASSERT (G_N_ELEMENTS (_clockify_entry_keys) == KEY_CUSTOM_FIELD_VALUES + 1);

static Key
lookup_key (const char *text,
            gsize       length)
{
#define TRY(key) if (memcmp (text, _clockify_entry_keys[key], length) == 0) return key
  switch (length)
    {
    case 2:
      TRY (KEY_ID);
      break;
    case 3:
      TRY (KEY_UNDERSCORE_ID);
      TRY (KEY_END);
      break;
    case 4:
      TRY (KEY_NAME);
      TRY (KEY_RATE);
      TRY (KEY_TAGS);
      TRY (KEY_TASK);
      TRY (KEY_USER);
      break;
    case 5:
      TRY (KEY_EMAIL);
      TRY (KEY_START);
      TRY (KEY_VALUE);
      break;
    case 6:
      TRY (KEY_AMOUNT);
      TRY (KEY_TASK_ID);
      TRY (KEY_TAG_IDS);
      TRY (KEY_USER_ID);
      break;
    case 7:
      TRY (KEY_PROJECT);
      break;
    case 8:
      TRY (KEY_BILLABLE);
      TRY (KEY_CLIENT_ID);
      TRY (KEY_COST_RATE);
      TRY (KEY_CURRENCY);
      TRY (KEY_DURATION);
      TRY (KEY_TASK_NAME);
      TRY (KEY_USER_NAME);
      break;
    case 9:
      TRY (KEY_PROJECT_ID);
      TRY (KEY_USER_EMAIL);
      break;
    case 10:
      TRY (KEY_CLIENT_NAME);
      TRY (KEY_EARNED_RATE);
      TRY (KEY_HOURLY_RATE);
      break;
    case 11:
      TRY (KEY_DESCRIPTION);
      TRY (KEY_PROJECT_NAME);
      TRY (KEY_TIMEENTRIES);
      TRY (KEY_TIME_ENTRIES);
      break;
    case 12:
      TRY (KEY_TIME_INTERVAL);
      TRY (KEY_CUSTOM_FIELDS);
      break;
    case 13:
      TRY (KEY_CUSTOM_FIELD_ID);
      break;
    case 17:
      TRY (KEY_CUSTOM_FIELD_VALUES);
      break;
    default:
      break;
    }
#undef TRY

  return KEY_UNKNOWN;
}

static const char *
describe_token (ClockifyJsonToken token)
{
  switch (token)
    {
    case CLOCKIFY_JSON_OBJECT_START:
      return "an object";
    case CLOCKIFY_JSON_ARRAY_START:
      return "an array";
    case CLOCKIFY_JSON_STRING:
      return "a string";
    case CLOCKIFY_JSON_NUMBER:
      return "a number";
    case CLOCKIFY_JSON_TRUE:
    case CLOCKIFY_JSON_FALSE:
      return "a boolean";
    case CLOCKIFY_JSON_NULL:
      return "null";
    default:
      return "something else";
    }
}

static gboolean
in_entry (ClockifyEntryStream *self)
{
  for (guint i = 0; i < self->n_frames; i++)
    if (self->frames[i].kind == FRAME_ENTRY)
      return TRUE;
  return FALSE;
}

gboolean G_GNUC_PRINTF (2, 3)
_clockify_entry_stream_fail (ClockifyEntryStream *self,
                             const char          *format,
                             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_clear_error (&self->error);
  if (in_entry (self))
    g_set_error (&self->error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
                 "Time entry %u: %s", self->n_entries, message);
  else
    g_set_error_literal (&self->error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
                         message);
  return FALSE;
}

/* The path of @key in the innermost frame, e.g. "timeInterval.start",
 * "tags[2].id", "tagIds[3]" (@key is ignored in arrays). */
char *
_clockify_entry_stream_member_path (ClockifyEntryStream *self,
                                    Key                  key)
{
  const Frame *frame = &self->frames[self->n_frames - 1];
  const char *name = _clockify_entry_keys[key];

  switch (frame->kind)
    {
    case FRAME_INTERVAL:
      return g_strconcat ("timeInterval.", name, NULL);
    case FRAME_RATE:
      return g_strconcat (frame->which == RATE_COST ? "costRate." : "hourlyRate.", name, NULL);
    case FRAME_PROJECT:
      return g_strconcat ("project.", name, NULL);
    case FRAME_TASK:
      return g_strconcat ("task.", name, NULL);
    case FRAME_USER:
      return g_strconcat ("user.", name, NULL);
    case FRAME_TAG_IDS:
      return g_strdup_printf ("tagIds[%u]", frame->index);
    case FRAME_TAGS:
      return g_strdup_printf ("tags[%u]", frame->index);
    case FRAME_TAG:
      return g_strdup_printf ("tags[%u].%s", frame->index, name);
    case FRAME_CUSTOM_FIELDS:
      return g_strdup_printf ("%s[%u]", _clockify_entry_keys[frame->which], frame->index);
    case FRAME_CUSTOM_FIELD:
      return g_strdup_printf ("%s[%u].%s",
                              _clockify_entry_keys[self->frames[self->n_frames - 2].which],
                              frame->index, name);
    default:
      return g_strdup (name);
    }
}

gboolean
_clockify_entry_stream_wrong_type (ClockifyEntryStream *self,
                                   const char          *expected,
                                   ClockifyJsonToken    found)
{
  g_autofree char *path = _clockify_entry_stream_member_path (self, self->key);

  return _clockify_entry_stream_fail (self, "“%s” is not %s (found %s)", path, expected,
                                      describe_token (found));
}

static gboolean
push (ClockifyEntryStream *self,
      FrameKind            kind,
      guint8               which,
      guint                index)
{
  g_assert (self->n_frames < MAX_FRAMES);

  self->frames[self->n_frames++] = (Frame) { kind, which, index };
  return TRUE;
}

static gboolean
skip_value (ClockifyEntryStream *self,
            ClockifyJsonToken    token)
{
  if (token == CLOCKIFY_JSON_OBJECT_START || token == CLOCKIFY_JSON_ARRAY_START)
    {
      self->skip_depth = 1;
      self->lexer.capture = FALSE;
    }
  return TRUE;
}

static gboolean
value_in_entry (ClockifyEntryStream *self,
                ClockifyJsonToken    token)
{
  switch (self->key)
    {
    case KEY_ID:
      return _clockify_entry_stream_read_string (self, token, SLOT_ID);
    case KEY_UNDERSCORE_ID:
      return _clockify_entry_stream_read_string (self, token, SLOT_UNDERSCORE_ID);
    case KEY_DESCRIPTION:
      return _clockify_entry_stream_read_string (self, token, SLOT_DESCRIPTION);
    case KEY_USER_ID:
      return _clockify_entry_stream_read_string (self, token, SLOT_USER_ID);
    case KEY_USER_NAME:
      return _clockify_entry_stream_read_string (self, token, SLOT_USER_NAME);
    case KEY_USER_EMAIL:
      return _clockify_entry_stream_read_string (self, token, SLOT_USER_EMAIL);
    case KEY_PROJECT_ID:
      return _clockify_entry_stream_read_string (self, token, SLOT_PROJECT_ID);
    case KEY_PROJECT_NAME:
      return _clockify_entry_stream_read_string (self, token, SLOT_PROJECT_NAME);
    case KEY_CLIENT_ID:
      return _clockify_entry_stream_read_string (self, token, SLOT_CLIENT_ID);
    case KEY_CLIENT_NAME:
      return _clockify_entry_stream_read_string (self, token, SLOT_CLIENT_NAME);
    case KEY_TASK_ID:
      return _clockify_entry_stream_read_string (self, token, SLOT_TASK_ID);
    case KEY_TASK_NAME:
      return _clockify_entry_stream_read_string (self, token, SLOT_TASK_NAME);
    case KEY_CURRENCY:
      return _clockify_entry_stream_read_string (self, token, SLOT_CURRENCY);

    case KEY_BILLABLE:
      if (token != CLOCKIFY_JSON_TRUE && token != CLOCKIFY_JSON_FALSE
          && token != CLOCKIFY_JSON_NULL)
        return _clockify_entry_stream_wrong_type (self, "a boolean", token);
      self->billable = token == CLOCKIFY_JSON_TRUE;
      return TRUE;

    case KEY_TIME_INTERVAL:
    case KEY_PROJECT:
    case KEY_TASK:
    case KEY_USER:
      if (self->key == KEY_TIME_INTERVAL)
        {
          /* A repeated member replaces the earlier one, as in json-glib. */
          self->has_start = FALSE;
          self->has_end = FALSE;
          self->has_duration = FALSE;
        }
      if (token == CLOCKIFY_JSON_NULL)
        return TRUE;
      if (token != CLOCKIFY_JSON_OBJECT_START)
        return _clockify_entry_stream_wrong_type (self, "an object", token);
      return push (self,
                   self->key == KEY_TIME_INTERVAL ? FRAME_INTERVAL
                   : self->key == KEY_PROJECT ? FRAME_PROJECT
                   : self->key == KEY_TASK ? FRAME_TASK
                   : FRAME_USER,
                   0, 0);

    case KEY_HOURLY_RATE:
    case KEY_COST_RATE:
      if (token == CLOCKIFY_JSON_OBJECT_START)
        return push (self, FRAME_RATE, self->key == KEY_COST_RATE ? RATE_COST : RATE_HOURLY, 0);
      if (token == CLOCKIFY_JSON_NULL)
        return TRUE;
      if (token != CLOCKIFY_JSON_NUMBER)
        return _clockify_entry_stream_wrong_type (self, "a rate", token);
      if (self->key == KEY_COST_RATE)
        {
          self->has_cost_rate = TRUE;
          return _clockify_entry_stream_read_money (self, token, &self->cost_rate);
        }
      self->hourly_source = HOURLY_OBJECT;
      return _clockify_entry_stream_read_money (self, token, &self->hourly_rate);

    case KEY_RATE:
    case KEY_EARNED_RATE:
      {
        guint8 source = self->key == KEY_RATE ? HOURLY_RATE : HOURLY_EARNED_RATE;
        gint64 amount;

        if (token == CLOCKIFY_JSON_NULL)
          return TRUE;
        if (!_clockify_entry_stream_read_money (self, token, &amount))
          return FALSE;
        if (source >= self->hourly_source)
          {
            self->hourly_source = source;
            self->hourly_rate = amount;
          }
        return TRUE;
      }

    case KEY_TAG_IDS:
    case KEY_TAGS:
      if (token != CLOCKIFY_JSON_ARRAY_START && token != CLOCKIFY_JSON_NULL)
        return _clockify_entry_stream_wrong_type (self, "an array", token);
      if (self->key == KEY_TAG_IDS)
        {
          self->has_tag_ids = token != CLOCKIFY_JSON_NULL;
          self->tag_ids.n = 0;
        }
      else
        {
          self->tag_ids_from_tags.n = 0;
          self->tag_names.n = 0;
        }
      if (token == CLOCKIFY_JSON_NULL)
        return TRUE;
      return push (self, self->key == KEY_TAG_IDS ? FRAME_TAG_IDS : FRAME_TAGS, 0, 0);

    case KEY_CUSTOM_FIELD_VALUES:
    case KEY_CUSTOM_FIELDS:
      if (token == CLOCKIFY_JSON_NULL)
        return TRUE;
      if (token != CLOCKIFY_JSON_ARRAY_START)
        return _clockify_entry_stream_wrong_type (self, "an array", token);
      /* Both spellings are read, as the models do; Clockify sends one. */
      if (self->has_custom_fields)
        self->custom_fields.len--;
      else
        clockify_json_buffer_append_c (&self->custom_fields, '[');
      self->has_custom_fields = TRUE;
      return push (self, FRAME_CUSTOM_FIELDS, self->key, 0);

    default:
      return skip_value (self, token);
    }
}

static gboolean
handle_value (ClockifyEntryStream *self,
              ClockifyJsonToken    token)
{
  Frame *frame;

  if (self->n_frames == 0)
    {
      if (self->format == CLOCKIFY_ENTRY_STREAM_MAIN)
        {
          if (token != CLOCKIFY_JSON_ARRAY_START)
            return _clockify_entry_stream_fail (self, "Expected an array of time entries, found %s",
                                                describe_token (token));
          return push (self, FRAME_ROOT, 0, 0);
        }
      if (token != CLOCKIFY_JSON_OBJECT_START)
        return _clockify_entry_stream_fail (self, "Expected a detailed report object, found %s",
                                            describe_token (token));
      return push (self, FRAME_REPORT, 0, 0);
    }

  frame = &self->frames[self->n_frames - 1];

  switch ((FrameKind) frame->kind)
    {
    case FRAME_ROOT:
    case FRAME_ENTRIES:
      if (token != CLOCKIFY_JSON_OBJECT_START)
        return _clockify_entry_stream_fail (self, "Time entry %u is not an object (found %s)",
                                            self->n_entries, describe_token (token));
      _clockify_entry_stream_begin_entry (self);
      return push (self, FRAME_ENTRY, 0, 0);

    case FRAME_REPORT:
      if (self->key != KEY_TIMEENTRIES && self->key != KEY_TIME_ENTRIES)
        return skip_value (self, token);
      if (token != CLOCKIFY_JSON_ARRAY_START)
        return _clockify_entry_stream_fail (self, "“%s” is not an array (found %s)",
                                            _clockify_entry_keys[self->key],
                                            describe_token (token));
      self->seen_entries = TRUE;
      return push (self, FRAME_ENTRIES, 0, 0);

    case FRAME_ENTRY:
      return value_in_entry (self, token);

    case FRAME_INTERVAL:
      switch (self->key)
        {
        case KEY_START:
          return _clockify_entry_stream_read_timestamp (self, token,
                                                        &self->has_start, &self->start_usec);
        case KEY_END:
          return _clockify_entry_stream_read_timestamp (self, token,
                                                        &self->has_end, &self->end_usec);
        case KEY_DURATION:
          return _clockify_entry_stream_read_duration (self, token);
        default:
          return skip_value (self, token);
        }

    case FRAME_RATE:
      if (self->key == KEY_CURRENCY)
        return _clockify_entry_stream_read_string (self, token,
                                                   frame->which == RATE_COST
                                                   ? SLOT_COST_CURRENCY : SLOT_HOURLY_CURRENCY);
      if (self->key != KEY_AMOUNT)
        return skip_value (self, token);
      if (token == CLOCKIFY_JSON_NULL)
        return TRUE;
      if (frame->which == RATE_COST)
        {
          self->has_cost_rate = TRUE;
          return _clockify_entry_stream_read_money (self, token, &self->cost_rate);
        }
      self->hourly_source = HOURLY_OBJECT;
      return _clockify_entry_stream_read_money (self, token, &self->hourly_rate);

    case FRAME_PROJECT:
      if (self->key == KEY_NAME)
        return _clockify_entry_stream_read_string (self, token, SLOT_NESTED_PROJECT_NAME);
      if (self->key == KEY_CLIENT_ID)
        return _clockify_entry_stream_read_string (self, token, SLOT_NESTED_CLIENT_ID);
      if (self->key == KEY_CLIENT_NAME)
        return _clockify_entry_stream_read_string (self, token, SLOT_NESTED_CLIENT_NAME);
      return skip_value (self, token);

    case FRAME_TASK:
      if (self->key == KEY_NAME)
        return _clockify_entry_stream_read_string (self, token, SLOT_NESTED_TASK_NAME);
      return skip_value (self, token);

    case FRAME_USER:
      if (self->key == KEY_NAME)
        return _clockify_entry_stream_read_string (self, token, SLOT_NESTED_USER_NAME);
      if (self->key == KEY_EMAIL)
        return _clockify_entry_stream_read_string (self, token, SLOT_NESTED_USER_EMAIL);
      return skip_value (self, token);

    case FRAME_TAG_IDS:
      if (token == CLOCKIFY_JSON_STRING)
        {
          gssize offset = _clockify_entry_stream_add_string (self);

          if (offset < 0 || !_clockify_entry_stream_check_size (self, 2 * sizeof (gsize)))
            return FALSE;
          offset_list_add (&self->tag_ids, offset);
        }
      else if (token != CLOCKIFY_JSON_NULL)
        {
          return _clockify_entry_stream_wrong_type (self, "a string", token);
        }
      frame->index++;
      return TRUE;

    case FRAME_TAGS:
    case FRAME_CUSTOM_FIELDS:
      if (token == CLOCKIFY_JSON_OBJECT_START)
        {
          guint index = frame->index++;

          if (frame->kind == FRAME_TAGS)
            {
              self->slots[SLOT_TAG_ID] = -1;
              self->slots[SLOT_TAG_NAME] = -1;
              return push (self, FRAME_TAG, 0, index);
            }
          self->slots[SLOT_FIELD_ID] = -1;
          self->slots[SLOT_FIELD_OTHER_ID] = -1;
          self->slots[SLOT_FIELD_NAME] = -1;
          self->field_has_value = FALSE;
          self->field_value.len = 0;
          return push (self, FRAME_CUSTOM_FIELD, 0, index);
        }
      return _clockify_entry_stream_wrong_type (self, "an object", token);

    case FRAME_TAG:
      if (self->key == KEY_ID)
        return _clockify_entry_stream_read_string (self, token, SLOT_TAG_ID);
      if (self->key == KEY_NAME)
        return _clockify_entry_stream_read_string (self, token, SLOT_TAG_NAME);
      return skip_value (self, token);

    case FRAME_CUSTOM_FIELD:
      switch (self->key)
        {
        case KEY_CUSTOM_FIELD_ID:
          return _clockify_entry_stream_read_string (self, token, SLOT_FIELD_ID);
        case KEY_ID:
          return _clockify_entry_stream_read_string (self, token, SLOT_FIELD_OTHER_ID);
        case KEY_NAME:
          return _clockify_entry_stream_read_string (self, token, SLOT_FIELD_NAME);
        case KEY_VALUE:
          self->field_has_value = TRUE;
          self->field_value.len = 0;
          return _clockify_entry_stream_write_value (self, token);
        default:
          return skip_value (self, token);
        }

    default:
      g_assert_not_reached ();
    }
}

static gboolean
end_object (ClockifyEntryStream *self)
{
  Frame *frame = &self->frames[--self->n_frames];

  switch ((FrameKind) frame->kind)
    {
    case FRAME_ENTRY:
      /* Counted as inside the entry for error messages. */
      self->n_frames++;
      if (!_clockify_entry_stream_emit_entry (self))
        return FALSE;
      self->n_frames--;
      return TRUE;

    case FRAME_TAG:
      if (self->slots[SLOT_TAG_ID] >= 0)
        offset_list_add (&self->tag_ids_from_tags, self->slots[SLOT_TAG_ID]);
      if (self->slots[SLOT_TAG_NAME] < 0)
        {
          self->slots[SLOT_TAG_NAME] = self->arena.len;
          clockify_json_buffer_append_c (&self->arena, '\0');
        }
      offset_list_add (&self->tag_names, self->slots[SLOT_TAG_NAME]);
      return _clockify_entry_stream_check_size (self, 0);

    case FRAME_CUSTOM_FIELD:
      self->n_frames++;
      if (!_clockify_entry_stream_end_custom_field (self, frame->index))
        return FALSE;
      self->n_frames--;
      return TRUE;

    default:
      return TRUE;
    }
}

static gboolean
handle_token (ClockifyEntryStream *self,
              ClockifyJsonToken    token)
{
  if (self->skip_depth > 0)
    {
      if (token == CLOCKIFY_JSON_OBJECT_START || token == CLOCKIFY_JSON_ARRAY_START)
        self->skip_depth++;
      else if ((token == CLOCKIFY_JSON_OBJECT_END || token == CLOCKIFY_JSON_ARRAY_END)
               && --self->skip_depth == 0)
        self->lexer.capture = TRUE;
      return TRUE;
    }

  if (self->value_depth > 0)
    return _clockify_entry_stream_write_value (self, token);

  self->lexer.capture = TRUE;

  switch (token)
    {
    case CLOCKIFY_JSON_KEY:
      self->key = lookup_key (self->lexer.text, self->lexer.text_len);
      self->lexer.capture = self->key != KEY_UNKNOWN;
      return TRUE;

    case CLOCKIFY_JSON_OBJECT_END:
      return end_object (self);

    case CLOCKIFY_JSON_ARRAY_END:
      self->n_frames--;
      if (self->frames[self->n_frames].kind == FRAME_CUSTOM_FIELDS)
        clockify_json_buffer_append_c (&self->custom_fields, ']');
      return TRUE;

    default:
      return handle_value (self, token);
    }
}

static gboolean
take_error (ClockifyEntryStream  *self,
            GError              **error)
{
  if (self->error == NULL)
    self->error = g_error_copy (clockify_json_lexer_get_error (&self->lexer));
  if (error != NULL)
    *error = g_error_copy (self->error);
  return FALSE;
}

static gboolean
pump (ClockifyEntryStream  *self,
      GError              **error)
{
  for (;;)
    {
      ClockifyJsonToken token = clockify_json_lexer_next (&self->lexer);

      switch (token)
        {
        case CLOCKIFY_JSON_NEED_INPUT:
        case CLOCKIFY_JSON_END:
          return TRUE;
        case CLOCKIFY_JSON_ERROR:
          return take_error (self, error);
        default:
          if (G_UNLIKELY (!handle_token (self, token)))
            return take_error (self, error);
          break;
        }
    }
}

/**
 * clockify_entry_stream_new:
 * @format: the shape of the document
 * @func: called for each time entry, in document order, from within
 *   clockify_entry_stream_feed() and clockify_entry_stream_finish()
 * @user_data: for @func
 *
 * Creates a parser for one page of time entries. Feed the page's bytes as
 * they arrive with clockify_entry_stream_feed(), then call
 * clockify_entry_stream_finish(). How the bytes are split does not change
 * the result.
 *
 * Returns: (transfer full): a new stream parser
 */
ClockifyEntryStream *
clockify_entry_stream_new (ClockifyEntryStreamFormat format,
                           ClockifyEntryFunc         func,
                           gpointer                  user_data)
{
  ClockifyEntryStream *self;

  g_return_val_if_fail (format == CLOCKIFY_ENTRY_STREAM_MAIN
                        || format == CLOCKIFY_ENTRY_STREAM_REPORT, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (ClockifyEntryStream, 1);
  self->format = format;
  self->func = func;
  self->user_data = user_data;
  clockify_json_lexer_init (&self->lexer);
  self->max_string = CLOCKIFY_JSON_DEFAULT_MAX_STRING;
  self->max_entry = 8 * self->max_string;
  memset (self->slots, 0xff, sizeof self->slots);

  return self;
}

/**
 * clockify_entry_stream_set_max_depth:
 * @self: a stream parser that has not been fed yet
 * @max_depth: how deep containers may nest, 1 to 4096 (default 64)
 *
 * Deeper documents are refused with %CLOCKIFY_ERROR_INVALID_RESPONSE.
 */
void
clockify_entry_stream_set_max_depth (ClockifyEntryStream *self,
                                     guint                max_depth)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->started);
  g_return_if_fail (max_depth >= 1 && max_depth <= CLOCKIFY_JSON_MAX_MAX_DEPTH);

  clockify_json_lexer_set_limits (&self->lexer, max_depth, self->max_string);
}

/**
 * clockify_entry_stream_set_max_string_length:
 * @self: a stream parser that has not been fed yet
 * @max_length: the longest string, number or custom-field JSON, in bytes
 *   (default 1 MiB)
 *
 * Longer values are refused with %CLOCKIFY_ERROR_INVALID_RESPONSE, as are
 * entries holding more than eight times @max_length of text in all, so
 * hostile input cannot make the parser allocate without bound.
 */
void
clockify_entry_stream_set_max_string_length (ClockifyEntryStream *self,
                                             gsize                max_length)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->started);
  g_return_if_fail (max_length >= 16 && max_length <= G_MAXSIZE / 16);

  self->max_string = max_length;
  self->max_entry = 8 * max_length;
  clockify_json_lexer_set_limits (&self->lexer, self->lexer.max_depth, max_length);
}

/**
 * clockify_entry_stream_feed:
 * @self: a stream parser
 * @data: (array length=length): the next bytes of the document
 * @length: how many
 * @error: return location for an error
 *
 * Parses @data, calling the entry function for every entry completed in
 * it. @data need not hold whole tokens; it is not kept after the call.
 *
 * Returns: %FALSE if the document is malformed or not of the expected shape
 *   (%CLOCKIFY_ERROR_INVALID_RESPONSE, naming the byte offset, or the entry
 *   by its 0-based index and the member: "Time entry 3: “billable” is not a
 *   boolean (found a string)"), or the entry function failed (its error);
 *   the stream then fails every further call with the same error
 */
gboolean
clockify_entry_stream_feed (ClockifyEntryStream  *self,
                            const char           *data,
                            gsize                 length,
                            GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->error != NULL)
    return take_error (self, error);

  self->started = TRUE;
  if (length == 0)
    return TRUE;

  clockify_json_lexer_set_input (&self->lexer, data, length);
  return pump (self, error);
}

/**
 * clockify_entry_stream_finish:
 * @self: a stream parser
 * @out_n_entries: (out) (optional): how many entries the document had
 * @error: return location for an error
 *
 * Ends the document.
 *
 * Returns: %FALSE if the document is incomplete, malformed or not of the
 *   expected shape, or an earlier call failed
 */
gboolean
clockify_entry_stream_finish (ClockifyEntryStream  *self,
                              guint                *out_n_entries,
                              GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->finished = TRUE;

  if (self->error != NULL)
    return take_error (self, error);

  clockify_json_lexer_set_eof (&self->lexer);
  if (!pump (self, error))
    return FALSE;

  if (self->format == CLOCKIFY_ENTRY_STREAM_REPORT && !self->seen_entries)
    {
      _clockify_entry_stream_fail (self, "The detailed report has no “timeentries” member");
      return take_error (self, error);
    }

  if (out_n_entries != NULL)
    *out_n_entries = self->n_entries;
  return TRUE;
}

/**
 * clockify_entry_stream_free:
 * @self: (transfer full) (nullable): a stream parser
 *
 * Frees the parser, whether or not it finished.
 */
void
clockify_entry_stream_free (ClockifyEntryStream *self)
{
  if (self == NULL)
    return;

  clockify_json_lexer_clear (&self->lexer);
  g_clear_error (&self->error);
  g_free (self->arena.data);
  g_free (self->tag_ids.offsets);
  g_free (self->tag_ids_from_tags.offsets);
  g_free (self->tag_names.offsets);
  g_free (self->custom_fields.data);
  g_free (self->field_value.data);
  g_free (self->pointers);
  g_free (self);
}
