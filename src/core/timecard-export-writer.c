/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-writer"

#include "config.h"

#include "timecard-export-writer-private.h"

#include <glib/gi18n-lib.h>

/*
 * The writer's life: open, then for each entity begin_entity, rows,
 * end_entity; time entries may be grouped in windows (begin_window,
 * rows, commit_window or rollback_window). It ends with finish (publish),
 * close (stop, keep what a resumed run can use) or abort (discard). Every
 * call is blocking: the runner drives a writer from one thread at a time.
 */
typedef enum
{
  STATE_NEW,
  STATE_OPEN,
  STATE_ENTITY,
  STATE_WINDOW,
  STATE_FAILED,
  STATE_DONE,
} State;

typedef struct
{
  char                      *path;
  TimecardExportWriterFlags  flags;
  GTimeZone                 *time_zone;
  TimecardExportLookup      *lookup;
  char                      *run_info;
  gboolean                   resumed;

  State                      state;
  TimecardExportEntity       entity;
  guint                      begun_entities;
  TimecardExportWindow       window;
  guint64                    window_rows;
  guint64                    n_rows[TIMECARD_EXPORT_N_ENTITIES];
  TimecardExportRow         *row;
} TimecardExportWriterPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TimecardExportWriter, timecard_export_writer, G_TYPE_OBJECT)

G_DEFINE_QUARK (timecard-export-error-quark, timecard_export_error)

G_DEFINE_ENUM_TYPE (TimecardExportFormat, timecard_export_format,
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_FORMAT_CSV, "csv"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_FORMAT_JSONL, "jsonl"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_FORMAT_SQLITE, "sqlite"))

G_DEFINE_FLAGS_TYPE (TimecardExportWriterFlags, timecard_export_writer_flags,
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_WRITER_FLAGS_NONE, "none"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_WRITER_FLAGS_RESUME, "resume"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_WRITER_FLAGS_UPDATE, "update"))

/* Whether a run is under way: opened and not ended yet (a failed run still
 * has its output to close or abort). */
static gboolean
is_running (TimecardExportWriterPrivate *priv)
{
  return priv->state != STATE_NEW && priv->state != STATE_DONE;
}

enum {
  PROP_0,
  PROP_PATH,
  PROP_FLAGS,
  PROP_TIME_ZONE,
  PROP_LOOKUP,
  PROP_RUN_INFO,
  PROP_RESUMED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
timecard_export_writer_dispose (GObject *object)
{
  TimecardExportWriter *self = TIMECARD_EXPORT_WRITER (object);
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  /* Dropped without an ending: leave nothing half-written behind. */
  if (is_running (priv))
    timecard_export_writer_abort (self);

  G_OBJECT_CLASS (timecard_export_writer_parent_class)->dispose (object);
}

static void
timecard_export_writer_finalize (GObject *object)
{
  TimecardExportWriter *self = TIMECARD_EXPORT_WRITER (object);
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_clear_pointer (&priv->path, g_free);
  g_clear_pointer (&priv->time_zone, g_time_zone_unref);
  g_clear_pointer (&priv->lookup, timecard_export_lookup_unref);
  g_clear_pointer (&priv->run_info, g_free);
  g_clear_pointer ((char **) &priv->window.strategy, g_free);
  g_clear_pointer ((char **) &priv->window.user_id, g_free);
  g_clear_pointer (&priv->row, timecard_export_row_free);

  G_OBJECT_CLASS (timecard_export_writer_parent_class)->finalize (object);
}

static void
timecard_export_writer_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TimecardExportWriter *self = TIMECARD_EXPORT_WRITER (object);
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, priv->path);
      break;
    case PROP_FLAGS:
      g_value_set_flags (value, priv->flags);
      break;
    case PROP_TIME_ZONE:
      g_value_set_boxed (value, priv->time_zone);
      break;
    case PROP_LOOKUP:
      g_value_set_boxed (value, priv->lookup);
      break;
    case PROP_RUN_INFO:
      g_value_set_string (value, priv->run_info);
      break;
    case PROP_RESUMED:
      g_value_set_boolean (value, priv->resumed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_export_writer_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TimecardExportWriter *self = TIMECARD_EXPORT_WRITER (object);
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PATH:
      priv->path = g_value_dup_string (value);
      break;
    case PROP_FLAGS:
      priv->flags = g_value_get_flags (value);
      break;
    case PROP_TIME_ZONE:
      priv->time_zone = g_value_dup_boxed (value);
      break;
    case PROP_LOOKUP:
      priv->lookup = g_value_dup_boxed (value);
      break;
    case PROP_RUN_INFO:
      timecard_export_writer_set_run_info (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_export_writer_constructed (GObject *object)
{
  TimecardExportWriter *self = TIMECARD_EXPORT_WRITER (object);
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  G_OBJECT_CLASS (timecard_export_writer_parent_class)->constructed (object);

  g_assert (priv->path != NULL);

  if (priv->time_zone == NULL)
    priv->time_zone = g_time_zone_new_utc ();
}

static gboolean
timecard_export_writer_real_begin_window (TimecardExportWriter        *self,
                                          const TimecardExportWindow  *window,
                                          GError                     **error)
{
  return TRUE;
}

static gboolean
timecard_export_writer_real_commit_window (TimecardExportWriter        *self,
                                           const TimecardExportWindow  *window,
                                           guint64                      n_rows,
                                           GError                     **error)
{
  return TRUE;
}

static gboolean
timecard_export_writer_real_rollback_window (TimecardExportWriter  *self,
                                             GError               **error)
{
  return TRUE;
}

static gboolean
timecard_export_writer_real_is_window_completed (TimecardExportWriter       *self,
                                                 const TimecardExportWindow *window)
{
  return FALSE;
}

static void
timecard_export_writer_class_init (TimecardExportWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = timecard_export_writer_dispose;
  object_class->finalize = timecard_export_writer_finalize;
  object_class->get_property = timecard_export_writer_get_property;
  object_class->set_property = timecard_export_writer_set_property;
  object_class->constructed = timecard_export_writer_constructed;

  klass->begin_window = timecard_export_writer_real_begin_window;
  klass->commit_window = timecard_export_writer_real_commit_window;
  klass->rollback_window = timecard_export_writer_real_rollback_window;
  klass->is_window_completed = timecard_export_writer_real_is_window_completed;

  /**
   * TimecardExportWriter:path:
   *
   * Where the export goes: a directory (CSV, JSON Lines) or a file (SQLite).
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, construct);

  /**
   * TimecardExportWriter:flags:
   *
   * How to treat what is at #TimecardExportWriter:path already.
   */
  properties[PROP_FLAGS] =
    g_param_spec_flags ("flags", NULL, NULL,
                        TIMECARD_TYPE_EXPORT_WRITER_FLAGS, TIMECARD_EXPORT_WRITER_FLAGS_NONE,
                        construct);

  /**
   * TimecardExportWriter:time-zone:
   *
   * The zone of the `*_local` columns; UTC when not set.
   */
  properties[PROP_TIME_ZONE] =
    g_param_spec_boxed ("time-zone", NULL, NULL, G_TYPE_TIME_ZONE, construct);

  /**
   * TimecardExportWriter:lookup:
   *
   * Names for the ids that time entries refer to.
   */
  properties[PROP_LOOKUP] =
    g_param_spec_boxed ("lookup", NULL, NULL, TIMECARD_TYPE_EXPORT_LOOKUP, construct);

  /**
   * TimecardExportWriter:run-info:
   *
   * Text the runner keeps with a resumable output (say, its plan as JSON).
   * Stored by timecard_export_writer_open(); when it resumes a run, the
   * stored text replaces this one, so the runner can tell what it resumes.
   */
  properties[PROP_RUN_INFO] =
    g_param_spec_string ("run-info", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TimecardExportWriter:resumed:
   *
   * Whether timecard_export_writer_open() continued an interrupted run.
   */
  properties[PROP_RESUMED] =
    g_param_spec_boolean ("resumed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
timecard_export_writer_init (TimecardExportWriter *self)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  priv->row = timecard_export_row_new ();
}

/**
 * timecard_export_writer_get_path:
 * @self: a writer
 *
 * Returns: where the export goes
 */
const char *
timecard_export_writer_get_path (TimecardExportWriter *self)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), NULL);

  return priv->path;
}

/**
 * timecard_export_writer_get_flags:
 * @self: a writer
 *
 * Returns: the writer's flags
 */
TimecardExportWriterFlags
timecard_export_writer_get_flags (TimecardExportWriter *self)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), 0);

  return priv->flags;
}

/**
 * timecard_export_writer_get_time_zone:
 * @self: a writer
 *
 * Returns: (transfer none): the zone of the `*_local` columns
 */
GTimeZone *
timecard_export_writer_get_time_zone (TimecardExportWriter *self)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), NULL);

  return priv->time_zone;
}

/**
 * timecard_export_writer_get_lookup:
 * @self: a writer
 *
 * Returns: (transfer none) (nullable): the names for time entries
 */
TimecardExportLookup *
timecard_export_writer_get_lookup (TimecardExportWriter *self)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), NULL);

  return priv->lookup;
}

/**
 * timecard_export_writer_get_run_info:
 * @self: a writer
 *
 * Returns: (nullable): see #TimecardExportWriter:run-info
 */
const char *
timecard_export_writer_get_run_info (TimecardExportWriter *self)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), NULL);

  return priv->run_info;
}

/**
 * timecard_export_writer_set_run_info:
 * @self: a writer
 * @run_info: (nullable): text to keep with a resumable output
 *
 * Sets #TimecardExportWriter:run-info; only before timecard_export_writer_open().
 */
void
timecard_export_writer_set_run_info (TimecardExportWriter *self,
                                     const char           *run_info)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_if_fail (TIMECARD_IS_EXPORT_WRITER (self));
  g_return_if_fail (priv->state == STATE_NEW);

  _timecard_export_writer_take_run_info (self, g_strdup (run_info));
}

void
_timecard_export_writer_take_run_info (TimecardExportWriter *self,
                                       char                 *run_info)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  if (g_strcmp0 (priv->run_info, run_info) == 0)
    {
      g_free (run_info);
      return;
    }

  g_free (priv->run_info);
  priv->run_info = run_info;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_INFO]);
}

/**
 * timecard_export_writer_get_resumed:
 * @self: a writer
 *
 * Returns: whether the open writer continues an interrupted run
 */
gboolean
timecard_export_writer_get_resumed (TimecardExportWriter *self)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), FALSE);

  return priv->resumed;
}

void
_timecard_export_writer_set_resumed (TimecardExportWriter *self,
                                     gboolean              resumed)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  resumed = !!resumed;
  if (priv->resumed == resumed)
    return;

  priv->resumed = resumed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESUMED]);
}

/**
 * timecard_export_writer_get_n_rows:
 * @self: a writer
 * @entity: an entity
 *
 * Returns: how many rows of @entity this writer has written
 */
guint64
timecard_export_writer_get_n_rows (TimecardExportWriter *self,
                                   TimecardExportEntity  entity)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), 0);
  g_return_val_if_fail (entity < TIMECARD_EXPORT_N_ENTITIES, 0);

  return priv->n_rows[entity];
}

/* Every step but the endings goes through here: a writer that failed once
 * refuses to go on, so a runner cannot publish half an export by mistake. */
static gboolean
check_usable (TimecardExportWriterPrivate  *priv,
              GError                      **error)
{
  if (priv->state != STATE_FAILED)
    return TRUE;

  g_set_error_literal (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_FAILED,
                       _("The export stopped after an earlier error"));
  return FALSE;
}

static gboolean
step_done (TimecardExportWriterPrivate *priv,
           gboolean                     ok)
{
  if (!ok)
    priv->state = STATE_FAILED;

  return ok;
}

/* Ends the run for close and abort. Returns: %FALSE when there was no run
 * to end, so the class has nothing to do. */
static gboolean
stop_run (TimecardExportWriterPrivate *priv)
{
  if (!is_running (priv))
    return FALSE;

  priv->state = STATE_DONE;
  return TRUE;
}

/**
 * timecard_export_writer_open:
 * @self: a writer
 * @error: return location for an error
 *
 * Checks the path and prepares the output: a temporary sibling of the path
 * for a fresh export, the interrupted run's output when resuming, the
 * database itself for an update. Refuses to touch a path that holds anything
 * but a Timecard export. Blocking.
 *
 * Returns: %TRUE if the writer is ready for rows
 */
gboolean
timecard_export_writer_open (TimecardExportWriter  *self,
                             GError               **error)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), FALSE);
  g_return_val_if_fail (priv->state == STATE_NEW, FALSE);

  priv->state = STATE_OPEN;
  return step_done (priv, TIMECARD_EXPORT_WRITER_GET_CLASS (self)->open (self, error));
}

/**
 * timecard_export_writer_begin_entity:
 * @self: a writer
 * @entity: the entity whose rows follow
 * @error: return location for an error
 *
 * Starts @entity's file or table; each entity at most once per run. A small
 * entity is written whole each run (in SQLite it replaces the table's rows
 * when timecard_export_writer_end_entity() commits); time entries keep what
 * committed windows wrote. Blocking.
 *
 * Returns: %TRUE on success
 */
gboolean
timecard_export_writer_begin_entity (TimecardExportWriter  *self,
                                     TimecardExportEntity   entity,
                                     GError               **error)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), FALSE);
  g_return_val_if_fail (entity < TIMECARD_EXPORT_N_ENTITIES, FALSE);
  g_return_val_if_fail (priv->state == STATE_OPEN || priv->state == STATE_FAILED, FALSE);
  g_return_val_if_fail ((priv->begun_entities & (1u << entity)) == 0, FALSE);

  if (!check_usable (priv, error))
    return FALSE;

  priv->entity = entity;
  priv->begun_entities |= 1u << entity;
  priv->state = STATE_ENTITY;
  return step_done (priv, TIMECARD_EXPORT_WRITER_GET_CLASS (self)->begin_entity (self, entity, error));
}

/**
 * timecard_export_writer_write_row:
 * @self: a writer
 * @row: a row of the current entity
 * @error: return location for an error
 *
 * Writes @row. Blocking, buffered.
 *
 * Returns: %TRUE on success
 */
gboolean
timecard_export_writer_write_row (TimecardExportWriter     *self,
                                  const TimecardExportRow  *row,
                                  GError                  **error)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  if (!check_usable (priv, error))
    return FALSE;

  g_return_val_if_fail (priv->state == STATE_ENTITY || priv->state == STATE_WINDOW, FALSE);
  g_return_val_if_fail (row->entity == priv->entity, FALSE);

  if (!step_done (priv, TIMECARD_EXPORT_WRITER_GET_CLASS (self)->write_row (self, row, error)))
    return FALSE;

  priv->n_rows[row->entity]++;
  priv->window_rows++;
  return TRUE;
}

/**
 * timecard_export_writer_write_item:
 * @self: a writer
 * @item: (type GObject): a Clockify object of the current entity, such as a
 *   #ClockifyUser while writing `users`
 * @error: return location for an error
 *
 * Writes the row of @item (see timecard_export_row_fill_item()).
 *
 * Returns: %TRUE on success
 */
gboolean
timecard_export_writer_write_item (TimecardExportWriter  *self,
                                   gpointer               item,
                                   GError               **error)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  if (!check_usable (priv, error))
    return FALSE;

  if (!timecard_export_row_fill_item (priv->row, item, error))
    return step_done (priv, FALSE);

  return timecard_export_writer_write_row (self, priv->row, error);
}

/**
 * timecard_export_writer_write_entry:
 * @self: a writer
 * @record: a time entry from the bulk parser
 * @error: return location for an error
 *
 * Denormalises @record with the writer's lookup and time zone (see
 * timecard_export_row_fill_entry()) and writes it to `time_entries`. Fits
 * a #ClockifyEntryFunc's body.
 *
 * Returns: %TRUE on success
 */
gboolean
timecard_export_writer_write_entry (TimecardExportWriter       *self,
                                    const ClockifyEntryRecord  *record,
                                    GError                    **error)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!check_usable (priv, error))
    return FALSE;

  if (!timecard_export_row_fill_entry (priv->row, record, priv->lookup, priv->time_zone, error))
    return step_done (priv, FALSE);

  return timecard_export_writer_write_row (self, priv->row, error);
}

/**
 * timecard_export_writer_end_entity:
 * @self: a writer
 * @error: return location for an error
 *
 * Ends the current entity (commits its table in SQLite). Blocking.
 *
 * Returns: %TRUE on success
 */
gboolean
timecard_export_writer_end_entity (TimecardExportWriter  *self,
                                   GError               **error)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), FALSE);

  if (!check_usable (priv, error))
    return FALSE;

  g_return_val_if_fail (priv->state == STATE_ENTITY, FALSE);

  priv->state = STATE_OPEN;
  return step_done (priv, TIMECARD_EXPORT_WRITER_GET_CLASS (self)->end_entity (self, priv->entity, error));
}

/**
 * timecard_export_writer_begin_window:
 * @self: a writer
 * @window: the window whose time entries follow; copied
 * @error: return location for an error
 *
 * Starts a unit of time-entry work, inside `time_entries`. Its rows become
 * durable together at timecard_export_writer_commit_window(); if the run
 * stops before, a resumed run does not see them. Blocking.
 *
 * Returns: %TRUE on success
 */
gboolean
timecard_export_writer_begin_window (TimecardExportWriter        *self,
                                     const TimecardExportWindow  *window,
                                     GError                     **error)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), FALSE);
  g_return_val_if_fail (window != NULL, FALSE);

  if (!check_usable (priv, error))
    return FALSE;

  g_return_val_if_fail (priv->state == STATE_ENTITY, FALSE);
  g_return_val_if_fail (priv->entity == TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, FALSE);

  g_free ((char *) priv->window.strategy);
  g_free ((char *) priv->window.user_id);
  priv->window = *window;
  priv->window.strategy = g_strdup (window->strategy);
  priv->window.user_id = g_strdup (window->user_id);
  priv->window_rows = 0;
  priv->state = STATE_WINDOW;

  return step_done (priv, TIMECARD_EXPORT_WRITER_GET_CLASS (self)->begin_window (self, &priv->window, error));
}

/**
 * timecard_export_writer_commit_window:
 * @self: a writer
 * @error: return location for an error
 *
 * Makes the window's rows durable and records the window as completed
 * (CSV and JSON Lines: flushed and synced, with a resume checkpoint;
 * SQLite: one transaction, pruned first if the window asks for it).
 * Blocking.
 *
 * Returns: %TRUE on success
 */
gboolean
timecard_export_writer_commit_window (TimecardExportWriter  *self,
                                      GError               **error)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), FALSE);

  if (!check_usable (priv, error))
    return FALSE;

  g_return_val_if_fail (priv->state == STATE_WINDOW, FALSE);

  priv->state = STATE_ENTITY;
  return step_done (priv, TIMECARD_EXPORT_WRITER_GET_CLASS (self)->commit_window (self, &priv->window,
                                                                                  priv->window_rows,
                                                                                  error));
}

/**
 * timecard_export_writer_rollback_window:
 * @self: a writer
 * @error: return location for an error
 *
 * Discards the rows written since timecard_export_writer_begin_window(),
 * so that the window can be fetched and written again (say, after a page
 * turned out to be cut short). The writer is back in `time_entries`,
 * outside any window. Blocking.
 *
 * Returns: %TRUE on success
 */
gboolean
timecard_export_writer_rollback_window (TimecardExportWriter  *self,
                                        GError               **error)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), FALSE);

  if (!check_usable (priv, error))
    return FALSE;

  g_return_val_if_fail (priv->state == STATE_WINDOW, FALSE);

  priv->state = STATE_ENTITY;
  priv->n_rows[TIMECARD_EXPORT_ENTITY_TIME_ENTRIES] -= priv->window_rows;
  priv->window_rows = 0;
  return step_done (priv, TIMECARD_EXPORT_WRITER_GET_CLASS (self)->rollback_window (self, error));
}

/**
 * timecard_export_writer_is_window_completed:
 * @self: an open writer
 * @window: a window
 *
 * Tells whether @window was committed, by this run or by the interrupted run
 * this one resumes, so that the runner can skip it.
 *
 * Returns: %TRUE if @window is completed
 */
gboolean
timecard_export_writer_is_window_completed (TimecardExportWriter       *self,
                                            const TimecardExportWindow *window)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), FALSE);
  g_return_val_if_fail (window != NULL, FALSE);
  g_return_val_if_fail (is_running (priv), FALSE);

  return TIMECARD_EXPORT_WRITER_GET_CLASS (self)->is_window_completed (self, window);
}

/**
 * timecard_export_writer_checkpoint_window:
 * @self: a writer inside a window
 * @progress: how far the window got, for the runner to continue from; opaque
 *   here, not empty
 * @error: return location for an error
 *
 * Makes the rows written in the window so far durable, short of completing
 * it: a run that resumes this one gets @progress back from
 * timecard_export_writer_get_window_progress(), and its
 * timecard_export_writer_begin_window() of the same window continues after
 * these rows. Rolling the window back still discards them (SQLite keeps
 * them, as entries are upserted by id). Not for a window that prunes.
 * Blocking.
 *
 * Returns: %TRUE on success
 */
gboolean
timecard_export_writer_checkpoint_window (TimecardExportWriter  *self,
                                          const char            *progress,
                                          GError               **error)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), FALSE);
  g_return_val_if_fail (progress != NULL && *progress != '\0', FALSE);

  if (!check_usable (priv, error))
    return FALSE;

  g_return_val_if_fail (priv->state == STATE_WINDOW, FALSE);
  g_return_val_if_fail (!priv->window.prune, FALSE);

  if (TIMECARD_EXPORT_WRITER_GET_CLASS (self)->checkpoint_window == NULL)
    return TRUE;

  return step_done (priv, TIMECARD_EXPORT_WRITER_GET_CLASS (self)->checkpoint_window (self, &priv->window,
                                                                                      progress, error));
}

/**
 * timecard_export_writer_get_window_progress:
 * @self: an open writer
 * @window: a window
 *
 * Returns: (transfer full) (nullable): the progress the interrupted run this
 *   one resumes last recorded for @window with
 *   timecard_export_writer_checkpoint_window(), or %NULL
 */
char *
timecard_export_writer_get_window_progress (TimecardExportWriter       *self,
                                            const TimecardExportWindow *window)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), NULL);
  g_return_val_if_fail (window != NULL, NULL);
  g_return_val_if_fail (is_running (priv), NULL);

  if (TIMECARD_EXPORT_WRITER_GET_CLASS (self)->get_window_progress == NULL)
    return NULL;

  return TIMECARD_EXPORT_WRITER_GET_CLASS (self)->get_window_progress (self, window);
}

/**
 * timecard_export_writer_finish:
 * @self: a writer
 * @error: return location for an error
 *
 * Completes the export: syncs it to disk and puts it in place of what was at
 * the path (atomically for CSV and JSON Lines directories and fresh SQLite
 * files). Only the entities begun in this run are published. On failure the
 * previous export is still in place and the writer has been aborted.
 * Blocking.
 *
 * Returns: %TRUE when the export is in place
 */
gboolean
timecard_export_writer_finish (TimecardExportWriter  *self,
                               GError               **error)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);
  gboolean ok;

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), FALSE);

  if (!check_usable (priv, error))
    return FALSE;

  g_return_val_if_fail (priv->state == STATE_OPEN, FALSE);

  ok = TIMECARD_EXPORT_WRITER_GET_CLASS (self)->finish (self, error);
  if (!ok)
    TIMECARD_EXPORT_WRITER_GET_CLASS (self)->abort (self);
  priv->state = STATE_DONE;

  return ok;
}

/**
 * timecard_export_writer_close:
 * @self: a writer
 * @error: return location for an error
 *
 * Stops without publishing and keeps the committed windows for a run with
 * %TIMECARD_EXPORT_WRITER_FLAGS_RESUME; rows of an uncommitted window are
 * dropped. Use it when the run is interrupted (cancelled, out of request
 * budget). Blocking.
 *
 * Returns: %TRUE on success
 */
gboolean
timecard_export_writer_close (TimecardExportWriter  *self,
                              GError               **error)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_val_if_fail (TIMECARD_IS_EXPORT_WRITER (self), FALSE);

  if (!stop_run (priv))
    return TRUE;

  return TIMECARD_EXPORT_WRITER_GET_CLASS (self)->close (self, error);
}

/**
 * timecard_export_writer_abort:
 * @self: a writer
 *
 * Stops and discards this run's output: the temporary output of a fresh or
 * resumed run is removed, an uncommitted SQLite window is rolled back (the
 * windows an update already committed stay). What was at the path before is
 * untouched. Dropping the last reference to an unfinished writer aborts it.
 */
void
timecard_export_writer_abort (TimecardExportWriter *self)
{
  TimecardExportWriterPrivate *priv = timecard_export_writer_get_instance_private (self);

  g_return_if_fail (TIMECARD_IS_EXPORT_WRITER (self));

  if (stop_run (priv))
    TIMECARD_EXPORT_WRITER_GET_CLASS (self)->abort (self);
}
