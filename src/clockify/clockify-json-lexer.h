/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/*
 * ClockifyJsonLexer: the bulk path's incremental JSON tokenizer (internal to
 * libclockify; ClockifyEntryStream is its consumer).
 *
 * Push input with clockify_json_lexer_set_input(), then pull tokens with
 * clockify_json_lexer_next() until it returns CLOCKIFY_JSON_NEED_INPUT; the
 * input may be split anywhere, also inside strings, escapes, numbers and
 * literals. After clockify_json_lexer_set_eof(), the end of the input ends
 * the document: next() then returns CLOCKIFY_JSON_END, or an error if the
 * document is incomplete.
 *
 * The lexer checks the whole grammar (RFC 8259), so its consumer sees only
 * well-formed token sequences, and it is strict: no trailing commas, no
 * leading zeros, no NaN/Infinity, no comments, no byte order mark, no
 * control characters, invalid escapes, unpaired surrogates or invalid UTF-8
 * in strings (invalid UTF-8 is refused, not replaced: Clockify sends valid
 * UTF-8 and a page that is not is broken), at most max_depth nested
 * containers and max_string bytes per decoded string or number.
 *
 * Strings and numbers: when `capture` is TRUE as the token starts, the
 * token's text is available as `text`/`text_len` when it is returned (the
 * decoded UTF-8 of a string, which may contain U+0000, or the number as
 * written), valid until the next call. When FALSE the token is only
 * checked, and nothing is copied. `text_has_nul` says a string contained
 * \u0000. The consumer sets `capture` between calls; it applies to keys
 * too, and is latched when a token starts.
 */

typedef enum
{
  CLOCKIFY_JSON_NEED_INPUT,
  CLOCKIFY_JSON_ERROR,
  CLOCKIFY_JSON_END,
  CLOCKIFY_JSON_OBJECT_START,
  CLOCKIFY_JSON_OBJECT_END,
  CLOCKIFY_JSON_ARRAY_START,
  CLOCKIFY_JSON_ARRAY_END,
  CLOCKIFY_JSON_KEY,
  CLOCKIFY_JSON_STRING,
  CLOCKIFY_JSON_NUMBER,
  CLOCKIFY_JSON_TRUE,
  CLOCKIFY_JSON_FALSE,
  CLOCKIFY_JSON_NULL,
} ClockifyJsonToken;

#define CLOCKIFY_JSON_DEFAULT_MAX_DEPTH 64
#define CLOCKIFY_JSON_MAX_MAX_DEPTH 4096
#define CLOCKIFY_JSON_DEFAULT_MAX_STRING (1024 * 1024)

/*
 * A growable byte buffer that always has room for a terminating NUL: the
 * lexer's text of a token split across inputs, and the entry stream's
 * arena and custom field JSON. All zeros is an empty buffer; free `data`.
 */
typedef struct
{
  char  *data;
  gsize  len;
  gsize  alloc;
} ClockifyJsonBuffer;

void clockify_json_buffer_grow (ClockifyJsonBuffer *buffer,
                                gsize               extra);

static inline void
clockify_json_buffer_append (ClockifyJsonBuffer *buffer,
                             const char         *data,
                             gsize               length)
{
  if (G_UNLIKELY (buffer->len + length + 1 > buffer->alloc))
    clockify_json_buffer_grow (buffer, length);
  memcpy (buffer->data + buffer->len, data, length);
  buffer->len += length;
}

static inline void
clockify_json_buffer_append_c (ClockifyJsonBuffer *buffer,
                               char                c)
{
  if (G_UNLIKELY (buffer->len + 2 > buffer->alloc))
    clockify_json_buffer_grow (buffer, 1);
  buffer->data[buffer->len++] = c;
}

static inline const char *
clockify_json_buffer_terminate (ClockifyJsonBuffer *buffer)
{
  if (G_UNLIKELY (buffer->len + 1 > buffer->alloc))
    clockify_json_buffer_grow (buffer, 0);
  buffer->data[buffer->len] = '\0';
  return buffer->data;
}

/* Fields are private to the lexer's sources except where marked. */
typedef struct
{
  /* Public: set by the consumer. */
  gboolean       capture;

  /* Public: the last KEY, STRING or NUMBER when captured. */
  const char    *text;
  gsize          text_len;
  gboolean       text_has_nul;
  gboolean       number_is_integer;

  const guchar  *p;
  const guchar  *end;
  const guchar  *input_start;
  guint64        input_offset;
  gboolean       eof;

  guint8        *stack;
  guint          depth;
  guint          max_depth;
  gsize          max_string;

  guint8         grammar;
  guint8         token;
  guint8         substate;
  gboolean       is_key;
  gboolean       token_capture;
  gboolean       buffered;
  const guchar  *segment;
  gsize          token_len;
  guint32        code_unit;
  guint32        high_surrogate;
  guint8         n_hex;
  guint8         utf8_need;
  guint8         utf8_lo;
  guint8         utf8_hi;
  const char    *literal;
  guint8         literal_pos;

  ClockifyJsonBuffer buf;

  GError        *error;
} ClockifyJsonLexer;

void              clockify_json_lexer_init       (ClockifyJsonLexer  *self);
void              clockify_json_lexer_clear      (ClockifyJsonLexer  *self);
void              clockify_json_lexer_set_limits (ClockifyJsonLexer  *self,
                                                  guint               max_depth,
                                                  gsize               max_string);
void              clockify_json_lexer_set_input  (ClockifyJsonLexer  *self,
                                                  const char         *data,
                                                  gsize               length);
void              clockify_json_lexer_set_eof    (ClockifyJsonLexer  *self);
ClockifyJsonToken clockify_json_lexer_next       (ClockifyJsonLexer  *self);
const GError     *clockify_json_lexer_get_error  (ClockifyJsonLexer  *self);

G_END_DECLS
