/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-dir"

#include "config.h"

#include "timecard-export-dir.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <linux/fs.h>
#include <string.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "timecard-export-journal.h"
#include "timecard-export-writer-private.h"

#define MARKER_NAME    ".timecard-export"
#define JOURNAL_NAME   ".timecard-resume"
#define PARTIAL_SUFFIX ".timecard-partial"
#define OLD_SUFFIX     ".timecard-old"
#define FORMAT_VERSION 1
/* Rows are formatted into the buffer and handed to the kernel in blocks this
 * large; time_entries' buffer is allocated at once, the others grow. */
#define FLUSH_SIZE     (1024 * 1024)

typedef struct
{
  int      fd;
  char    *path;
  GString *buffer;
  guint64  size;
} OutFile;

typedef struct
{
  char    *target;
  char    *parent;
  char    *partial;
  int      lock_fd;
  OutFile  files[TIMECARD_EXPORT_N_ENTITIES];
  /* Where time_entries stood when the current window began. */
  guint64  window_start;
  guint    begun;
  TimecardExportJournal journal;
} TimecardExportDirWriterPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TimecardExportDirWriter, timecard_export_dir_writer,
                                     TIMECARD_TYPE_EXPORT_WRITER)

static const char *
extension (TimecardExportDirWriter *self)
{
  return TIMECARD_EXPORT_DIR_WRITER_GET_CLASS (self)->extension;
}

static void
close_fd (int *fd)
{
  if (*fd >= 0)
    {
      close (*fd);
      *fd = -1;
    }
}

static gboolean
sync_fd (int          fd,
         const char  *path,
         GError     **error)
{
  if (fsync (fd) != 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot save “%s”"), path);

  return TRUE;
}

static gboolean
sync_directory (const char  *path,
                GError     **error)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot open “%s”"), path);

  ok = sync_fd (fd, path, error);
  close (fd);
  return ok;
}

static gboolean
flush_file (OutFile  *file,
            GError  **error)
{
  if (file->buffer->len == 0)
    return TRUE;

  if (!_timecard_export_write_all (file->fd, file->buffer->str, file->buffer->len, file->path, error))
    return FALSE;

  file->size += file->buffer->len;
  g_string_truncate (file->buffer, 0);
  return TRUE;
}

static void
out_file_clear (OutFile *file)
{
  close_fd (&file->fd);
  g_clear_pointer (&file->path, g_free);
  if (file->buffer != NULL)
    {
      g_string_free (file->buffer, TRUE);
      file->buffer = NULL;
    }
  file->size = 0;
}

static gboolean
is_export_file_name (const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = NULL;
  TimecardExportEntity entity;

  if (dot == NULL || (!g_str_equal (dot, ".csv") && !g_str_equal (dot, ".jsonl")))
    return FALSE;

  stem = g_strndup (name, dot - name);
  return timecard_export_entity_from_name (stem, &entity);
}

/* A directory may be replaced only if it is empty or a previous export. */
static gboolean
check_replaceable (const char  *path,
                   GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_marker = FALSE;
  gboolean empty = TRUE;
  const char *name;

  if (!(dir = g_dir_open (path, 0, &local_error)))
    {
      g_set_error (error, G_IO_ERROR, local_error->code, _("Cannot read “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)))
    {
      empty = FALSE;
      if (g_str_equal (name, MARKER_NAME))
        has_marker = TRUE;
      else if (!is_export_file_name (name))
        {
          g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_NOT_AN_EXPORT,
                       _("“%s” contains “%s”, which is not part of a Timecard export; "
                       "export to an empty or new folder instead"), path, name);
          return FALSE;
        }
    }

  if (!empty && !has_marker)
    {
      g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_NOT_AN_EXPORT,
                   _("“%s” is not a Timecard export; export to an empty or new folder instead"),
                   path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_target (const char  *path,
              gboolean    *out_exists,
              GError     **error)
{
  GStatBuf st;

  *out_exists = FALSE;

  if (g_lstat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      return _timecard_export_set_io_error (error, errno, _("Cannot read “%s”"), path);
    }

  if (S_ISLNK (st.st_mode))
    {
      g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_NOT_A_DIRECTORY,
                   _("“%s” is a symbolic link; export to the folder it points to"), path);
      return FALSE;
    }

  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_NOT_A_DIRECTORY,
                   _("“%s” exists and is not a folder"), path);
      return FALSE;
    }

  *out_exists = TRUE;
  return check_replaceable (path, error);
}

/* Removes one of our directories: files only, never anything below. */
static gboolean
remove_directory (const char  *path,
                  GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  if (!(dir = g_dir_open (path, 0, &local_error)))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, G_IO_ERROR, local_error->code, _("Cannot read “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_unlink (child) != 0)
        return _timecard_export_set_io_error (error, errno, _("Cannot remove “%s”"), child);
    }

  if (g_rmdir (path) != 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot remove “%s”"), path);

  return TRUE;
}

static gboolean
lock_marker (const char  *marker,
             int          flags,
             const char  *target,
             int         *out_fd,
             GError     **error)
{
  int fd = open (marker, O_RDWR | O_CLOEXEC | flags, 0666);

  if (fd < 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot create “%s”"), marker);

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      close (fd);
      if (saved_errno == EWOULDBLOCK)
        {
          g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_BUSY,
                       _("Another export to “%s” is running"), target);
          return FALSE;
        }
      return _timecard_export_set_io_error (error, saved_errno, _("Cannot lock “%s”"), marker);
    }

  *out_fd = fd;
  return TRUE;
}

static char *
marker_contents (TimecardExportDirWriter *self)
{
  TimecardExportWriter *writer = TIMECARD_EXPORT_WRITER (self);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  const char *run_info = timecard_export_writer_get_run_info (writer);

  g_key_file_set_string (key_file, "Timecard Export", "Format", extension (self));
  g_key_file_set_integer (key_file, "Timecard Export", "Version", FORMAT_VERSION);
  g_key_file_set_string (key_file, "Timecard Export", "TimeZone",
                         g_time_zone_get_identifier (timecard_export_writer_get_time_zone (writer)));
  if (run_info != NULL)
    g_key_file_set_string (key_file, "Timecard Export", "RunInfo", run_info);

  return g_key_file_to_data (key_file, NULL, NULL);
}

static gboolean
try_resume (TimecardExportDirWriter  *self,
            gboolean                 *out_resumed,
            GError                  **error)
{
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);
  TimecardExportWriter *writer = TIMECARD_EXPORT_WRITER (self);
  g_autofree char *marker = g_build_filename (priv->partial, MARKER_NAME, NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *format = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *journal = NULL;
  const char *wanted_zone;

  *out_resumed = FALSE;

  if (!g_file_test (marker, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  if (!lock_marker (marker, 0, priv->target, &priv->lock_fd, error))
    return FALSE;

  if (!(timecard_export_writer_get_flags (writer) & TIMECARD_EXPORT_WRITER_FLAGS_RESUME)
      || !g_key_file_load_from_file (key_file, marker, G_KEY_FILE_NONE, NULL))
    return TRUE;

  format = g_key_file_get_string (key_file, "Timecard Export", "Format", NULL);
  if (g_strcmp0 (format, extension (self)) != 0
      || g_key_file_get_integer (key_file, "Timecard Export", "Version", NULL) != FORMAT_VERSION)
    return TRUE;

  zone = g_key_file_get_string (key_file, "Timecard Export", "TimeZone", NULL);
  wanted_zone = g_time_zone_get_identifier (timecard_export_writer_get_time_zone (writer));
  if (g_strcmp0 (zone, wanted_zone) != 0)
    {
      /* Leave the interrupted run's output for a run with its settings. */
      close_fd (&priv->lock_fd);
      g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_RESUME_MISMATCH,
                   _("The interrupted export to “%s” used the time zone %s, not %s"),
                   priv->target, zone != NULL ? zone : _("(unknown)"), wanted_zone);
      return FALSE;
    }

  journal = g_build_filename (priv->partial, JOURNAL_NAME, NULL);
  if (!_timecard_export_journal_load (&priv->journal, journal, error))
    {
      close_fd (&priv->lock_fd);
      return FALSE;
    }

  _timecard_export_writer_take_run_info (writer, g_key_file_get_string (key_file, "Timecard Export",
                                                                        "RunInfo", NULL));
  *out_resumed = TRUE;
  return TRUE;
}

static gboolean
create_partial (TimecardExportDirWriter  *self,
                GError                  **error)
{
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);
  g_autofree char *marker = g_build_filename (priv->partial, MARKER_NAME, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *journal = g_build_filename (priv->partial, JOURNAL_NAME, NULL);

  if (g_mkdir (priv->partial, 0777) != 0)
    {
      if (errno == EACCES || errno == EPERM || errno == EROFS)
        return _timecard_export_set_io_error (error, errno, _("Cannot create the export in “%s”"), priv->parent);
      return _timecard_export_set_io_error (error, errno, _("Cannot create “%s”"), priv->partial);
    }

  contents = marker_contents (self);

  if (!lock_marker (marker, O_CREAT | O_TRUNC, priv->target, &priv->lock_fd, error)
      || !_timecard_export_write_all (priv->lock_fd, contents, strlen (contents), marker, error))
    {
      close_fd (&priv->lock_fd);
      remove_directory (priv->partial, NULL);
      return FALSE;
    }

  return _timecard_export_journal_create (&priv->journal, journal, error);
}

static gboolean
timecard_export_dir_writer_open (TimecardExportWriter  *writer,
                                 GError               **error)
{
  TimecardExportDirWriter *self = TIMECARD_EXPORT_DIR_WRITER (writer);
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);
  g_autofree char *name = NULL;
  gboolean exists;
  gboolean resumed = FALSE;
  GStatBuf st;

  if (timecard_export_writer_get_flags (writer) & TIMECARD_EXPORT_WRITER_FLAGS_UPDATE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only an SQLite export can be updated in place"));
      return FALSE;
    }

  priv->target = g_canonicalize_filename (timecard_export_writer_get_path (writer), NULL);
  priv->parent = g_path_get_dirname (priv->target);
  name = g_path_get_basename (priv->target);
  priv->partial = g_strdup_printf ("%s/.%s" PARTIAL_SUFFIX, priv->parent, name);

  if (g_stat (priv->parent, &st) != 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot export to “%s”"), priv->parent);
  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_NOT_A_DIRECTORY,
                   _("“%s” is not a folder"), priv->parent);
      return FALSE;
    }

  if (!check_target (priv->target, &exists, error))
    return FALSE;

  if (g_file_test (priv->partial, G_FILE_TEST_IS_DIR))
    {
      if (!try_resume (self, &resumed, error))
        return FALSE;
      if (!resumed)
        {
          close_fd (&priv->lock_fd);
          if (!remove_directory (priv->partial, error))
            return FALSE;
        }
    }
  else if (g_file_test (priv->partial, G_FILE_TEST_EXISTS) && g_unlink (priv->partial) != 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot remove “%s”"), priv->partial);

  if (!resumed && !create_partial (self, error))
    return FALSE;

  _timecard_export_writer_set_resumed (writer, resumed);
  return TRUE;
}

static gboolean
timecard_export_dir_writer_begin_entity (TimecardExportWriter  *writer,
                                         TimecardExportEntity   entity,
                                         GError               **error)
{
  TimecardExportDirWriter *self = TIMECARD_EXPORT_DIR_WRITER (writer);
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);
  TimecardExportDirWriterClass *klass = TIMECARD_EXPORT_DIR_WRITER_GET_CLASS (self);
  const TimecardExportEntityInfo *info = timecard_export_entity_get_info (entity);
  OutFile *file = &priv->files[entity];
  guint64 keep = entity == TIMECARD_EXPORT_ENTITY_TIME_ENTRIES ? _timecard_export_journal_last_checkpoint (&priv->journal) : 0;
  g_autofree char *name = g_strdup_printf ("%s.%s", info->name, klass->extension);

  file->path = g_build_filename (priv->partial, name, NULL);
  file->buffer = g_string_sized_new (entity == TIMECARD_EXPORT_ENTITY_TIME_ENTRIES
                                     ? FLUSH_SIZE + 65536 : 4096);
  file->fd = open (file->path, O_WRONLY | O_CREAT | O_CLOEXEC | (keep == 0 ? O_TRUNC : 0), 0666);
  if (file->fd < 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot create “%s”"), file->path);

  priv->begun |= 1u << entity;

  if (keep > 0)
    {
      /* Resuming: drop what the interrupted run wrote after its last window. */
      if (ftruncate (file->fd, keep) != 0 || lseek (file->fd, 0, SEEK_END) < 0)
        return _timecard_export_set_io_error (error, errno, _("Cannot write “%s”"), file->path);
      file->size = keep;
      return TRUE;
    }

  if (klass->append_header != NULL)
    klass->append_header (self, info, file->buffer);

  return TRUE;
}

static gboolean
timecard_export_dir_writer_write_row (TimecardExportWriter     *writer,
                                      const TimecardExportRow  *row,
                                      GError                  **error)
{
  TimecardExportDirWriter *self = TIMECARD_EXPORT_DIR_WRITER (writer);
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);
  OutFile *file = &priv->files[row->entity];

  TIMECARD_EXPORT_DIR_WRITER_GET_CLASS (self)->append_row (self, row, file->buffer);

  if (file->buffer->len >= FLUSH_SIZE)
    return flush_file (file, error);

  return TRUE;
}

static gboolean
timecard_export_dir_writer_end_entity (TimecardExportWriter  *writer,
                                       TimecardExportEntity   entity,
                                       GError               **error)
{
  TimecardExportDirWriter *self = TIMECARD_EXPORT_DIR_WRITER (writer);
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);

  return flush_file (&priv->files[entity], error);
}

static gboolean
timecard_export_dir_writer_begin_window (TimecardExportWriter        *writer,
                                         const TimecardExportWindow  *window,
                                         GError                     **error)
{
  TimecardExportDirWriter *self = TIMECARD_EXPORT_DIR_WRITER (writer);
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);
  OutFile *file = &priv->files[TIMECARD_EXPORT_ENTITY_TIME_ENTRIES];
  const TimecardExportJournalEntry *partial = _timecard_export_journal_last_partial (&priv->journal, window);

  /* Continuing a window the interrupted run checkpointed: its rows so far
   * are kept, and belong to the window. */
  priv->window_start = partial != NULL ? partial->window_start : file->size + file->buffer->len;
  return TRUE;
}

static gboolean
timecard_export_dir_writer_rollback_window (TimecardExportWriter  *writer,
                                            GError               **error)
{
  TimecardExportDirWriter *self = TIMECARD_EXPORT_DIR_WRITER (writer);
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);
  OutFile *file = &priv->files[TIMECARD_EXPORT_ENTITY_TIME_ENTRIES];

  /* Checkpointed rows go too: first the journal stops pointing past them. */
  if (_timecard_export_journal_last_checkpoint (&priv->journal) > priv->window_start)
    {
      GArray *entries = priv->journal.entries;
      TimecardExportJournalEntry entry = { .window = g_array_index (entries, TimecardExportJournalEntry,
                                                                    entries->len - 1).window,
                                           .checkpoint = priv->window_start,
                                           .window_start = priv->window_start, .progress = "" };

      if (!_timecard_export_journal_append (&priv->journal, &entry, error))
        return FALSE;
    }

  if (priv->window_start >= file->size)
    {
      g_string_truncate (file->buffer, priv->window_start - file->size);
      return TRUE;
    }

  g_string_truncate (file->buffer, 0);
  if (ftruncate (file->fd, priv->window_start) != 0 || lseek (file->fd, 0, SEEK_END) < 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot write “%s”"), file->path);
  file->size = priv->window_start;

  return TRUE;
}

/* Makes the time entries written so far durable, then appends @entry,
 * whose checkpoint is set to where they end. */
static gboolean
save_window (TimecardExportDirWriter     *self,
             TimecardExportJournalEntry  *entry,
             GError                     **error)
{
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);
  OutFile *file = &priv->files[TIMECARD_EXPORT_ENTITY_TIME_ENTRIES];

  /* The rows must be on disk before the journal says they are. */
  if (!flush_file (file, error))
    return FALSE;
  if (fdatasync (file->fd) != 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot save “%s”"), file->path);

  entry->checkpoint = file->size;
  entry->window_start = priv->window_start;
  return _timecard_export_journal_append (&priv->journal, entry, error);
}

static gboolean
timecard_export_dir_writer_commit_window (TimecardExportWriter        *writer,
                                          const TimecardExportWindow  *window,
                                          guint64                      n_rows,
                                          GError                     **error)
{
  TimecardExportJournalEntry entry = { .window = *window };

  return save_window (TIMECARD_EXPORT_DIR_WRITER (writer), &entry, error);
}

static gboolean
timecard_export_dir_writer_checkpoint_window (TimecardExportWriter        *writer,
                                              const TimecardExportWindow  *window,
                                              const char                  *progress,
                                              GError                     **error)
{
  TimecardExportJournalEntry entry = { .window = *window, .progress = (char *) progress };

  return save_window (TIMECARD_EXPORT_DIR_WRITER (writer), &entry, error);
}

static char *
timecard_export_dir_writer_get_window_progress (TimecardExportWriter       *writer,
                                                const TimecardExportWindow *window)
{
  TimecardExportDirWriter *self = TIMECARD_EXPORT_DIR_WRITER (writer);
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);
  const TimecardExportJournalEntry *partial = _timecard_export_journal_last_partial (&priv->journal, window);

  return partial != NULL && *partial->progress != '\0' ? g_strdup (partial->progress) : NULL;
}

static gboolean
timecard_export_dir_writer_is_window_completed (TimecardExportWriter       *writer,
                                                const TimecardExportWindow *window)
{
  TimecardExportDirWriter *self = TIMECARD_EXPORT_DIR_WRITER (writer);
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);

  return _timecard_export_journal_has_window (&priv->journal, window);
}

static void
close_files (TimecardExportDirWriterPrivate *priv)
{
  for (guint i = 0; i < TIMECARD_EXPORT_N_ENTITIES; i++)
    out_file_clear (&priv->files[i]);
  _timecard_export_journal_close (&priv->journal);
}

/* Puts the partial directory in place of the target, atomically where the
 * kernel can swap two directories. */
static gboolean
publish (TimecardExportDirWriterPrivate  *priv,
         GError                         **error)
{
  g_autofree char *old = NULL;
  gboolean exists;

  if (!check_target (priv->target, &exists, error))
    return FALSE;

  if (!exists)
    {
      if (g_rename (priv->partial, priv->target) != 0)
        return _timecard_export_set_io_error (error, errno, _("Cannot create “%s”"), priv->target);
      return TRUE;
    }

#ifdef SYS_renameat2
  if (syscall (SYS_renameat2, AT_FDCWD, priv->partial, AT_FDCWD, priv->target, RENAME_EXCHANGE) == 0)
    {
      g_autoptr(GError) local_error = NULL;

      /* The export is in place; the previous one is now at the partial path. */
      if (!remove_directory (priv->partial, &local_error))
        g_warning ("Could not remove the previous export: %s", local_error->message);
      return TRUE;
    }
  if (errno != EINVAL && errno != ENOSYS)
    return _timecard_export_set_io_error (error, errno, _("Cannot replace “%s”"), priv->target);
#endif

  old = g_strdup_printf ("%s" OLD_SUFFIX, priv->partial);
  if (!remove_directory (old, error))
    return FALSE;
  if (g_rename (priv->target, old) != 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot replace “%s”"), priv->target);
  if (g_rename (priv->partial, priv->target) != 0)
    {
      int saved_errno = errno;

      g_rename (old, priv->target);
      return _timecard_export_set_io_error (error, saved_errno, _("Cannot replace “%s”"), priv->target);
    }

  if (!remove_directory (old, error))
    g_warning ("Could not remove the previous export at “%s”", old);

  return TRUE;
}

static gboolean
timecard_export_dir_writer_finish (TimecardExportWriter  *writer,
                                   GError               **error)
{
  TimecardExportDirWriter *self = TIMECARD_EXPORT_DIR_WRITER (writer);
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);

  for (guint i = 0; i < TIMECARD_EXPORT_N_ENTITIES; i++)
    {
      OutFile *file = &priv->files[i];

      if (priv->begun & (1u << i))
        {
          if (!flush_file (file, error) || !sync_fd (file->fd, file->path, error))
            return FALSE;
          if (close (file->fd) != 0)
            return _timecard_export_set_io_error (error, errno, _("Cannot save “%s”"), file->path);
          file->fd = -1;
        }
      else
        {
          /* An entity the interrupted run wrote but this one did not. */
          g_autofree char *name = g_strdup_printf ("%s.%s", timecard_export_entity_get_name (i),
                                                   extension (self));
          g_autofree char *path = g_build_filename (priv->partial, name, NULL);

          if (g_unlink (path) != 0 && errno != ENOENT)
            return _timecard_export_set_io_error (error, errno, _("Cannot remove “%s”"), path);
        }
    }

  if (!_timecard_export_journal_remove (&priv->journal, error))
    return FALSE;

  if (!sync_fd (priv->lock_fd, priv->partial, error)
      || !sync_directory (priv->partial, error)
      || !publish (priv, error)
      || !sync_directory (priv->parent, error))
    return FALSE;

  close_files (priv);
  close_fd (&priv->lock_fd);
  return TRUE;
}

static gboolean
timecard_export_dir_writer_close (TimecardExportWriter  *writer,
                                  GError               **error)
{
  TimecardExportDirWriter *self = TIMECARD_EXPORT_DIR_WRITER (writer);
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);

  /* Whatever follows the journal's last checkpoint is cut on resume. */
  close_files (priv);
  close_fd (&priv->lock_fd);
  return TRUE;
}

static void
timecard_export_dir_writer_abort (TimecardExportWriter *writer)
{
  TimecardExportDirWriter *self = TIMECARD_EXPORT_DIR_WRITER (writer);
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  close_files (priv);

  if (priv->lock_fd >= 0 && !remove_directory (priv->partial, &error))
    g_warning ("Could not remove the unfinished export: %s", error->message);

  close_fd (&priv->lock_fd);
}

static void
timecard_export_dir_writer_finalize (GObject *object)
{
  TimecardExportDirWriter *self = TIMECARD_EXPORT_DIR_WRITER (object);
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);

  close_files (priv);
  close_fd (&priv->lock_fd);
  _timecard_export_journal_clear (&priv->journal);
  g_clear_pointer (&priv->target, g_free);
  g_clear_pointer (&priv->parent, g_free);
  g_clear_pointer (&priv->partial, g_free);

  G_OBJECT_CLASS (timecard_export_dir_writer_parent_class)->finalize (object);
}

static void
timecard_export_dir_writer_class_init (TimecardExportDirWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TimecardExportWriterClass *writer_class = TIMECARD_EXPORT_WRITER_CLASS (klass);

  object_class->finalize = timecard_export_dir_writer_finalize;

  writer_class->open = timecard_export_dir_writer_open;
  writer_class->begin_entity = timecard_export_dir_writer_begin_entity;
  writer_class->write_row = timecard_export_dir_writer_write_row;
  writer_class->end_entity = timecard_export_dir_writer_end_entity;
  writer_class->begin_window = timecard_export_dir_writer_begin_window;
  writer_class->rollback_window = timecard_export_dir_writer_rollback_window;
  writer_class->commit_window = timecard_export_dir_writer_commit_window;
  writer_class->is_window_completed = timecard_export_dir_writer_is_window_completed;
  writer_class->checkpoint_window = timecard_export_dir_writer_checkpoint_window;
  writer_class->get_window_progress = timecard_export_dir_writer_get_window_progress;
  writer_class->finish = timecard_export_dir_writer_finish;
  writer_class->close = timecard_export_dir_writer_close;
  writer_class->abort = timecard_export_dir_writer_abort;
}

static void
timecard_export_dir_writer_init (TimecardExportDirWriter *self)
{
  TimecardExportDirWriterPrivate *priv = timecard_export_dir_writer_get_instance_private (self);

  priv->lock_fd = -1;
  for (guint i = 0; i < TIMECARD_EXPORT_N_ENTITIES; i++)
    priv->files[i].fd = -1;
  _timecard_export_journal_init (&priv->journal);
}
