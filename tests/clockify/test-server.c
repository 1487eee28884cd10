/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-clockify-server"

#include "config.h"

#include <string.h>

#include "clockify-error.h"
#include "clockify-server.h"

typedef struct
{
  const char *input;
  const char *canonical;
  ClockifyServerKind kind;
  const char *api_base;
  const char *reports_base;
  const char *web_base;
} Accepted;

static const Accepted accepted[] = {
  { "global", "global", CLOCKIFY_SERVER_GLOBAL,
    "https://api.clockify.me/api/v1", "https://reports.api.clockify.me/v1",
    "https://app.clockify.me" },
  { "  GLOBAL\n", "global", CLOCKIFY_SERVER_GLOBAL,
    "https://api.clockify.me/api/v1", "https://reports.api.clockify.me/v1",
    "https://app.clockify.me" },
  { "euc1", "euc1", CLOCKIFY_SERVER_REGION,
    "https://euc1.clockify.me/api/v1", "https://euc1.clockify.me/report/v1",
    "https://euc1.clockify.me" },
  { "USE2", "use2", CLOCKIFY_SERVER_REGION,
    "https://use2.clockify.me/api/v1", "https://use2.clockify.me/report/v1",
    "https://use2.clockify.me" },
  { " EuW2 ", "euw2", CLOCKIFY_SERVER_REGION,
    "https://euw2.clockify.me/api/v1", "https://euw2.clockify.me/report/v1",
    "https://euw2.clockify.me" },
  { "apse2", "apse2", CLOCKIFY_SERVER_REGION,
    "https://apse2.clockify.me/api/v1", "https://apse2.clockify.me/report/v1",
    "https://apse2.clockify.me" },
  { "subdomain:acme", "subdomain:acme", CLOCKIFY_SERVER_SUBDOMAIN,
    "https://acme.clockify.me/api/v1", "https://acme.clockify.me/report/v1",
    "https://acme.clockify.me" },
  { "SubDomain:Acme-2", "subdomain:acme-2", CLOCKIFY_SERVER_SUBDOMAIN,
    "https://acme-2.clockify.me/api/v1", "https://acme-2.clockify.me/report/v1",
    "https://acme-2.clockify.me" },
  { "https://clockify.example.com:8443/tools/clockify", "https://clockify.example.com:8443/tools/clockify",
    CLOCKIFY_SERVER_CUSTOM,
    "https://clockify.example.com:8443/tools/clockify/api/v1",
    "https://clockify.example.com:8443/tools/clockify/report/v1",
    "https://clockify.example.com:8443/tools/clockify" },
  { "HTTPS://Clockify.Example.COM:443/Tools///", "https://clockify.example.com/Tools",
    CLOCKIFY_SERVER_CUSTOM,
    "https://clockify.example.com/Tools/api/v1", "https://clockify.example.com/Tools/report/v1",
    "https://clockify.example.com/Tools" },
  { "https://clockify.example.com/", "https://clockify.example.com", CLOCKIFY_SERVER_CUSTOM,
    "https://clockify.example.com/api/v1", "https://clockify.example.com/report/v1",
    "https://clockify.example.com" },
  { "http://127.0.0.1:41234", "http://127.0.0.1:41234", CLOCKIFY_SERVER_CUSTOM,
    "http://127.0.0.1:41234/api/v1", "http://127.0.0.1:41234/report/v1",
    "http://127.0.0.1:41234" },
  { "http://127.1.2.3:80/", "http://127.1.2.3", CLOCKIFY_SERVER_CUSTOM,
    "http://127.1.2.3/api/v1", "http://127.1.2.3/report/v1", "http://127.1.2.3" },
  { "http://LocalHost:8080/", "http://localhost:8080", CLOCKIFY_SERVER_CUSTOM,
    "http://localhost:8080/api/v1", "http://localhost:8080/report/v1",
    "http://localhost:8080" },
  { "http://[::1]:9000", "http://[::1]:9000", CLOCKIFY_SERVER_CUSTOM,
    "http://[::1]:9000/api/v1", "http://[::1]:9000/report/v1", "http://[::1]:9000" },
};

static void
test_parse_accepted (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      const Accepted *a = &accepted[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(ClockifyServer) server = NULL;
      g_autoptr(ClockifyServer) again = NULL;
      g_autofree char *text = NULL;
      g_autofree char *text_again = NULL;

      g_test_message ("parsing “%s”", a->input);
      server = clockify_server_parse (a->input, &error);
      g_assert_no_error (error);
      g_assert_nonnull (server);

      text = clockify_server_to_string (server);
      g_assert_cmpstr (text, ==, a->canonical);
      g_assert_cmpint (clockify_server_get_kind (server), ==, a->kind);
      g_assert_cmpstr (clockify_server_get_api_base (server), ==, a->api_base);
      g_assert_cmpstr (clockify_server_get_reports_base (server), ==, a->reports_base);
      g_assert_cmpstr (clockify_server_get_web_base (server), ==, a->web_base);

      /* The canonical form reads back to itself. */
      again = clockify_server_parse (a->canonical, &error);
      g_assert_no_error (error);
      text_again = clockify_server_to_string (again);
      g_assert_cmpstr (text_again, ==, a->canonical);
      g_assert_true (clockify_server_equal (server, again));
    }
}

static void
test_accessors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClockifyServer) region = clockify_server_new_region ("EUC1", &error);
  g_autoptr(ClockifyServer) subdomain = NULL;
  g_autoptr(ClockifyServer) global = clockify_server_new_global ();
  g_autoptr(ClockifyServer) custom = NULL;
  g_autofree char *api_base = NULL;
  ClockifyServerKind kind;

  g_assert_no_error (error);
  g_assert_cmpstr (clockify_server_get_region (region), ==, "euc1");
  g_assert_null (clockify_server_get_subdomain (region));
  g_object_get (region, "kind", &kind, "api-base", &api_base, NULL);
  g_assert_cmpint (kind, ==, CLOCKIFY_SERVER_REGION);
  g_assert_cmpstr (api_base, ==, "https://euc1.clockify.me/api/v1");

  subdomain = clockify_server_new_subdomain ("ACME", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (clockify_server_get_subdomain (subdomain), ==, "acme");
  g_assert_null (clockify_server_get_region (subdomain));

  g_assert_cmpint (clockify_server_get_kind (global), ==, CLOCKIFY_SERVER_GLOBAL);
  g_assert_null (clockify_server_get_region (global));

  custom = clockify_server_new_custom ("https://timecard.example.org/", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (clockify_server_get_web_base (custom), ==, "https://timecard.example.org");
}

typedef struct
{
  const char *input;
  const char *message_part;
} Rejected;

static const Rejected rejected[] = {
  { "", "No server" },
  { "   \t ", "No server" },
  { "eu", "euc1, use2, euw2, apse2" },
  { "clockify.me", "region" },
  { "subdomain:", "empty" },
  { "subdomain:a.b", "without dots" },
  { "subdomain:-x", "hyphen" },
  { "subdomain:x-", "hyphen" },
  { "subdomain:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "63" },
  { "subdomain:ünï", "non-ASCII" },
  { "subdomain:a b", "spaces" },
  { "subdomain:a/b", "“/”" },
  { "subdomain:a@b", "“@”" },
  { "https://h/%zz", "not a valid URL" },
  { "https://h:99999/", "not a valid URL" },
  { "ftp://files.example.com/", "https://" },
  { "http://example.com", "loopback" },
  { "http://example.com", "https://" },
  { "http://128.0.0.1:8080", "loopback" },
  { "http://localhost.example.com", "loopback" },
  { "https://user:pw@clockify.example.com", "user info" },
  { "https://clockify.example.com/?key=1", "query" },
  { "https://clockify.example.com/#top", "fragment" },
  { "https://", "no host" },
  { "https:///api", "no host" },
  { "https://exa mple.com", "host" },
};

static void
test_parse_rejected (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      const Rejected *r = &rejected[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(ClockifyServer) server = NULL;

      g_test_message ("parsing “%s”", r->input);
      server = clockify_server_parse (r->input, &error);
      g_assert_null (server);
      g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_SERVER);
      if (strstr (error->message, r->message_part) == NULL)
        g_error ("“%s” gave “%s”, expected it to mention “%s”",
                 r->input, error->message, r->message_part);
    }
}

static void
test_messages_do_not_echo_secrets (void)
{
  const char *inputs[] = {
    "https://me:s3cr3t-k3y@clockify.example.com",
    "https://clockify.example.com/?apiKey=s3cr3t-k3y",
    "s3cr3t-k3y",
    "subdomain:s3cr3t-k3y.x",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ClockifyServer) server = clockify_server_parse (inputs[i], &error);

      g_assert_null (server);
      g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_SERVER);
      g_assert_null (strstr (error->message, "s3cr3t"));
    }
}

static void
test_constructors_reject (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClockifyServer) region = clockify_server_new_region ("us", &error);
  g_autoptr(ClockifyServer) subdomain = NULL;
  g_autoptr(ClockifyServer) custom = NULL;

  g_assert_null (region);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_SERVER);
  g_assert_nonnull (strstr (error->message, "apse2"));
  g_clear_error (&error);

  subdomain = clockify_server_new_subdomain ("acme.clockify.me", &error);
  g_assert_null (subdomain);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_SERVER);
  g_clear_error (&error);

  custom = clockify_server_new_custom ("euc1", &error);
  g_assert_null (custom);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_SERVER);
}

static void
test_label_length_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strnfill (63, 'a');
  g_autoptr(ClockifyServer) server = clockify_server_new_subdomain (label, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (clockify_server_get_subdomain (server), ==, label);
}

static void
test_equal (void)
{
  g_autoptr(ClockifyServer) global = clockify_server_new_global ();
  g_autoptr(ClockifyServer) global_parsed = clockify_server_parse (" Global ", NULL);
  g_autoptr(ClockifyServer) euc1 = clockify_server_parse ("euc1", NULL);
  g_autoptr(ClockifyServer) euc1_upper = clockify_server_parse ("EUC1", NULL);
  g_autoptr(ClockifyServer) subdomain_euc1 = clockify_server_parse ("subdomain:euc1", NULL);
  g_autoptr(ClockifyServer) acme = clockify_server_parse ("subdomain:acme", NULL);
  g_autoptr(ClockifyServer) custom = clockify_server_parse ("https://h.example:443/x/", NULL);
  g_autoptr(ClockifyServer) custom_same = clockify_server_parse ("https://H.EXAMPLE/x", NULL);
  g_autoptr(ClockifyServer) custom_port = clockify_server_parse ("https://h.example:8443/x", NULL);
  g_autoptr(ClockifyServer) custom_path = clockify_server_parse ("https://h.example/X", NULL);

  g_assert_true (clockify_server_equal (global, global_parsed));
  g_assert_true (clockify_server_equal (euc1, euc1_upper));
  g_assert_true (clockify_server_equal (custom, custom_same));
  g_assert_false (clockify_server_equal (global, euc1));
  g_assert_false (clockify_server_equal (euc1, subdomain_euc1));
  g_assert_false (clockify_server_equal (euc1, acme));
  g_assert_false (clockify_server_equal (custom, custom_port));
  g_assert_false (clockify_server_equal (custom, custom_path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clockify/server/parse-accepted", test_parse_accepted);
  g_test_add_func ("/clockify/server/accessors", test_accessors);
  g_test_add_func ("/clockify/server/parse-rejected", test_parse_rejected);
  g_test_add_func ("/clockify/server/messages-do-not-echo-secrets", test_messages_do_not_echo_secrets);
  g_test_add_func ("/clockify/server/constructors-reject", test_constructors_reject);
  g_test_add_func ("/clockify/server/label-length-limit", test_label_length_limit);
  g_test_add_func ("/clockify/server/equal", test_equal);

  return g_test_run ();
}
