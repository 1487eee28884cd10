/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-format"

#include "config.h"

#include <locale.h>

#include "timecard-ui-format.h"

static void
test_format_server (void)
{
  static const char * const cases[][2] = {
    { "global", "Global" },
    { "euc1", "EU data region" },
    { "use2", "USA data region" },
    { "euw2", "UK data region" },
    { "apse2", "Australia data region" },
    { "subdomain:Acme", "acme.clockify.me" },
    { "https://clockify.example.com/", "https://clockify.example.com" },
    { "http://127.0.0.1:8080", "http://127.0.0.1:8080" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ClockifyServer) server = clockify_server_parse (cases[i][0], &error);
      g_autofree char *words = NULL;

      g_assert_no_error (error);
      words = timecard_format_server (server);
      g_assert_cmpstr (words, ==, cases[i][1]);
    }
}

static void
test_format_relative_time (void)
{
  static const struct { gint64 seconds_ago; const char *expected; } cases[] = {
    { -30, "just now" },
    { 10, "just now" },
    { 60, "1 minute ago" },
    { 5 * 60 + 59, "5 minutes ago" },
    { 3600, "1 hour ago" },
    { 23 * 3600, "23 hours ago" },
    { 25 * 3600, "yesterday" },
    { 3 * 86400, "3 days ago" },
    { 6 * 86400 + 3600, "6 days ago" },
  };
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 15, 12, 0, 0);
  g_autoptr(GDateTime) long_ago = g_date_time_new_utc (2026, 3, 2, 12, 0, 0);
  g_autofree char *date = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_seconds (now, -(gdouble) cases[i].seconds_ago);
      g_autofree char *text = timecard_format_relative_time (when, now);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* Older than a week: the date. */
  date = timecard_format_relative_time (long_ago, now);
  g_assert_cmpstr (date, ==, "on 2 March 2026");
}

static void
test_format_duration (void)
{
  static const struct { gint64 usec; const char *expected; } cases[] = {
    { -5, "under a second" },
    { 400000, "under a second" },
    { G_USEC_PER_SEC, "1 second" },
    { 59 * G_USEC_PER_SEC, "59 seconds" },
    { 60 * G_USEC_PER_SEC, "1 minute" },
    { 150 * G_USEC_PER_SEC, "3 minutes" },
    { G_GINT64_CONSTANT (59) * 60 * G_USEC_PER_SEC, "59 minutes" },
    { G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC, "1 h 00 min" },
    { G_GINT64_CONSTANT (2 * 3600 + 5 * 60) * G_USEC_PER_SEC, "2 h 05 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = timecard_format_duration (cases[i].usec);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_time_until (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 15, 12, 0, 0);
  g_autoptr(GDateTime) soon = g_date_time_add_minutes (now, 12);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_hours (now, 13);
  g_autoptr(GDateTime) past = g_date_time_add_minutes (now, -1);
  g_autofree char *soon_text = timecard_format_time_until (soon, now);
  g_autofree char *tomorrow_text = timecard_format_time_until (tomorrow, now);
  g_autofree char *past_text = timecard_format_time_until (past, now);

  g_assert_cmpstr (soon_text, ==, "at 12:12 (in 12 minutes)");
  g_assert_cmpstr (tomorrow_text, ==, "on 16 November at 01:00 (in 13 h 00 min)");
  g_assert_cmpstr (past_text, ==, "now");
}

static void
test_format_entity (void)
{
  g_assert_cmpstr (timecard_format_entity (TIMECARD_EXPORT_ENTITY_USER_GROUPS), ==, "User Groups");
  g_assert_cmpstr (timecard_format_entity (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES), ==, "Time Entries");
  g_assert_cmpstr (timecard_format_strategy (TIMECARD_EXPORT_STRATEGY_REPORTS), ==, "Detailed report");
  g_assert_cmpstr (timecard_format_strategy (TIMECARD_EXPORT_STRATEGY_PER_USER), ==, "One user at a time");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/format/server", test_format_server);
  g_test_add_func ("/ui/format/relative-time", test_format_relative_time);
  g_test_add_func ("/ui/format/duration", test_format_duration);
  g_test_add_func ("/ui/format/time-until", test_format_time_until);
  g_test_add_func ("/ui/format/entity", test_format_entity);

  return g_test_run ();
}
