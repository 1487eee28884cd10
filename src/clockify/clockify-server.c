/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-server"

#include "config.h"

#include "clockify-server.h"

#include <gio/gio.h>
#include <string.h>

#include "clockify-enums.h"
#include "clockify-error.h"

/* Messages never echo the whole input: a pasted API key, or a URL whose user
 * info or query holds one, must not end up in an error shown or logged. */

struct _ClockifyServer
{
  GObject parent_instance;

  ClockifyServerKind kind;
  char *region;      /* lower case, CLOCKIFY_SERVER_REGION only */
  char *subdomain;   /* lower case, CLOCKIFY_SERVER_SUBDOMAIN only */
  char *canonical;   /* the compact text form */
  char *api_base;
  char *reports_base;
  char *web_base;
};

G_DEFINE_FINAL_TYPE (ClockifyServer, clockify_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_REGION,
  PROP_SUBDOMAIN,
  PROP_API_BASE,
  PROP_REPORTS_BASE,
  PROP_WEB_BASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const regions[] = { "euc1", "use2", "euw2", "apse2", NULL };

#define SUBDOMAIN_PREFIX "subdomain:"
#define MAX_LABEL_LENGTH 63
#define VALID_FORMS "global, a data region (euc1, use2, euw2, apse2), " \
                    "subdomain:NAME or an https:// URL"

static void
clockify_server_finalize (GObject *object)
{
  ClockifyServer *self = (ClockifyServer *)object;

  g_free (self->region);
  g_free (self->subdomain);
  g_free (self->canonical);
  g_free (self->api_base);
  g_free (self->reports_base);
  g_free (self->web_base);

  G_OBJECT_CLASS (clockify_server_parent_class)->finalize (object);
}

static void
clockify_server_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClockifyServer *self = CLOCKIFY_SERVER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_SUBDOMAIN:
      g_value_set_string (value, self->subdomain);
      break;

    case PROP_API_BASE:
      g_value_set_string (value, self->api_base);
      break;

    case PROP_REPORTS_BASE:
      g_value_set_string (value, self->reports_base);
      break;

    case PROP_WEB_BASE:
      g_value_set_string (value, self->web_base);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clockify_server_class_init (ClockifyServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clockify_server_finalize;
  object_class->get_property = clockify_server_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CLOCKIFY_TYPE_SERVER_KIND,
                       CLOCKIFY_SERVER_GLOBAL,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUBDOMAIN] =
    g_param_spec_string ("subdomain", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_API_BASE] =
    g_param_spec_string ("api-base", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REPORTS_BASE] =
    g_param_spec_string ("reports-base", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WEB_BASE] =
    g_param_spec_string ("web-base", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clockify_server_init (ClockifyServer *self)
{
  /* A bare g_object_new() gives the global server. */
  self->kind = CLOCKIFY_SERVER_GLOBAL;
  self->canonical = g_strdup ("global");
  self->api_base = g_strdup ("https://api.clockify.me/api/v1");
  self->reports_base = g_strdup ("https://reports.api.clockify.me/v1");
  self->web_base = g_strdup ("https://app.clockify.me");
}

/* Regions, subdomains and custom servers share one layout under a base. */
static ClockifyServer *
server_new_under_base (ClockifyServerKind  kind,
                       char               *web_base,
                       char               *canonical)
{
  ClockifyServer *self = g_object_new (CLOCKIFY_TYPE_SERVER, NULL);

  self->kind = kind;
  g_free (self->canonical);
  self->canonical = canonical;
  g_free (self->web_base);
  self->web_base = web_base;
  g_free (self->api_base);
  self->api_base = g_strconcat (web_base, "/api/v1", NULL);
  g_free (self->reports_base);
  self->reports_base = g_strconcat (web_base, "/report/v1", NULL);

  return self;
}

static void
set_error (GError     **error,
           const char  *format,
           ...) G_GNUC_PRINTF (2, 3);

static void
set_error (GError     **error,
           const char  *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (CLOCKIFY_ERROR,
                                                CLOCKIFY_ERROR_INVALID_SERVER,
                                                format, args));
  va_end (args);
}

/**
 * clockify_server_new_global:
 *
 * Returns: (transfer full): the global Clockify server
 */
ClockifyServer *
clockify_server_new_global (void)
{
  return g_object_new (CLOCKIFY_TYPE_SERVER, NULL);
}

/**
 * clockify_server_new_region:
 * @region: a data region prefix: euc1, use2, euw2 or apse2 (any case)
 * @error: return location for a %CLOCKIFY_ERROR_INVALID_SERVER error
 *
 * Returns: (transfer full) (nullable): the server of a data region
 */
ClockifyServer *
clockify_server_new_region (const char  *region,
                            GError     **error)
{
  g_autofree char *lower = NULL;
  ClockifyServer *self;

  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lower = g_ascii_strdown (region, -1);
  g_strstrip (lower);

  if (!g_strv_contains (regions, lower))
    {
      set_error (error,
                 "Unknown data region: the regions are euc1 (EU), use2 (USA), "
                 "euw2 (UK) and apse2 (AU)");
      return NULL;
    }

  self = server_new_under_base (CLOCKIFY_SERVER_REGION,
                                g_strdup_printf ("https://%s.clockify.me", lower),
                                g_strdup (lower));
  self->region = g_steal_pointer (&lower);

  return self;
}

static gboolean
check_subdomain (const char  *name,
                 GError     **error)
{
  gsize length = strlen (name);

  if (length == 0)
    {
      set_error (error,
                 "The subdomain is empty: for acme.clockify.me write subdomain:acme");
      return FALSE;
    }

  for (const char *p = name; *p; p++)
    {
      guchar c = *p;

      if (g_ascii_isalnum (c) || c == '-')
        continue;

      if (c == '.')
        set_error (error,
                   "A subdomain is a single name without dots: "
                   "for acme.clockify.me write subdomain:acme");
      else if (c >= 0x80)
        set_error (error,
                   "A subdomain may contain only ASCII letters, digits and hyphens, "
                   "not accented or other non-ASCII characters");
      else if (g_ascii_isspace (c))
        set_error (error,
                   "A subdomain may contain only letters, digits and hyphens, "
                   "not spaces");
      else if (g_ascii_isprint (c))
        set_error (error,
                   "A subdomain may contain only letters, digits and hyphens, not “%c”",
                   c);
      else
        set_error (error,
                   "A subdomain may contain only letters, digits and hyphens, "
                   "not control characters");
      return FALSE;
    }

  if (length > MAX_LABEL_LENGTH)
    {
      set_error (error,
                 "A subdomain is at most %d characters long", MAX_LABEL_LENGTH);
      return FALSE;
    }

  if (name[0] == '-' || name[length - 1] == '-')
    {
      set_error (error, "A subdomain cannot start or end with a hyphen");
      return FALSE;
    }

  return TRUE;
}

/**
 * clockify_server_new_subdomain:
 * @name: the NAME of a dedicated subdomain, NAME.clockify.me
 * @error: return location for a %CLOCKIFY_ERROR_INVALID_SERVER error
 *
 * @name must be a DNS label: ASCII letters, digits and hyphens, 1 to 63
 * characters, no hyphen at either end. It is stored in lower case.
 *
 * Returns: (transfer full) (nullable): the server of the subdomain
 */
ClockifyServer *
clockify_server_new_subdomain (const char  *name,
                               GError     **error)
{
  g_autofree char *lower = NULL;
  ClockifyServer *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_subdomain (name, error))
    return NULL;

  lower = g_ascii_strdown (name, -1);
  self = server_new_under_base (CLOCKIFY_SERVER_SUBDOMAIN,
                                g_strdup_printf ("https://%s.clockify.me", lower),
                                g_strconcat (SUBDOMAIN_PREFIX, lower, NULL));
  self->subdomain = g_steal_pointer (&lower);

  return self;
}

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
is_valid_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  /* GUri gives IPv6 literals without brackets; zone ids are refused here. */
  if (strchr (host, ':') != NULL)
    {
      address = g_inet_address_new_from_string (host);
      return address != NULL;
    }

  /* GUri has already turned an international name into its ASCII form. */
  for (const char *p = host; *p; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.' && *p != '_')
        return FALSE;
    }

  return TRUE;
}

/**
 * clockify_server_new_custom:
 * @base_url: an https:// URL, or an http:// URL to a loopback address
 * @error: return location for a %CLOCKIFY_ERROR_INVALID_SERVER error
 *
 * The API is then under `BASE/api/v1` and the Reports API under
 * `BASE/report/v1`. The URL is normalised: scheme and host in lower case,
 * the default port and trailing slashes dropped.
 *
 * Returns: (transfer full) (nullable): the custom server
 */
ClockifyServer *
clockify_server_new_custom (const char  *base_url,
                            GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  const char *scheme;
  gsize path_length;
  int port;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (base_url));
  if (*trimmed == '\0')
    {
      set_error (error, "The server URL is empty");
      return NULL;
    }

  /* The GUri error would quote the URL, so it is not passed on. */
  uri = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    {
      set_error (error,
                 "The server URL is not a valid URL: "
                 "expected https://host[:port][/path]");
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0)
    {
      set_error (error,
                 "The server URL must start with https:// "
                 "(or http:// to a loopback address), not “%.16s:”",
                 scheme);
      return NULL;
    }

  if (g_uri_get_userinfo (uri) != NULL)
    {
      set_error (error,
                 "The server URL must not contain a user name or password "
                 "(user info); the API key is sent separately");
      return NULL;
    }

  if (g_uri_get_query (uri) != NULL)
    {
      set_error (error, "The server URL must not contain a query (“?…”)");
      return NULL;
    }

  if (g_uri_get_fragment (uri) != NULL)
    {
      set_error (error, "The server URL must not contain a fragment (“#…”)");
      return NULL;
    }

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      set_error (error, "The server URL has no host: expected https://host[:port][/path]");
      return NULL;
    }

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (!is_valid_host (host))
    {
      set_error (error, "The server URL’s host is not a valid host name or address");
      return NULL;
    }

  /* Plain http would send the API key in the clear; only a server on this
   * machine (the simulator, a tunnel) is exempt. */
  if (g_str_equal (scheme, "http") && !is_loopback_host (host))
    {
      set_error (error,
                 "Plain http:// is only allowed to a loopback address "
                 "(127.0.0.1, localhost, [::1]): use https:// for “%s”",
                 host);
      return NULL;
    }

  port = g_uri_get_port (uri);
  if ((port == 443 && g_str_equal (scheme, "https")) ||
      (port == 80 && g_str_equal (scheme, "http")))
    port = -1;

  path = g_strdup (g_uri_get_path (uri));
  path_length = strlen (path);
  while (path_length > 0 && path[path_length - 1] == '/')
    path[--path_length] = '\0';

  base = g_uri_join (G_URI_FLAGS_ENCODED, scheme, NULL, host, port, path, NULL, NULL);

  return server_new_under_base (CLOCKIFY_SERVER_CUSTOM, g_strdup (base), g_strdup (base));
}

/**
 * clockify_server_parse:
 * @text: a compact server description
 * @error: return location for a %CLOCKIFY_ERROR_INVALID_SERVER error
 *
 * Parses the form clockify_server_to_string() prints: `global`, a data
 * region (`euc1`, `use2`, `euw2`, `apse2`), `subdomain:NAME`, or a base URL
 * (`https://host[:port][/prefix]`, `http://127.0.0.1:PORT`). Keywords are
 * case-insensitive and surrounding whitespace is ignored.
 *
 * Returns: (transfer full) (nullable): the server
 */
ClockifyServer *
clockify_server_parse (const char  *text,
                       GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));
  lower = g_ascii_strdown (trimmed, -1);

  if (*trimmed == '\0')
    {
      set_error (error, "No server given: use " VALID_FORMS);
      return NULL;
    }

  if (g_str_equal (lower, "global"))
    return clockify_server_new_global ();

  if (g_str_has_prefix (lower, SUBDOMAIN_PREFIX))
    return clockify_server_new_subdomain (trimmed + strlen (SUBDOMAIN_PREFIX), error);

  if (g_strv_contains (regions, lower))
    return clockify_server_new_region (lower, error);

  if (strstr (lower, "://") != NULL ||
      g_str_has_prefix (lower, "http:") ||
      g_str_has_prefix (lower, "https:"))
    return clockify_server_new_custom (trimmed, error);

  set_error (error, "Unknown server or data region: use " VALID_FORMS);
  return NULL;
}

/**
 * clockify_server_to_string:
 * @self: a #ClockifyServer
 *
 * Returns: (transfer full): the canonical compact form, which
 *   clockify_server_parse() reads back
 */
char *
clockify_server_to_string (ClockifyServer *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_SERVER (self), NULL);

  return g_strdup (self->canonical);
}

/**
 * clockify_server_get_kind:
 * @self: a #ClockifyServer
 *
 * Returns: the kind of server
 */
ClockifyServerKind
clockify_server_get_kind (ClockifyServer *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_SERVER (self), CLOCKIFY_SERVER_GLOBAL);

  return self->kind;
}

/**
 * clockify_server_get_region:
 * @self: a #ClockifyServer
 *
 * Returns: (nullable): the region prefix in lower case, for a region server
 */
const char *
clockify_server_get_region (ClockifyServer *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_SERVER (self), NULL);

  return self->region;
}

/**
 * clockify_server_get_subdomain:
 * @self: a #ClockifyServer
 *
 * Returns: (nullable): the subdomain name in lower case, for a subdomain server
 */
const char *
clockify_server_get_subdomain (ClockifyServer *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_SERVER (self), NULL);

  return self->subdomain;
}

/**
 * clockify_server_get_api_base:
 * @self: a #ClockifyServer
 *
 * Returns: the main API base, without a trailing slash
 */
const char *
clockify_server_get_api_base (ClockifyServer *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_SERVER (self), NULL);

  return self->api_base;
}

/**
 * clockify_server_get_reports_base:
 * @self: a #ClockifyServer
 *
 * Returns: the Reports API base, without a trailing slash
 */
const char *
clockify_server_get_reports_base (ClockifyServer *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_SERVER (self), NULL);

  return self->reports_base;
}

/**
 * clockify_server_get_web_base:
 * @self: a #ClockifyServer
 *
 * Returns: the web app's base (where the profile settings are), without a
 *   trailing slash
 */
const char *
clockify_server_get_web_base (ClockifyServer *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_SERVER (self), NULL);

  return self->web_base;
}

/**
 * clockify_server_equal:
 * @a: a #ClockifyServer
 * @b: a #ClockifyServer
 *
 * Returns: whether @a and @b have the same canonical form
 */
gboolean
clockify_server_equal (ClockifyServer *a,
                       ClockifyServer *b)
{
  g_return_val_if_fail (CLOCKIFY_IS_SERVER (a), FALSE);
  g_return_val_if_fail (CLOCKIFY_IS_SERVER (b), FALSE);

  return g_str_equal (a->canonical, b->canonical);
}
