/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-dir"

#include "config.h"

#include "timecard-export-journal.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "timecard-export-writer-private.h"

static void
entry_clear (gpointer data)
{
  TimecardExportJournalEntry *entry = data;

  g_free ((char *) entry->window.strategy);
  g_free ((char *) entry->window.user_id);
  g_free (entry->progress);
}

static char *
entry_to_line (const TimecardExportJournalEntry *entry)
{
  const TimecardExportWindow *window = &entry->window;
  g_autofree char *strategy = g_strescape (window->strategy != NULL ? window->strategy : "", NULL);
  g_autofree char *user = window->user_id != NULL ? g_strescape (window->user_id, NULL) : NULL;
  g_autofree char *progress = entry->progress != NULL ? g_strescape (entry->progress, NULL) : NULL;
  GString *line = g_string_new (NULL);

  g_string_append_printf (line, "%s\t%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s%s\t%" G_GUINT64_FORMAT,
                          progress != NULL ? "P" : "W", strategy, window->start_usec, window->end_usec,
                          user != NULL ? "=" : "", user != NULL ? user : "", entry->checkpoint);
  if (progress != NULL)
    g_string_append_printf (line, "\t%" G_GUINT64_FORMAT "\t%s", entry->window_start, progress);
  g_string_append_c (line, '\n');

  return g_string_free (line, FALSE);
}

static gboolean
parse_number (const char *text,
              gint64     *out_value)
{
  char *end;

  *out_value = g_ascii_strtoll (text, &end, 10);
  return *text != '\0' && *end == '\0';
}

static gboolean
line_to_entry (const char                 *line,
               TimecardExportJournalEntry *entry)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  gboolean partial = g_str_equal (fields[0], "P");
  gint64 checkpoint, window_start = 0;

  if (!(partial || g_str_equal (fields[0], "W")) || g_strv_length (fields) != (partial ? 8u : 6u))
    return FALSE;

  if (!parse_number (fields[2], &entry->window.start_usec) ||
      !parse_number (fields[3], &entry->window.end_usec) ||
      !parse_number (fields[5], &checkpoint) || checkpoint < 0 ||
      (fields[4][0] != '\0' && fields[4][0] != '='))
    return FALSE;
  if (partial && (!parse_number (fields[6], &window_start) || window_start < 0 || window_start > checkpoint))
    return FALSE;

  entry->checkpoint = checkpoint;
  entry->window_start = window_start;
  entry->window.strategy = g_strcompress (fields[1]);
  entry->window.user_id = fields[4][0] == '=' ? g_strcompress (fields[4] + 1) : NULL;
  entry->progress = partial ? g_strcompress (fields[7]) : NULL;
  return TRUE;
}

void
_timecard_export_journal_init (TimecardExportJournal *self)
{
  self->path = NULL;
  self->fd = -1;
  self->entries = g_array_new (FALSE, TRUE, sizeof (TimecardExportJournalEntry));
  g_array_set_clear_func (self->entries, entry_clear);
}

void
_timecard_export_journal_clear (TimecardExportJournal *self)
{
  _timecard_export_journal_close (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->entries, g_array_unref);
}

/* Starts an empty journal at @path. */
gboolean
_timecard_export_journal_create (TimecardExportJournal  *self,
                                 const char             *path,
                                 GError                **error)
{
  g_free (self->path);
  self->path = g_strdup (path);
  self->fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (self->fd < 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot create “%s”"), path);

  return TRUE;
}

/* Reads the journal at @path, drops a torn last line, and leaves it open
 * for appending. */
gboolean
_timecard_export_journal_load (TimecardExportJournal  *self,
                               const char             *path,
                               GError                **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  gsize valid = 0;
  char *line;

  g_free (self->path);
  self->path = g_strdup (path);

  if (!g_file_get_contents (path, &contents, &length, &local_error)
      && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (line = contents; line != NULL && line < contents + length; )
    {
      char *newline = memchr (line, '\n', contents + length - line);
      TimecardExportJournalEntry entry = { 0 };

      if (newline == NULL)
        break;
      *newline = '\0';
      if (!line_to_entry (line, &entry))
        {
          entry_clear (&entry);
          break;
        }
      g_array_append_val (self->entries, entry);
      line = newline + 1;
      valid = line - contents;
    }

  self->fd = open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
  if (self->fd < 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot create “%s”"), path);
  if (ftruncate (self->fd, valid) != 0 || lseek (self->fd, 0, SEEK_END) < 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot write “%s”"), path);

  return TRUE;
}

/* Appends @entry (copied), durably. */
gboolean
_timecard_export_journal_append (TimecardExportJournal             *self,
                                 const TimecardExportJournalEntry  *entry,
                                 GError                           **error)
{
  g_autofree char *line = entry_to_line (entry);
  TimecardExportJournalEntry copy = *entry;

  if (!_timecard_export_write_all (self->fd, line, strlen (line), self->path, error))
    return FALSE;
  if (fdatasync (self->fd) != 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot save “%s”"), self->path);

  copy.window.strategy = g_strdup (entry->window.strategy);
  copy.window.user_id = g_strdup (entry->window.user_id);
  copy.progress = g_strdup (entry->progress);
  g_array_append_val (self->entries, copy);

  return TRUE;
}

/* Closes the journal; what it says stays for a resumed run. */
void
_timecard_export_journal_close (TimecardExportJournal *self)
{
  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
}

/* Closes and deletes the journal, at the end of an export. */
gboolean
_timecard_export_journal_remove (TimecardExportJournal  *self,
                                 GError                **error)
{
  _timecard_export_journal_close (self);

  if (self->path != NULL && g_unlink (self->path) != 0 && errno != ENOENT)
    return _timecard_export_set_io_error (error, errno, _("Cannot remove “%s”"), self->path);

  return TRUE;
}

/* Where time_entries ended at the last line: what a resumed run keeps. */
guint64
_timecard_export_journal_last_checkpoint (TimecardExportJournal *self)
{
  if (self->entries->len == 0)
    return 0;

  return g_array_index (self->entries, TimecardExportJournalEntry, self->entries->len - 1).checkpoint;
}

/* The last line, if it checkpointed @window part way. */
const TimecardExportJournalEntry *
_timecard_export_journal_last_partial (TimecardExportJournal      *self,
                                       const TimecardExportWindow *window)
{
  const TimecardExportJournalEntry *last;

  if (self->entries->len == 0)
    return NULL;

  last = &g_array_index (self->entries, TimecardExportJournalEntry, self->entries->len - 1);
  if (last->progress == NULL || !_timecard_export_window_equal (&last->window, window))
    return NULL;

  return last;
}

/* Whether @window was committed whole. */
gboolean
_timecard_export_journal_has_window (TimecardExportJournal      *self,
                                     const TimecardExportWindow *window)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      const TimecardExportJournalEntry *entry = &g_array_index (self->entries, TimecardExportJournalEntry, i);

      if (entry->progress == NULL && _timecard_export_window_equal (&entry->window, window))
        return TRUE;
    }

  return FALSE;
}
