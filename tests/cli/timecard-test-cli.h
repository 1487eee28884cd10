/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One run of the timecard-cli binary (TIMECARD_CLI) in the test's session. */
typedef struct
{
  int     status;
  char   *out;
  char   *err;
  gint64  usec;
} TimecardTestCliRun;

TimecardTestCliRun *timecard_test_cli_run      (const char         *input,
                                                const char         *first_argument,
                                                ...) G_GNUC_NULL_TERMINATED;
TimecardTestCliRun *timecard_test_cli_runv     (const char         *input,
                                                const char * const *arguments);
void                timecard_test_cli_run_free (TimecardTestCliRun *run);
void                timecard_test_cli_assert_error (TimecardTestCliRun *run,
                                                    int                 status,
                                                    const char         *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TimecardTestCliRun, timecard_test_cli_run_free)

/* Everything every run printed, for the leak check. */
const char         *timecard_test_cli_get_transcript (void);

G_END_DECLS
