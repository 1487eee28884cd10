/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal to ClockifyEntryStream: shared by clockify-entry-stream.c (the
 * token dispatch and the public API) and clockify-entry-stream-values.c
 * (reading values into the entry and delivering it). */

#include <string.h>

#include "clockify-entry-stream.h"
#include "clockify-json-lexer.h"

G_BEGIN_DECLS

/* The members we know; _clockify_entry_keys[] has their names in this
 * order. "timeEntries" is a second spelling of "timeentries". */
typedef enum
{
  KEY_UNKNOWN,
  KEY_ID,
  KEY_UNDERSCORE_ID,
  KEY_END,
  KEY_NAME,
  KEY_RATE,
  KEY_TAGS,
  KEY_TASK,
  KEY_USER,
  KEY_EMAIL,
  KEY_START,
  KEY_VALUE,
  KEY_AMOUNT,
  KEY_TASK_ID,
  KEY_TAG_IDS,
  KEY_USER_ID,
  KEY_PROJECT,
  KEY_BILLABLE,
  KEY_CLIENT_ID,
  KEY_COST_RATE,
  KEY_CURRENCY,
  KEY_DURATION,
  KEY_TASK_NAME,
  KEY_USER_NAME,
  KEY_PROJECT_ID,
  KEY_USER_EMAIL,
  KEY_CLIENT_NAME,
  KEY_EARNED_RATE,
  KEY_HOURLY_RATE,
  KEY_DESCRIPTION,
  KEY_PROJECT_NAME,
  KEY_TIMEENTRIES,
  KEY_TIME_ENTRIES,
  KEY_TIME_INTERVAL,
  KEY_CUSTOM_FIELDS,
  KEY_CUSTOM_FIELD_ID,
  KEY_CUSTOM_FIELD_VALUES,
} Key;

extern const char * const _clockify_entry_keys[];

/* The parts of the document we know. */
typedef enum
{
  FRAME_ROOT,           /* main: the top-level array of entries */
  FRAME_REPORT,         /* report: the top-level object */
  FRAME_ENTRIES,        /* report: its entries array */
  FRAME_ENTRY,
  FRAME_INTERVAL,
  FRAME_RATE,           /* which: RATE_HOURLY or RATE_COST */
  FRAME_PROJECT,
  FRAME_TASK,
  FRAME_USER,
  FRAME_TAG_IDS,
  FRAME_TAGS,
  FRAME_TAG,
  FRAME_CUSTOM_FIELDS,  /* which: the member's key */
  FRAME_CUSTOM_FIELD,
} FrameKind;

enum
{
  RATE_HOURLY,
  RATE_COST,
};

#define MAX_FRAMES 8

typedef struct
{
  guint8 kind;
  guint8 which;
  guint  index;  /* arrays: the next element's index; objects in arrays: their own */
} Frame;

/* The entry's strings, as offsets into the arena. */
typedef enum
{
  SLOT_ID,
  SLOT_UNDERSCORE_ID,
  SLOT_DESCRIPTION,
  SLOT_USER_ID,
  SLOT_USER_NAME,
  SLOT_USER_EMAIL,
  SLOT_PROJECT_ID,
  SLOT_PROJECT_NAME,
  SLOT_CLIENT_ID,
  SLOT_CLIENT_NAME,
  SLOT_TASK_ID,
  SLOT_TASK_NAME,
  SLOT_HOURLY_CURRENCY,
  SLOT_COST_CURRENCY,
  SLOT_CURRENCY,
  /* Hydrated main-API entries nest these; the flat spelling wins. */
  SLOT_NESTED_USER_NAME,
  SLOT_NESTED_USER_EMAIL,
  SLOT_NESTED_PROJECT_NAME,
  SLOT_NESTED_CLIENT_ID,
  SLOT_NESTED_CLIENT_NAME,
  SLOT_NESTED_TASK_NAME,
  SLOT_TAG_ID,
  SLOT_TAG_NAME,
  SLOT_FIELD_ID,
  SLOT_FIELD_OTHER_ID,
  SLOT_FIELD_NAME,
  N_SLOTS
} Slot;

/* References to other entities: Clockify sends both null and "" for none,
 * and both become NULL (as clockify_json_get_id() does for the models). */
#define IS_REFERENCE(slot) \
  ((slot) == SLOT_USER_ID || (slot) == SLOT_PROJECT_ID || (slot) == SLOT_TASK_ID \
   || (slot) == SLOT_CLIENT_ID || (slot) == SLOT_NESTED_CLIENT_ID || (slot) == SLOT_TAG_ID \
   || (slot) == SLOT_FIELD_ID || (slot) == SLOT_FIELD_OTHER_ID)

/* Where the hourly rate came from; a better source wins. */
enum
{
  HOURLY_NONE,
  HOURLY_EARNED_RATE,
  HOURLY_RATE,
  HOURLY_OBJECT,
};

typedef struct
{
  gsize *offsets;
  guint  n;
  guint  alloc;
} OffsetList;

struct _ClockifyEntryStream
{
  ClockifyEntryStreamFormat format;
  ClockifyEntryFunc func;
  gpointer user_data;

  ClockifyJsonLexer lexer;
  gsize max_string;
  gsize max_entry;
  gboolean started;
  gboolean finished;
  GError *error;

  Frame frames[MAX_FRAMES];
  guint n_frames;
  guint skip_depth;
  guint value_depth;
  Key key;
  guint n_entries;
  gboolean seen_entries;

  /* The entry being read. */
  ClockifyJsonBuffer arena;
  gssize slots[N_SLOTS];
  gboolean billable;
  gboolean has_start;
  gboolean has_end;
  gboolean has_duration;
  gint64 start_usec;
  gint64 end_usec;
  gint64 duration;
  guint8 hourly_source;
  gint64 hourly_rate;
  gboolean has_cost_rate;
  gint64 cost_rate;
  gboolean has_tag_ids;
  OffsetList tag_ids;
  OffsetList tag_ids_from_tags;
  OffsetList tag_names;
  gboolean has_custom_fields;
  ClockifyJsonBuffer custom_fields;
  ClockifyJsonBuffer field_value;
  gboolean field_has_value;

  const char **pointers;
  gsize n_pointers;
};

gboolean  _clockify_entry_stream_fail             (ClockifyEntryStream *self,
                                                   const char          *format,
                                                   ...) G_GNUC_PRINTF (2, 3);
gboolean  _clockify_entry_stream_wrong_type       (ClockifyEntryStream *self,
                                                   const char          *expected,
                                                   ClockifyJsonToken    found);
char     *_clockify_entry_stream_member_path      (ClockifyEntryStream *self,
                                                   Key                  key);

void      _clockify_entry_stream_begin_entry      (ClockifyEntryStream *self);
gboolean  _clockify_entry_stream_check_size       (ClockifyEntryStream *self,
                                                   gsize                extra);
gssize    _clockify_entry_stream_add_string       (ClockifyEntryStream *self);
gboolean  _clockify_entry_stream_read_string      (ClockifyEntryStream *self,
                                                   ClockifyJsonToken    token,
                                                   Slot                 slot);
gboolean  _clockify_entry_stream_read_money       (ClockifyEntryStream *self,
                                                   ClockifyJsonToken    token,
                                                   gint64              *out_value);
gboolean  _clockify_entry_stream_read_timestamp   (ClockifyEntryStream *self,
                                                   ClockifyJsonToken    token,
                                                   gboolean            *out_has_value,
                                                   gint64              *out_usec);
gboolean  _clockify_entry_stream_read_duration    (ClockifyEntryStream *self,
                                                   ClockifyJsonToken    token);
gboolean  _clockify_entry_stream_write_value      (ClockifyEntryStream *self,
                                                   ClockifyJsonToken    token);
gboolean  _clockify_entry_stream_end_custom_field (ClockifyEntryStream *self,
                                                   guint                index);
gboolean  _clockify_entry_stream_emit_entry       (ClockifyEntryStream *self);

void      _clockify_entry_stream_buffer_append_json (ClockifyJsonBuffer *buffer,
                                                     const char         *text,
                                                     gsize               length);

static inline void
offset_list_add (OffsetList *list,
                 gsize       offset)
{
  if (list->n == list->alloc)
    {
      list->alloc = MAX (list->alloc * 2, 16);
      list->offsets = g_renew (gsize, list->offsets, list->alloc);
    }
  list->offsets[list->n++] = offset;
}

G_END_DECLS
