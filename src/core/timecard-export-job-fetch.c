/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-job"

#include "config.h"

#include "timecard-export-job-private.h"

#include <string.h>

#include "clockify-entry-stream.h"
#include "clockify-error.h"

/*
 * The bulk path of an export: time-entry pages, from the requests to the
 * writer.
 *
 * Requests are pipelined: up to max-in-flight are outstanding at once (the
 * throttle paces them), so a slow answer does not hold the next request
 * back. Pages are written strictly in order (window by window, page by
 * page), so the output does not depend on which answer came first; pages
 * that arrive early wait, and at most max-in-flight pages are held at a
 * time, so memory does not grow with the export. A report's page 1 carries
 * the window's entry count, after which its other pages are requested
 * together; otherwise page k + 1 is requested once page k is known to be
 * full (a `Last-Page: false` header, or 5000 entries written).
 *
 * A window is committed to the writer when its last page is written, and a
 * resumed export skips committed windows. A long window is checkpointed
 * between pages (at most once per checkpoint interval): a resumed run
 * fetches the last checkpointed page again and, if it still ends with the
 * same entry (pages are sorted, so nothing before it moved), goes on after
 * it; otherwise it writes the window again from its start. When the run
 * has to stop (the Free-plan budget, a failure) it stops requesting but
 * still writes and commits the windows whose pages it already has, so that
 * --resume has less to do; when cancelled it stops at once.
 *
 * The requests themselves, and the checks of their answers, are in
 * timecard-export-job-request.c.
 */

/* A page that does not parse (a body cut short) is fetched again this often. */
#define MAX_PAGE_ATTEMPTS 3

/* Pages held or expected in flight stay below this, so that memory does not
 * depend on the page size or the latency. 5000 hydrated entries are about
 * 6 MB; at 10 requests a second and 300 ms, 3 or 4 pages in flight keep the
 * rate. */
#define MAX_HELD_BYTES (24 * 1024 * 1024)

/* Expected bytes per entry before the first page tells. */
#define ENTRY_BYTES          700
#define HYDRATED_ENTRY_BYTES 1500

/* Windows */

static void
job_window_free (gpointer data)
{
  TimecardJobWindow *w = data;

  for (guint i = 0; i < w->pages->len; i++)
    g_clear_pointer (&g_array_index (w->pages, TimecardJobPage, i).bytes, g_bytes_unref);
  g_array_unref (w->pages);
  g_free (w->verify_id);
  g_free (w->checkpoint);
  g_free ((char *) w->window.strategy);
  g_free ((char *) w->window.user_id);
  g_free (w);
}

void
_timecard_export_job_free_windows (TimecardExportJob *self)
{
  g_clear_pointer (&self->windows, g_ptr_array_unref);
}

static TimecardJobPage *
get_page (TimecardJobWindow *w,
          guint              index)
{
  if (index >= w->pages->len)
    g_array_set_size (w->pages, index + 1);

  return &g_array_index (w->pages, TimecardJobPage, index);
}

static gboolean
is_reports (TimecardExportJob *self)
{
  return timecard_export_plan_get_strategy (self->plan) == TIMECARD_EXPORT_STRATEGY_REPORTS;
}

static guint
page_size (TimecardExportJob *self)
{
  return is_reports (self) ? TIMECARD_EXPORT_REPORT_PAGE_SIZE : TIMECARD_EXPORT_PER_USER_PAGE_SIZE;
}

static void
set_window_pages (TimecardExportJob *self,
                  TimecardJobWindow *w,
                  guint              n_pages)
{
  w->n_pages = MAX (1, n_pages);
  _timecard_export_plan_update_window_pages (self->plan, w->index, w->n_pages);
}

/* Whether page @index (from 0) of @w may be requested now. */
static gboolean
may_request (TimecardExportJob *self,
             TimecardJobWindow *w,
             guint              index)
{
  const TimecardJobPage *previous;

  /* A resumed window waits for its kept pages to be confirmed. */
  if (w->verify_id != NULL && index > w->first_page)
    return FALSE;
  if (w->n_pages > 0)
    return index < w->n_pages;
  if (index == w->first_page)
    return TRUE;

  previous = &g_array_index (w->pages, TimecardJobPage, index - 1);
  if (!previous->received)
    return FALSE;
  if (previous->last_page == 0)
    return TRUE;

  return previous->written && previous->n_entries >= page_size (self);
}

guint
_timecard_export_job_pages_planned (TimecardExportJob *self)
{
  TimecardExportPlan *plan = self->plan;
  guint total = 0;

  if (self->pages_known)
    return self->pages_planned;

  if (self->windows == NULL)
    {
      for (guint i = 0; i < timecard_export_plan_get_n_windows (plan); i++)
        total += timecard_export_plan_get_window_pages (plan, i);
      return total;
    }

  for (guint i = 0; i < self->windows->len; i++)
    {
      TimecardJobWindow *w = g_ptr_array_index (self->windows, i);

      guint pages = w->n_pages > 0 ? w->n_pages
                                   : MAX (timecard_export_plan_get_window_pages (plan, w->index),
                                          w->next_write + 1);

      if (!w->skip && pages > w->first_page)
        total += pages - w->first_page;
    }

  return total;
}

/* Whether the first page written is the report page planning fetched:
 * not when a resumed run skips or kept it. */
gboolean
_timecard_export_job_uses_planning_page (TimecardExportJob *self)
{
  const TimecardJobWindow *first;

  if (self->pages_known)
    return self->planning_page_used;
  if (timecard_export_plan_get_first_report_page (self->plan) == NULL)
    return FALSE;
  if (self->windows == NULL || self->windows->len == 0)
    return TRUE;

  first = g_ptr_array_index (self->windows, 0);
  return !first->skip && first->first_page == 0;
}

/* Pages and their requests */

typedef struct
{
  TimecardExportJob *job;
  guint              window;
  guint              page;
} PageRequest;

static void pump (TimecardExportJob *self);
static void try_write (TimecardExportJob *self);
static void on_write_done (TimecardExportJob *self);

static void request_page (TimecardExportJob *self,
                          guint              window_index,
                          guint              page_index);

static void
page_received (TimecardExportJob *self,
               TimecardJobWindow *w,
               guint              page_index,
               GBytes            *bytes,
               int                last_page)
{
  TimecardJobPage *page = get_page (w, page_index);

  page->bytes = g_bytes_ref (bytes);
  page->last_page = last_page;
  page->received = TRUE;
  self->buffered++;
  self->buffered_bytes += g_bytes_get_size (bytes);

  if (is_reports (self) && page_index == w->first_page && w->n_pages == 0)
    {
      gint64 count;

      if (_timecard_export_report_count (bytes, &count))
        set_window_pages (self, w, (guint) ((count + TIMECARD_EXPORT_REPORT_PAGE_SIZE - 1) /
                                            TIMECARD_EXPORT_REPORT_PAGE_SIZE));
    }

  if (last_page == 1 && w->n_pages == 0)
    set_window_pages (self, w, page_index + 1);
}

static void
on_page_sent (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PageRequest *request = user_data;
  TimecardExportJob *self = request->job;
  TimecardJobWindow *w = g_ptr_array_index (self->windows, request->window);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  int last_page = -1;

  self->in_flight--;
  self->n_requests++;

  bytes = clockify_client_send_finish (CLOCKIFY_CLIENT (source), result, &last_page, &error);
  if (bytes != NULL && !_timecard_export_page_is_complete (bytes, &error))
    g_clear_pointer (&bytes, g_bytes_unref);

  /* A body cut short that still looked like a whole answer to HTTP. */
  if (bytes == NULL && g_error_matches (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE))
    {
      TimecardJobPage *page = get_page (w, request->page);

      if (page->attempts < MAX_PAGE_ATTEMPTS && self->stop_error == NULL)
        {
          g_debug ("%s; fetching the page again", error->message);
          g_clear_error (&error);
          request_page (self, request->window, request->page);
          goto out;
        }
    }

  if (bytes == NULL)
    _timecard_export_job_stop (self, error);
  else
    page_received (self, w, request->page, bytes, last_page);

  _timecard_export_job_progress (self);
  try_write (self);
  pump (self);

out:
  g_object_unref (request->job);
  g_free (request);
}

static void
request_page (TimecardExportJob *self,
              guint              window_index,
              guint              page_index)
{
  TimecardJobWindow *w = g_ptr_array_index (self->windows, window_index);
  TimecardJobPage *page = get_page (w, page_index);
  TimecardExportPlan *plan = self->plan;
  GBytes *first = timecard_export_plan_get_first_report_page (plan);
  PageRequest *request;

  page->requested = TRUE;

  /* Planning fetched it already. */
  if (first != NULL && w->index == 0 && page_index == 0 && is_reports (self) && page->attempts == 0)
    {
      page_received (self, w, 0, first, -1);
      return;
    }

  page->attempts++;
  self->in_flight++;
  self->max_in_flight_seen = MAX (self->max_in_flight_seen, self->in_flight);

  request = g_new0 (PageRequest, 1);
  request->job = g_object_ref (self);
  request->window = window_index;
  request->page = page_index;

  _timecard_export_send_page (timecard_export_plan_get_client (plan),
                              clockify_workspace_get_id (timecard_export_plan_get_workspace (plan)),
                              timecard_export_plan_get_time_zone_name (plan),
                              timecard_export_plan_get_strategy (plan),
                              &w->window,
                              timecard_export_plan_get_hydrated (plan),
                              page_index + 1, page_size (self), page_index == w->first_page,
                              g_task_get_cancellable (self->task),
                              on_page_sent, request);
}

/* Issues what may be requested: the window being written may always have a
 * request out (so that early pages of later windows cannot starve it), the
 * others only while fewer than max-in-flight pages are out or held. */
static void
pump (TimecardExportJob *self)
{
  if (self->stop_error != NULL || self->windows == NULL)
    return;

  for (guint i = self->write_window; i < self->windows->len; i++)
    {
      TimecardJobWindow *w = g_ptr_array_index (self->windows, i);

      if (w->skip || w->committed)
        continue;

      for (;;)
        {
          guint index = 0;
          guint held = 0;
          gboolean is_head = i == self->write_window;

          while (index < w->pages->len && g_array_index (w->pages, TimecardJobPage, index).requested)
            {
              const TimecardJobPage *page = &g_array_index (w->pages, TimecardJobPage, index);

              if (page->received && !page->written)
                held++;
              index++;
            }

          /* Pages held by the head count against the head only; the head
           * may always have one request out. */
          if (is_head ? self->in_flight + held >= self->max_in_flight
                      : self->in_flight + self->buffered >= self->max_in_flight)
            return;
          if (!(is_head && self->in_flight == 0 && held == 0) &&
              self->buffered_bytes + (self->in_flight + 1) * self->page_bytes > MAX_HELD_BYTES)
            return;
          if (!may_request (self, w, index))
            break;

          request_page (self, i, index);
        }
    }
}

/* Writing */

/* A writer step that failed stops the run; the window it was in is not
 * committed, so a resumed run fetches it again (from its checkpoint). */
static gboolean
writer_step_ok (TimecardExportJob *self,
                GError            *error)
{
  if (error == NULL)
    return TRUE;

  self->writer_failed = TRUE;
  _timecard_export_job_stop (self, error);
  return FALSE;
}

/* Longer ids than Clockify's 24 hex digits are not checkpointed. */
#define LAST_ID_MAX 64

typedef struct
{
  TimecardJobWindow          *window;
  GBytes                     *bytes;
  ClockifyEntryStreamFormat   format;
  gboolean                    verify;     /* only read the last entry's id */
  guint                       n_entries;
  guint64                     n_rows;
  char                        last_id[LAST_ID_MAX];
} PageWrite;

static void
page_write_free (gpointer data)
{
  PageWrite *write = data;

  g_clear_pointer (&write->bytes, g_bytes_unref);
  g_free (write);
}

typedef struct
{
  TimecardExportWriter *writer;
  PageWrite            *write;
} EntryContext;

static gboolean
write_entry (const ClockifyEntryRecord  *record,
             gpointer                    user_data,
             GError                    **error)
{
  EntryContext *context = user_data;
  PageWrite *write = context->write;
  const TimecardExportWindow *window = &write->window->window;
  gsize id_length = record->id != NULL ? strlen (record->id) : LAST_ID_MAX;

  /* The page's last entry, for a checkpoint or to confirm one. */
  if (id_length < LAST_ID_MAX)
    memcpy (write->last_id, record->id, id_length + 1);
  else
    write->last_id[0] = '\0';
  if (write->verify)
    return TRUE;

  /* Whole-second request bounds and inclusive report ends can bring
   * neighbours: the window is exact. */
  if (record->start_usec < window->start_usec || record->start_usec >= window->end_usec)
    return TRUE;

  if (!timecard_export_writer_write_entry (context->writer, record, error))
    return FALSE;

  context->write->n_rows++;
  return TRUE;
}

static gboolean
write_page_in_thread (TimecardExportJob  *self,
                      gpointer            data,
                      GError            **error)
{
  PageWrite *write = data;
  EntryContext context = { self->writer, write };
  g_autoptr(ClockifyEntryStream) stream = NULL;
  gsize size;
  const char *bytes = g_bytes_get_data (write->bytes, &size);

  stream = clockify_entry_stream_new (write->format, write_entry, &context);

  return clockify_entry_stream_feed (stream, bytes, size, error) &&
         clockify_entry_stream_finish (stream, &write->n_entries, error);
}

static void
page_written (TimecardExportJob *self,
              gpointer           data,
              GError            *error)
{
  PageWrite *write = data;
  TimecardJobWindow *w = write->window;
  TimecardJobPage *page = get_page (w, w->next_write);

  self->buffered--;
  self->buffered_bytes -= g_bytes_get_size (page->bytes);

  /* What the next pages may weigh: a full page at first; once a few pages
   * came, twice the largest so far (users with few entries give small
   * pages, and more of them may be out at once). */
  self->largest_page = MAX (self->largest_page, g_bytes_get_size (page->bytes));
  if (++self->n_pages_seen >= 3)
    self->page_bytes = MIN (self->full_page_bytes, MAX (2 * self->largest_page, 256 * 1024));
  g_clear_pointer (&page->bytes, g_bytes_unref);
  page->written = TRUE;

  if (!writer_step_ok (self, error))
    return;

  page->n_entries = write->n_entries;

  if (write->verify)
    {
      /* Something before the checkpoint changed: write the window again. */
      if (g_strcmp0 (write->last_id, w->verify_id) != 0)
        {
          g_debug ("The kept pages of a resumed window changed; fetching it again");
          w->restart_due = TRUE;
          return;
        }
      g_clear_pointer (&w->verify_id, g_free);
    }
  else
    {
      self->entity_rows[TIMECARD_EXPORT_ENTITY_TIME_ENTRIES] += write->n_rows;
      self->n_pages++;
    }
  w->next_write++;

  /* A short page, or one the server called the last, ends the window. */
  if (w->n_pages == 0 && (page->last_page == 1 || write->n_entries < page_size (self)))
    set_window_pages (self, w, w->next_write);

  /* Pages are sorted: a resumed run may go on after this one, once it
   * confirms that the page still ends with the same entry. */
  if (!w->window.prune && write->last_id[0] != '\0' && !(w->n_pages > 0 && w->next_write >= w->n_pages) &&
      g_get_monotonic_time () - w->checkpointed_at >= self->checkpoint_interval)
    {
      g_free (w->checkpoint);
      w->checkpoint = g_strdup_printf ("%u\t%s", w->next_write, write->last_id);
    }
}

/* The progress of a window the interrupted run checkpointed: its pages
 * before the last checkpointed one are kept, that one is fetched again. */
static void
resume_window (TimecardExportJob *self,
               TimecardJobWindow *w)
{
  g_autofree char *progress = timecard_export_writer_get_window_progress (self->writer, &w->window);
  g_auto(GStrv) fields = progress != NULL ? g_strsplit (progress, "\t", 2) : NULL;
  guint64 pages;

  if (fields == NULL || g_strv_length (fields) != 2 || fields[1][0] == '\0' ||
      !g_ascii_string_to_unsigned (fields[0], 10, 1, G_MAXUINT, &pages, NULL))
    return;

  w->first_page = (guint) pages - 1;
  w->next_write = w->first_page;
  w->verify_id = g_strdup (fields[1]);
  for (guint i = 0; i < w->first_page; i++)
    {
      TimecardJobPage *page = get_page (w, i);

      page->requested = page->received = page->written = TRUE;
      page->n_entries = page_size (self);
    }
  self->n_pages_skipped += w->first_page;
}

static gboolean
begin_window_in_thread (TimecardExportJob  *self,
                        gpointer            data,
                        GError            **error)
{
  TimecardJobWindow *w = data;

  return timecard_export_writer_begin_window (self->writer, &w->window, error);
}

static void
window_begun (TimecardExportJob *self,
              gpointer           data,
              GError            *error)
{
  TimecardJobWindow *w = data;

  if (writer_step_ok (self, error))
    {
      w->begun = TRUE;
      w->checkpointed_at = g_get_monotonic_time ();
    }
}

static gboolean
checkpoint_window_in_thread (TimecardExportJob  *self,
                             gpointer            data,
                             GError            **error)
{
  TimecardJobWindow *w = data;

  return timecard_export_writer_checkpoint_window (self->writer, w->checkpoint, error);
}

static void
window_checkpointed_cb (TimecardExportJob *self,
                        gpointer           data,
                        GError            *error)
{
  TimecardJobWindow *w = data;

  g_clear_pointer (&w->checkpoint, g_free);
  w->checkpointed_at = g_get_monotonic_time ();
  writer_step_ok (self, error);
  on_write_done (self);
}

static gboolean
restart_window_in_thread (TimecardExportJob  *self,
                          gpointer            data,
                          GError            **error)
{
  return timecard_export_writer_rollback_window (self->writer, error);
}

/* Back to a window that was never begun, its pages all to fetch. Only the
 * page that failed to confirm the checkpoint was requested. */
static void
window_restarted_cb (TimecardExportJob *self,
                     gpointer           data,
                     GError            *error)
{
  TimecardJobWindow *w = data;

  if (writer_step_ok (self, error))
    {
      self->n_pages_skipped -= w->first_page;
      g_clear_pointer (&w->verify_id, g_free);
      g_array_set_size (w->pages, 0);
      w->first_page = 0;
      w->next_write = 0;
      w->begun = FALSE;
      w->restart_due = FALSE;
    }
  on_write_done (self);
}

static gboolean
commit_window_in_thread (TimecardExportJob  *self,
                         gpointer            data,
                         GError            **error)
{
  return timecard_export_writer_commit_window (self->writer, error);
}

static void
window_committed (TimecardExportJob *self,
                  gpointer           data,
                  GError            *error)
{
  TimecardJobWindow *w = data;

  if (!writer_step_ok (self, error))
    return;

  w->committed = TRUE;
  g_clear_pointer (&w->pages, g_array_unref);
  w->pages = g_array_new (FALSE, TRUE, sizeof (TimecardJobPage));
  self->write_window++;
}

static void
on_write_done (TimecardExportJob *self)
{
  _timecard_export_job_progress (self);
  try_write (self);
  pump (self);
}

static void
page_written_cb (TimecardExportJob *self,
                 gpointer           data,
                 GError            *error)
{
  page_written (self, data, error);
  on_write_done (self);
}

static void
window_begun_cb (TimecardExportJob *self,
                 gpointer           data,
                 GError            *error)
{
  window_begun (self, data, error);
  on_write_done (self);
}

static void
window_committed_cb (TimecardExportJob *self,
                     gpointer           data,
                     GError            *error)
{
  window_committed (self, data, error);
  on_write_done (self);
}

static gboolean
complete_in_memory (TimecardJobWindow *w)
{
  if (w->n_pages == 0)
    return FALSE;

  for (guint i = w->next_write; i < w->n_pages; i++)
    if (i >= w->pages->len || !g_array_index (w->pages, TimecardJobPage, i).received)
      return FALSE;

  return TRUE;
}

/* Hands the writer its next step, if any; ends the stage when nothing is
 * left to do. */
static void
try_write (TimecardExportJob *self)
{
  TimecardJobWindow *w = NULL;

  if (self->writer_busy || self->windows == NULL)
    return;

  if (_timecard_export_job_is_cancelled (self) && self->stop_error == NULL)
    _timecard_export_job_stop (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                          "The export was cancelled"));

  if (!_timecard_export_job_is_cancelled (self))
    {
      while (self->write_window < self->windows->len)
        {
          w = g_ptr_array_index (self->windows, self->write_window);
          if (!w->skip && !w->committed)
            break;
          w = NULL;
          self->write_window++;
        }
    }

  if (w != NULL)
    {
      /* After a stop, only a window whose pages are all here is finished. */
      if (self->stop_error != NULL && (self->writer_failed || !complete_in_memory (w)))
        w = NULL;
    }

  if (w != NULL)
    {
      TimecardJobPage *page = w->next_write < w->pages->len
                              ? &g_array_index (w->pages, TimecardJobPage, w->next_write)
                              : NULL;

      if (!w->begun)
        {
          _timecard_export_job_writer_op (self, begin_window_in_thread, window_begun_cb, w, NULL);
          return;
        }

      if (w->restart_due)
        {
          _timecard_export_job_writer_op (self, restart_window_in_thread, window_restarted_cb, w, NULL);
          return;
        }

      if (w->checkpoint != NULL)
        {
          _timecard_export_job_writer_op (self, checkpoint_window_in_thread, window_checkpointed_cb, w, NULL);
          return;
        }

      if (page != NULL && page->received && !page->written)
        {
          PageWrite *write = g_new0 (PageWrite, 1);

          write->window = w;
          write->verify = w->verify_id != NULL && w->next_write == w->first_page;
          write->bytes = g_bytes_ref (page->bytes);
          write->format = is_reports (self) ? CLOCKIFY_ENTRY_STREAM_REPORT
                                            : CLOCKIFY_ENTRY_STREAM_MAIN;
          _timecard_export_job_writer_op (self, write_page_in_thread, page_written_cb,
                                          write, page_write_free);
          return;
        }

      /* Also after a stop: a window complete in memory is worth keeping. */
      if (w->n_pages > 0 && w->next_write >= w->n_pages)
        {
          _timecard_export_job_writer_op (self, commit_window_in_thread, window_committed_cb, w, NULL);
          return;
        }
    }

  if (self->in_flight > 0)
    return;

  if (self->stop_error != NULL || w == NULL)
    _timecard_export_job_time_entries_done (self);
}

/**
 * _timecard_export_job_start_time_entries:
 * @self: a running job whose writer has begun `time_entries`
 *
 * Starts the windows of the plan; ends with
 * _timecard_export_job_time_entries_done().
 */
void
_timecard_export_job_start_time_entries (TimecardExportJob *self)
{
  TimecardExportPlan *plan = self->plan;
  gboolean prune = (self->flags & TIMECARD_EXPORT_JOB_FLAGS_INCREMENTAL) != 0;

  _timecard_export_job_free_windows (self);
  self->windows = g_ptr_array_new_with_free_func (job_window_free);
  self->write_window = 0;
  self->buffered = 0;
  self->buffered_bytes = 0;
  self->full_page_bytes = (gsize) page_size (self) *
                          (timecard_export_plan_get_hydrated (plan) ? HYDRATED_ENTRY_BYTES : ENTRY_BYTES);
  self->page_bytes = self->full_page_bytes;
  self->largest_page = 0;
  self->n_pages_seen = 0;

  for (guint i = 0; i < timecard_export_plan_get_n_windows (plan); i++)
    {
      const TimecardExportWindow *window = timecard_export_plan_get_window (plan, i);
      TimecardJobWindow *w = g_new0 (TimecardJobWindow, 1);

      w->window = *window;
      w->window.strategy = g_strdup (window->strategy);
      w->window.user_id = g_strdup (window->user_id);
      w->window.prune = prune;
      w->index = i;
      w->pages = g_array_new (FALSE, TRUE, sizeof (TimecardJobPage));
      w->skip = timecard_export_writer_is_window_completed (self->writer, &w->window);
      if (w->skip)
        self->n_windows_skipped++;
      else if (self->resumed && !prune)
        resume_window (self, w);

      g_ptr_array_add (self->windows, w);
    }

  _timecard_export_job_progress (self);
  pump (self);
  try_write (self);
}
