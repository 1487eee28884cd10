/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "clockify-sim.h"
#include "timecard-export-job.h"

G_BEGIN_DECLS

/*
 * What an export of the simulator's data set must contain, computed from
 * the simulator's own JSON (clockify_sim_dup_entities()), independently of
 * the writers, and compared with an export read back from disk: every
 * time-entry row and column, and the id and name of every other row.
 *
 * Values are compared in one text form: NULL for null, booleans as
 * true/false, money with two decimals, lists joined with ';', JSON as
 * canonical JSON (keys sorted).
 */
typedef struct _ExportExpect ExportExpect;

/* @report: the Reports API's view: running entries left out, a break's
 * rates 0 in the workspace's currency. */
ExportExpect *export_expect_new            (ClockifySim          *sim,
                                            const char           *workspace_id,
                                            const char           *time_zone,
                                            gint64                start_usec,
                                            gint64                end_usec,
                                            gboolean              report,
                                            guint                 entities);
void          export_expect_free           (ExportExpect         *self);
guint         export_expect_n_entries      (ExportExpect         *self);

/* Fails the test (g_test_fail_printf) on any difference; returns how many. */
guint         export_expect_check          (ExportExpect         *self,
                                            TimecardExportFormat  format,
                                            const char           *path);

/* Helpers shared by the export tests. */
ClockifySim  *fidelity_sim_new          (guint64               seed,
                                            guint                 n_time_entries);
ClockifyClient *fidelity_client_new     (ClockifySim          *sim,
                                            ClockifySimKey        key,
                                            gboolean              fast);
ClockifyWorkspace *fidelity_workspace   (ClockifyClient       *client,
                                            const char           *workspace_id);
gboolean      fidelity_run_job          (TimecardExportJob    *job,
                                            GCancellable         *cancellable,
                                            GError              **error);
char         *fidelity_tmpdir           (void);
char         *fidelity_dir_digest       (const char           *path);
void          fidelity_rm_rf            (const char           *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportExpect, export_expect_free)

G_END_DECLS
