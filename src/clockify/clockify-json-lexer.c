/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-json-lexer"

#include "config.h"

#include "clockify-json-lexer.h"

#include <string.h>

#include "clockify-error.h"
#include "clockify-json-lexer-private.h"

/**
 * clockify_json_lexer_init:
 * @self: (out caller-allocates): a lexer
 *
 * Prepares a lexer for one document with the default limits.
 */
void
clockify_json_lexer_init (ClockifyJsonLexer *self)
{
  memset (self, 0, sizeof *self);
  self->capture = TRUE;
  self->grammar = GRAMMAR_VALUE;
  self->max_depth = CLOCKIFY_JSON_DEFAULT_MAX_DEPTH;
  self->max_string = CLOCKIFY_JSON_DEFAULT_MAX_STRING;
  self->stack = g_malloc (self->max_depth);
}

/**
 * clockify_json_lexer_clear:
 * @self: a lexer
 *
 * Frees what the lexer holds.
 */
void
clockify_json_lexer_clear (ClockifyJsonLexer *self)
{
  g_clear_pointer (&self->stack, g_free);
  g_clear_pointer (&self->buf.data, g_free);
  g_clear_error (&self->error);
}

/**
 * clockify_json_lexer_set_limits:
 * @self: a lexer that has not read anything yet
 * @max_depth: containers that may nest, 1 to %CLOCKIFY_JSON_MAX_MAX_DEPTH
 * @max_string: longest string or number, in bytes
 */
void
clockify_json_lexer_set_limits (ClockifyJsonLexer *self,
                                guint              max_depth,
                                gsize              max_string)
{
  g_return_if_fail (self->depth == 0 && self->input_offset == 0 && self->p == NULL);
  g_return_if_fail (max_depth >= 1 && max_depth <= CLOCKIFY_JSON_MAX_MAX_DEPTH);
  g_return_if_fail (max_string >= 1 && max_string < G_MAXSIZE / 2);

  self->max_depth = max_depth;
  self->max_string = max_string;
  self->stack = g_realloc (self->stack, max_depth);
}

/**
 * clockify_json_lexer_set_input:
 * @self: a lexer that returned %CLOCKIFY_JSON_NEED_INPUT (or a new one)
 * @data: the next bytes of the document, kept by the caller until the
 *   lexer asks for more
 * @length: their length
 */
void
clockify_json_lexer_set_input (ClockifyJsonLexer *self,
                               const char        *data,
                               gsize              length)
{
  g_return_if_fail (self->p == self->end);
  g_return_if_fail (!self->eof);

  self->input_offset += (guint64) (self->end - self->input_start);
  self->input_start = (const guchar *) data;
  self->p = self->input_start;
  self->end = self->p + length;
  self->segment = self->p;
}

/**
 * clockify_json_lexer_set_eof:
 * @self: a lexer that returned %CLOCKIFY_JSON_NEED_INPUT
 *
 * Says the document has no more input.
 */
void
clockify_json_lexer_set_eof (ClockifyJsonLexer *self)
{
  self->eof = TRUE;
}

/**
 * clockify_json_lexer_get_error:
 * @self: a lexer that returned %CLOCKIFY_JSON_ERROR
 *
 * Returns: (transfer none): why the document is malformed
 *   (%CLOCKIFY_ERROR_INVALID_RESPONSE, with the byte offset)
 */
const GError *
clockify_json_lexer_get_error (ClockifyJsonLexer *self)
{
  return self->error;
}

ClockifyJsonToken G_GNUC_PRINTF (3, 4)
_clockify_json_lexer_fail (ClockifyJsonLexer *self,
                           const guchar      *at,
                           const char        *format,
                           ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_clear_error (&self->error);
  g_set_error (&self->error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
               "Malformed JSON at byte %" G_GUINT64_FORMAT ": %s",
               self->input_offset + (guint64) (at - self->input_start), reason);
  self->p = self->end;
  return CLOCKIFY_JSON_ERROR;
}

static ClockifyJsonToken
fail_unexpected (ClockifyJsonLexer *self,
                 const guchar      *at)
{
  const char *where = self->grammar == GRAMMAR_DONE ? " after the end of the document" : "";

  if (*at > 0x20 && *at < 0x7f)
    return _clockify_json_lexer_fail (self, at, "unexpected “%c”%s", *at, where);
  return _clockify_json_lexer_fail (self, at, "unexpected byte 0x%02x%s", *at, where);
}

/**
 * clockify_json_buffer_grow:
 * @buffer: a buffer
 * @extra: bytes about to be appended
 *
 * Makes room for @extra more bytes and a NUL, doubling the allocation.
 */
void
clockify_json_buffer_grow (ClockifyJsonBuffer *buffer,
                           gsize               extra)
{
  /* Callers bound what they append (max_string, the entry size limit). */
  if (buffer->len + extra + 1 > buffer->alloc)
    {
      gsize alloc = MAX (buffer->alloc * 2, 256);

      while (alloc < buffer->len + extra + 1)
        alloc *= 2;
      buffer->data = g_realloc (buffer->data, alloc);
      buffer->alloc = alloc;
    }
}

/*
 * The length limit is checked byte by byte in effect: the error names the
 * first byte past the limit, and comes before any error about a later
 * byte. So where a document is split never changes which error it gets.
 */
gboolean
_clockify_json_lexer_too_long (ClockifyJsonLexer *self,
                               const guchar      *at)
{
  _clockify_json_lexer_fail (self, at, "a string or number longer than %" G_GSIZE_FORMAT " bytes",
                             self->max_string);
  return FALSE;
}

/* Moves the token's bytes read so far from the input into the buffer. */
gboolean
_clockify_json_lexer_flush_segment (ClockifyJsonLexer *self,
                                    const guchar      *p)
{
  gsize length = (gsize) (p - self->segment);

  if (!within_limit (self, p))
    return FALSE;
  self->token_len += length;
  if (self->token_capture && length > 0)
    clockify_json_buffer_append (&self->buf, (const char *) self->segment, length);

  self->buffered = TRUE;
  self->segment = p;
  return TRUE;
}

static ClockifyJsonToken
number_fail (ClockifyJsonLexer *self,
             const guchar      *p,
             const char        *reason)
{
  if (!within_limit (self, p))
    return CLOCKIFY_JSON_ERROR;
  return _clockify_json_lexer_fail (self, p, "%s", reason);
}

static ClockifyJsonToken
number_done (ClockifyJsonLexer *self,
             const guchar      *p)
{
  if (!within_limit (self, p))
    return CLOCKIFY_JSON_ERROR;

  switch (self->substate)
    {
    case NUMBER_ZERO:
    case NUMBER_INT:
      self->number_is_integer = TRUE;
      break;
    case NUMBER_FRACTION:
    case NUMBER_EXP_DIGITS:
      self->number_is_integer = FALSE;
      break;
    default:
      if (p == self->end)
        return _clockify_json_lexer_fail (self, p, "unexpected end of data in a number");
      return _clockify_json_lexer_fail (self, p, "invalid number");
    }

  if (!take_text (self, p))
    return CLOCKIFY_JSON_ERROR;

  self->p = p;
  value_done (self);
  return CLOCKIFY_JSON_NUMBER;
}

static ClockifyJsonToken
scan_number (ClockifyJsonLexer *self)
{
  const guchar *p = self->p;
  const guchar *end = self->end;
  guint8 state = self->substate;

  for (; p < end; p++)
    {
      guchar c = *p;
      gboolean digit = c >= '0' && c <= '9';

      switch (state)
        {
        case NUMBER_MINUS:
          if (c == '0')
            state = NUMBER_ZERO;
          else if (digit)
            state = NUMBER_INT;
          else
            return number_fail (self, p, "invalid number");
          break;

        case NUMBER_ZERO:
          if (digit)
            return number_fail (self, p, "leading zero in a number");
          G_GNUC_FALLTHROUGH;
        case NUMBER_INT:
          if (digit)
            break;
          if (c == '.')
            state = NUMBER_DOT;
          else if (c == 'e' || c == 'E')
            state = NUMBER_EXP;
          else
            goto done;
          break;

        case NUMBER_DOT:
          if (!digit)
            return number_fail (self, p, "invalid number");
          state = NUMBER_FRACTION;
          break;

        case NUMBER_FRACTION:
          if (digit)
            break;
          if (c == 'e' || c == 'E')
            state = NUMBER_EXP;
          else
            goto done;
          break;

        case NUMBER_EXP:
          if (c == '+' || c == '-')
            state = NUMBER_EXP_SIGN;
          else if (digit)
            state = NUMBER_EXP_DIGITS;
          else
            return number_fail (self, p, "invalid number");
          break;

        case NUMBER_EXP_SIGN:
          if (!digit)
            return number_fail (self, p, "invalid number");
          state = NUMBER_EXP_DIGITS;
          break;

        case NUMBER_EXP_DIGITS:
          if (!digit)
            goto done;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  self->substate = state;
  if (self->eof)
    return number_done (self, p);
  if (!_clockify_json_lexer_flush_segment (self, p))
    return CLOCKIFY_JSON_ERROR;
  self->p = p;
  return CLOCKIFY_JSON_NEED_INPUT;

done:
  self->substate = state;
  return number_done (self, p);
}

static ClockifyJsonToken
scan_literal (ClockifyJsonLexer *self)
{
  const guchar *p = self->p;

  while (self->literal[self->literal_pos] != '\0')
    {
      if (p == self->end)
        {
          if (self->eof)
            return _clockify_json_lexer_fail (self, p, "unexpected end of data");
          self->p = p;
          return CLOCKIFY_JSON_NEED_INPUT;
        }
      if (*p != (guchar) self->literal[self->literal_pos])
        return _clockify_json_lexer_fail (self, p, "invalid literal");
      p++;
      self->literal_pos++;
    }

  self->p = p;
  self->token = TOKEN_NONE;
  value_done (self);

  switch (self->literal[0])
    {
    case 't':
      return CLOCKIFY_JSON_TRUE;
    case 'f':
      return CLOCKIFY_JSON_FALSE;
    default:
      return CLOCKIFY_JSON_NULL;
    }
}

static void
start_token (ClockifyJsonLexer *self,
             guint8             token,
             guint8             substate,
             const guchar      *content)
{
  self->token = token;
  self->token_capture = self->capture;
  self->text_has_nul = FALSE;
  self->substate = substate;
  self->buffered = FALSE;
  self->buf.len = 0;
  self->token_len = 0;
  self->high_surrogate = 0;
  self->p = content;
  self->segment = content;
}

/**
 * clockify_json_lexer_next:
 * @self: a lexer
 *
 * Reads the next token.
 *
 * Returns: the token; %CLOCKIFY_JSON_NEED_INPUT when the input is used up,
 *   %CLOCKIFY_JSON_END once after the whole document (only after
 *   clockify_json_lexer_set_eof()), %CLOCKIFY_JSON_ERROR from then on after
 *   an error
 */
ClockifyJsonToken
clockify_json_lexer_next (ClockifyJsonLexer *self)
{
  const guchar *p;

  if (G_UNLIKELY (self->error != NULL))
    return CLOCKIFY_JSON_ERROR;

  switch (self->token)
    {
    case TOKEN_STRING:
      return _clockify_json_lexer_scan_string (self);
    case TOKEN_NUMBER:
      return scan_number (self);
    case TOKEN_LITERAL:
      return scan_literal (self);
    default:
      break;
    }

  p = self->p;

  for (;;)
    {
      guchar c;

      while (p < self->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;

      if (p == self->end)
        {
          self->p = p;
          if (!self->eof)
            return CLOCKIFY_JSON_NEED_INPUT;
          if (self->grammar == GRAMMAR_DONE)
            return CLOCKIFY_JSON_END;
          return _clockify_json_lexer_fail (self, p, "unexpected end of data");
        }

      c = *p;

      switch (c)
        {
        case '{':
        case '[':
          if (self->grammar != GRAMMAR_VALUE && self->grammar != GRAMMAR_VALUE_OR_END)
            return fail_unexpected (self, p);
          if (self->depth == self->max_depth)
            return _clockify_json_lexer_fail (self, p, "containers nested deeper than %u levels",
                                              self->max_depth);
          self->stack[self->depth++] = c == '{';
          self->grammar = c == '{' ? GRAMMAR_KEY_OR_END : GRAMMAR_VALUE_OR_END;
          self->p = p + 1;
          return c == '{' ? CLOCKIFY_JSON_OBJECT_START : CLOCKIFY_JSON_ARRAY_START;

        case '}':
        case ']':
          if ((self->grammar != GRAMMAR_COMMA_OR_END
               && self->grammar != (c == '}' ? GRAMMAR_KEY_OR_END : GRAMMAR_VALUE_OR_END))
              || self->stack[self->depth - 1] != (c == '}'))
            return fail_unexpected (self, p);
          self->depth--;
          value_done (self);
          self->p = p + 1;
          return c == '}' ? CLOCKIFY_JSON_OBJECT_END : CLOCKIFY_JSON_ARRAY_END;

        case ',':
          if (self->grammar != GRAMMAR_COMMA_OR_END)
            return fail_unexpected (self, p);
          self->grammar = self->stack[self->depth - 1] ? GRAMMAR_KEY : GRAMMAR_VALUE;
          p++;
          continue;

        case ':':
          if (self->grammar != GRAMMAR_COLON)
            return fail_unexpected (self, p);
          self->grammar = GRAMMAR_VALUE;
          p++;
          continue;

        case '"':
          if (self->grammar == GRAMMAR_KEY || self->grammar == GRAMMAR_KEY_OR_END)
            self->is_key = TRUE;
          else if (self->grammar == GRAMMAR_VALUE || self->grammar == GRAMMAR_VALUE_OR_END)
            self->is_key = FALSE;
          else
            return fail_unexpected (self, p);
          start_token (self, TOKEN_STRING, STRING_NORMAL, p + 1);
          return _clockify_json_lexer_scan_string (self);

        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          if (self->grammar != GRAMMAR_VALUE && self->grammar != GRAMMAR_VALUE_OR_END)
            return fail_unexpected (self, p);
          start_token (self, TOKEN_NUMBER,
                       c == '-' ? NUMBER_MINUS : c == '0' ? NUMBER_ZERO : NUMBER_INT,
                       p);
          self->p = p + 1;
          return scan_number (self);

        case 't':
        case 'f':
        case 'n':
          if (self->grammar != GRAMMAR_VALUE && self->grammar != GRAMMAR_VALUE_OR_END)
            return fail_unexpected (self, p);
          start_token (self, TOKEN_LITERAL, 0, p + 1);
          self->literal = c == 't' ? "true" : c == 'f' ? "false" : "null";
          self->literal_pos = 1;
          return scan_literal (self);

        default:
          return fail_unexpected (self, p);
        }
    }
}
