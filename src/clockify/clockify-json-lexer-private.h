/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal to ClockifyJsonLexer: shared by clockify-json-lexer.c (the
 * grammar, numbers and literals) and clockify-json-lexer-strings.c. */

#include "clockify-json-lexer.h"

G_BEGIN_DECLS

/* What the grammar allows next. */
enum
{
  GRAMMAR_VALUE,
  GRAMMAR_VALUE_OR_END,
  GRAMMAR_KEY_OR_END,
  GRAMMAR_KEY,
  GRAMMAR_COLON,
  GRAMMAR_COMMA_OR_END,
  GRAMMAR_DONE,
};

/* The token in progress across inputs. */
enum
{
  TOKEN_NONE,
  TOKEN_STRING,
  TOKEN_NUMBER,
  TOKEN_LITERAL,
};

enum
{
  STRING_NORMAL,
  STRING_ESCAPE,
  STRING_HEX,
  STRING_LOW_BACKSLASH,
  STRING_LOW_U,
  STRING_UTF8,
};

enum
{
  NUMBER_MINUS,
  NUMBER_ZERO,
  NUMBER_INT,
  NUMBER_DOT,
  NUMBER_FRACTION,
  NUMBER_EXP,
  NUMBER_EXP_SIGN,
  NUMBER_EXP_DIGITS,
};

ClockifyJsonToken  _clockify_json_lexer_fail          (ClockifyJsonLexer *self,
                                                       const guchar      *at,
                                                       const char        *format,
                                                       ...) G_GNUC_PRINTF (3, 4);
gboolean           _clockify_json_lexer_too_long      (ClockifyJsonLexer *self,
                                                       const guchar      *at);
gboolean           _clockify_json_lexer_flush_segment (ClockifyJsonLexer *self,
                                                       const guchar      *p);
ClockifyJsonToken  _clockify_json_lexer_scan_string   (ClockifyJsonLexer *self);

/*
 * The length limit is checked byte by byte in effect: the error names the
 * first byte past the limit, and comes before any error about a later
 * byte. So where a document is split never changes which error it gets.
 */

/* Whether the token's input bytes up to @p are within the limit. */
static inline gboolean
within_limit (ClockifyJsonLexer *self,
              const guchar      *p)
{
  if (G_UNLIKELY (self->max_string - self->token_len < (gsize) (p - self->segment)))
    return _clockify_json_lexer_too_long (self,
                                          self->segment + (self->max_string - self->token_len));
  return TRUE;
}

/* Counts @length bytes decoded from the input byte at @at. */
static inline gboolean
account (ClockifyJsonLexer *self,
         const guchar      *at,
         gsize              length)
{
  if (G_UNLIKELY (self->max_string - self->token_len < length))
    return _clockify_json_lexer_too_long (self, at);

  self->token_len += length;
  return TRUE;
}

/* Ends a string or number token at @p: its text, when captured, is in the
 * input or in the buffer. Inline: every string and number ends here. */
static inline gboolean
take_text (ClockifyJsonLexer *self,
           const guchar      *p)
{
  if (G_LIKELY (!self->buffered))
    {
      gsize length = (gsize) (p - self->segment);

      if (!within_limit (self, p))
        return FALSE;
      self->token_len += length;
      self->text = (const char *) self->segment;
      self->text_len = length;
    }
  else
    {
      if (!_clockify_json_lexer_flush_segment (self, p))
        return FALSE;
      if (self->token_capture)
        {
          self->text = clockify_json_buffer_terminate (&self->buf);
          self->text_len = self->buf.len;
        }
    }

  if (!self->token_capture)
    {
      self->text = NULL;
      self->text_len = 0;
    }

  self->token = TOKEN_NONE;
  return TRUE;
}

static inline void
value_done (ClockifyJsonLexer *self)
{
  self->grammar = self->depth == 0 ? GRAMMAR_DONE : GRAMMAR_COMMA_OR_END;
}

G_END_DECLS
