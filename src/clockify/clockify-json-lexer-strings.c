/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-json-lexer"

#include "config.h"

#include "clockify-json-lexer.h"

#include <string.h>

#include "clockify-json-lexer-private.h"

/* Strings: most of a page's bytes, so the plain run is scanned in place
 * and only escapes, multi-byte sequences and token ends take the byte-wise
 * path, which also resumes a string split across inputs. */

/* Bytes that end the plain run of a string: '"', '\\', control characters
 * and the start of a multi-byte sequence. */
static const guint8 string_special[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Skips bytes that need no attention in a string, eight at a time where the
 * byte order allows: strings are most of a page's bytes. */
static inline const guchar *
skip_plain (const guchar *p,
            const guchar *end)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined (__GNUC__)
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

  while (end - p >= 8)
    {
      guint64 word, quote, backslash, special;

      memcpy (&word, p, sizeof word);
      quote = word ^ (ones * '"');
      backslash = word ^ (ones * '\\');
      /* High bit set in the byte where a byte is zero (quote, backslash),
       * below 0x20, or itself has the high bit; bytes above the first such
       * byte may be flagged wrongly, which does not matter. */
      special = ((quote - ones) & ~quote)
                | ((backslash - ones) & ~backslash)
                | ((word - ones * 0x20) & ~word)
                | word;
      special &= highs;
      if (special != 0)
        return p + (__builtin_ctzll (special) >> 3);
      p += 8;
    }
#endif

  while (p < end && !string_special[*p])
    p++;
  return p;
}

static gboolean
emit (ClockifyJsonLexer *self,
      const guchar      *at,
      const guchar      *data,
      gsize              length)
{
  if (!account (self, at, length))
    return FALSE;
  if (self->token_capture)
    clockify_json_buffer_append (&self->buf, (const char *) data, length);
  return TRUE;
}

static gboolean
emit_code_point (ClockifyJsonLexer *self,
                 const guchar      *at,
                 guint32            code_point)
{
  guchar bytes[4];
  gsize length;

  if (code_point == 0)
    self->text_has_nul = TRUE;

  if (code_point < 0x80)
    {
      bytes[0] = code_point;
      length = 1;
    }
  else if (code_point < 0x800)
    {
      bytes[0] = 0xc0 | (code_point >> 6);
      bytes[1] = 0x80 | (code_point & 0x3f);
      length = 2;
    }
  else if (code_point < 0x10000)
    {
      bytes[0] = 0xe0 | (code_point >> 12);
      bytes[1] = 0x80 | ((code_point >> 6) & 0x3f);
      bytes[2] = 0x80 | (code_point & 0x3f);
      length = 3;
    }
  else
    {
      bytes[0] = 0xf0 | (code_point >> 18);
      bytes[1] = 0x80 | ((code_point >> 12) & 0x3f);
      bytes[2] = 0x80 | ((code_point >> 6) & 0x3f);
      bytes[3] = 0x80 | (code_point & 0x3f);
      length = 4;
    }

  return emit (self, at, bytes, length);
}

/* The sequence a lead byte starts (Unicode table 3-7): how many
 * continuation bytes follow and the range of the first one, which excludes
 * overlong forms, surrogates and code points past U+10FFFF. */
static gboolean
utf8_lead (guchar  c,
           guint8 *out_need,
           guint8 *out_lo,
           guint8 *out_hi)
{
  *out_lo = 0x80;
  *out_hi = 0xbf;

  if (c >= 0xc2 && c <= 0xdf)
    *out_need = 1;
  else if (c == 0xe0)
    *out_need = 2, *out_lo = 0xa0;
  else if (c == 0xed)
    *out_need = 2, *out_hi = 0x9f;
  else if (c >= 0xe1 && c <= 0xef)
    *out_need = 2;
  else if (c == 0xf0)
    *out_need = 3, *out_lo = 0x90;
  else if (c >= 0xf1 && c <= 0xf3)
    *out_need = 3;
  else if (c == 0xf4)
    *out_need = 3, *out_hi = 0x8f;
  else
    return FALSE;

  return TRUE;
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static ClockifyJsonToken
string_done (ClockifyJsonLexer *self,
             const guchar      *p)
{
  if (!take_text (self, p))
    return CLOCKIFY_JSON_ERROR;

  self->p = p + 1;

  if (self->is_key)
    {
      self->grammar = GRAMMAR_COLON;
      return CLOCKIFY_JSON_KEY;
    }

  value_done (self);
  return CLOCKIFY_JSON_STRING;
}

ClockifyJsonToken
_clockify_json_lexer_scan_string (ClockifyJsonLexer *self)
{
  const guchar *p = self->p;
  const guchar *end = self->end;

  for (;;)
    {
      switch (self->substate)
        {
        case STRING_NORMAL:
          {
            guint8 need, lo, hi;

            p = skip_plain (p, end);

            if (!within_limit (self, p))
              return CLOCKIFY_JSON_ERROR;

            if (p == end)
              goto need_input;

            if (*p == '"')
              return string_done (self, p);

            if (*p == '\\')
              {
                if (!_clockify_json_lexer_flush_segment (self, p))
                  return CLOCKIFY_JSON_ERROR;
                p++;
                self->substate = STRING_ESCAPE;
                break;
              }

            if (*p < 0x20)
              return _clockify_json_lexer_fail (self, p, "control character 0x%02x in a string",
                                                *p);

            if (!utf8_lead (*p, &need, &lo, &hi))
              return _clockify_json_lexer_fail (self, p, "invalid UTF-8 in a string");

            if ((gsize) (end - p) > need)
              {
                /* The whole sequence is here: check it in place, in the
                 * order the byte-wise path below does. */
                gsize room = self->max_string - self->token_len - (gsize) (p - self->segment);

                if (room < 1)
                  return _clockify_json_lexer_too_long (self, p);
                if (p[1] < lo || p[1] > hi)
                  return _clockify_json_lexer_fail (self, p + 1, "invalid UTF-8 in a string");
                if (room < 2)
                  return _clockify_json_lexer_too_long (self, p + 1);
                if (need > 1 && (p[2] & 0xc0) != 0x80)
                  return _clockify_json_lexer_fail (self, p + 2, "invalid UTF-8 in a string");
                if (need > 1 && room < 3)
                  return _clockify_json_lexer_too_long (self, p + 2);
                if (need > 2 && (p[3] & 0xc0) != 0x80)
                  return _clockify_json_lexer_fail (self, p + 3, "invalid UTF-8 in a string");
                if (need > 2 && room < 4)
                  return _clockify_json_lexer_too_long (self, p + 3);
                p += need + 1;
                break;
              }

            if (!_clockify_json_lexer_flush_segment (self, p) || !emit (self, p, p, 1))
              return CLOCKIFY_JSON_ERROR;
            self->utf8_need = need;
            self->utf8_lo = lo;
            self->utf8_hi = hi;
            self->substate = STRING_UTF8;
            p++;
            break;
          }

        case STRING_UTF8:
          while (self->utf8_need > 0)
            {
              if (p == end)
                goto need_input;
              if (*p < self->utf8_lo || *p > self->utf8_hi)
                return _clockify_json_lexer_fail (self, p, "invalid UTF-8 in a string");
              if (!emit (self, p, p, 1))
                return CLOCKIFY_JSON_ERROR;
              p++;
              self->utf8_need--;
              self->utf8_lo = 0x80;
              self->utf8_hi = 0xbf;
            }
          self->substate = STRING_NORMAL;
          self->segment = p;
          break;

        case STRING_ESCAPE:
          {
            guchar decoded;

            if (p == end)
              goto need_input;

            switch (*p)
              {
              case '"': decoded = '"'; break;
              case '\\': decoded = '\\'; break;
              case '/': decoded = '/'; break;
              case 'b': decoded = '\b'; break;
              case 'f': decoded = '\f'; break;
              case 'n': decoded = '\n'; break;
              case 'r': decoded = '\r'; break;
              case 't': decoded = '\t'; break;
              case 'u':
                p++;
                self->n_hex = 0;
                self->code_unit = 0;
                self->substate = STRING_HEX;
                continue;
              default:
                return _clockify_json_lexer_fail (self, p, "invalid escape in a string");
              }

            if (!emit (self, p, &decoded, 1))
              return CLOCKIFY_JSON_ERROR;
            p++;
            self->substate = STRING_NORMAL;
            self->segment = p;
            break;
          }

        case STRING_HEX:
          while (self->n_hex < 4)
            {
              int value;

              if (p == end)
                goto need_input;
              value = hex_value (*p);
              if (value < 0)
                return _clockify_json_lexer_fail (self, p, "invalid \\u escape in a string");
              self->code_unit = (self->code_unit << 4) | (guint32) value;
              self->n_hex++;
              p++;
            }

          /* p - 1: the escape's last digit, where its text is counted. */
          if (self->high_surrogate != 0)
            {
              guint32 high = self->high_surrogate;

              if (self->code_unit < 0xdc00 || self->code_unit > 0xdfff)
                return _clockify_json_lexer_fail (self, p - 1, "unpaired surrogate in a string");
              self->high_surrogate = 0;
              if (!emit_code_point (self, p - 1,
                                    0x10000 + ((high - 0xd800) << 10) + (self->code_unit - 0xdc00)))
                return CLOCKIFY_JSON_ERROR;
            }
          else if (self->code_unit >= 0xd800 && self->code_unit <= 0xdbff)
            {
              self->high_surrogate = self->code_unit;
              self->substate = STRING_LOW_BACKSLASH;
              break;
            }
          else if (self->code_unit >= 0xdc00 && self->code_unit <= 0xdfff)
            {
              return _clockify_json_lexer_fail (self, p - 1, "unpaired surrogate in a string");
            }
          else if (!emit_code_point (self, p - 1, self->code_unit))
            {
              return CLOCKIFY_JSON_ERROR;
            }

          self->substate = STRING_NORMAL;
          self->segment = p;
          break;

        case STRING_LOW_BACKSLASH:
        case STRING_LOW_U:
          if (p == end)
            goto need_input;
          if (*p != (self->substate == STRING_LOW_BACKSLASH ? '\\' : 'u'))
            return _clockify_json_lexer_fail (self, p, "unpaired surrogate in a string");
          p++;
          if (self->substate == STRING_LOW_BACKSLASH)
            {
              self->substate = STRING_LOW_U;
            }
          else
            {
              self->n_hex = 0;
              self->code_unit = 0;
              self->substate = STRING_HEX;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

need_input:
  if (self->substate == STRING_NORMAL && !_clockify_json_lexer_flush_segment (self, p))
    return CLOCKIFY_JSON_ERROR;
  if (self->eof)
    return _clockify_json_lexer_fail (self, p, "unexpected end of data in a string");
  self->p = p;
  return CLOCKIFY_JSON_NEED_INPUT;
}
