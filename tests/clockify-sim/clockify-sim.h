/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clockify-sim.h: a Clockify API simulator for tests and demos.
 *
 * A SoupServer on 127.0.0.1 (IPv4, port 0 unless told otherwise) that serves
 * a deterministic generated data set under Clockify's real paths:
 *
 *   BASE/api/v1/...      the main API     (Clockify: https://api.clockify.me/api/v1)
 *   BASE/report/v1/...   the Reports API  (Clockify: https://reports.api.clockify.me/v1)
 *
 * where BASE is clockify_sim_get_base_url() ("http://127.0.0.1:PORT", no
 * trailing slash). The server runs in its own thread with its own
 * GMainContext, so a test may drive a client (or a subprocess such as
 * timecard-cli) on its own main context without deadlocks. Every public
 * function is thread-safe.
 *
 * Endpoints (all GET unless noted; responses are bare JSON arrays except
 * /user and the report):
 *
 *   /api/v1/user                                        UserDtoV1 of the key's user
 *   /api/v1/workspaces                                  the key's workspaces
 *   /api/v1/workspaces/{ws}/users                       Last-Page
 *   /api/v1/workspaces/{ws}/clients
 *   /api/v1/workspaces/{ws}/projects                    Last-Page
 *   /api/v1/workspaces/{ws}/projects/{pid}/tasks        Last-Page
 *   /api/v1/workspaces/{ws}/tags
 *   /api/v1/workspaces/{ws}/user-groups
 *   /api/v1/workspaces/{ws}/custom-fields               403 on the FREE workspace (paid feature)
 *   /api/v1/workspaces/{ws}/user/{uid}/time-entries     Last-Page
 *   POST /report/v1/workspaces/{ws}/reports/detailed    never Last-Page
 *
 * ("Last-Page" marks the default for clockify_sim_set_last_page_header().)
 *
 * Authentication: the X-Api-Key header. A missing or unknown key gets 401
 * {"message":"Full authentication is required to access this resource","code":1000};
 * a workspace the key's user is not a member of gets 403
 * {"message":"Access Denied","code":1000}; an id that does not exist
 * (workspace, user, project) gets 404 {"message":"...","code":501}; an
 * unknown path gets 404; a known path with another method gets 405.
 *
 * Order of checks for each request: fault injection, then authentication
 * (401), then the per-key rate limit (429), then the route (404 unknown
 * path, 405 wrong method), then the workspace (404 unknown, 403 not a
 * member), then the FREE-plan budget (429), then the endpoint itself
 * (400 bad parameters, 404 unknown project or user).
 *
 * Pagination (main API): `page` starts at 1; page 0 is treated like page 1
 * (as Clockify does, which is why clients starting at 0 see duplicates);
 * a negative or non-numeric page → 400. `page-size` defaults to 50, must be
 * 1..5000; otherwise → 400 {"message":"...","code":501}. Every list has a
 * stable order, so pages never overlap or miss items while the data set is
 * unchanged.
 *
 * Orders:
 *   users, clients, projects, tags, user-groups, custom-fields: by name, then id
 *   tasks: by project (in project order), then name, then id
 *   user time entries (per-user endpoint): newest first, i.e. by start
 *     DESCENDING, then id descending — as Clockify does
 *   "time-entries" in clockify_sim_dup_entities(): all users, by start
 *     ASCENDING, then id ascending (the report's order)
 *
 * Time-entry query parameters (per-user endpoint):
 *   start, end   "yyyy-MM-ddTHH:mm:ssZ" (fractional seconds accepted); an entry
 *                is returned when start <= entry.start < end (either bound
 *                optional). A malformed value → 400.
 *   hydrated     "true": adds project{...} (or null), task{...} (or null),
 *                tags[{...}] (always an array) and user{id,name,email}.
 *   in-progress  "true": only the running entry (end == null), if any.
 *   project, task, description (substring) filters are honoured as well.
 *
 * Detailed report (POST body, JSON):
 *   dateRangeStart, dateRangeEnd  "YYYY-MM-DDTHH:MM:SS[.sss]" interpreted in
 *                 `timeZone` (an IANA name; default: the key user's profile
 *                 zone, settings.timeZone). A trailing "Z" or "+hh:mm" offset
 *                 is honoured instead. Entries with
 *                 dateRangeStart <= entry.start <= dateRangeEnd (inclusive, as
 *                 Clockify's "...T23:59:59.999" examples imply) are reported.
 *                 Missing or malformed → 400.
 *   detailedFilter{page (from 1), pageSize (default 50, 1..1000; above → 400
 *                 {"message":"..."}), options{totals: CALCULATE|EXCLUDE}}
 *   sortOrder     ASCENDING (default) or DESCENDING: by start, then id.
 *   exportType    JSON (default) or JSON_V1; anything else → 400.
 *   On the FREE workspace a range over 31 days → 400
 *   (clockify_sim_set_free_report_max_days()).
 * Running entries (end == null) are not in the report (Clockify's reports
 * show completed entries only). The answer is
 *   {"totals":[{"_id":"",totalTime,totalBillableTime,entriesCount,totalAmount,amounts[]}],
 *    "timeentries":[{"_id",description,userId,userName,userEmail,projectId,
 *       projectName,projectColor,clientId,clientName,taskId,taskName,
 *       tags[{id,name}],customFields[{customFieldId,name,type,value}],billable,
 *       isLocked,type,approvalRequestId,
 *       timeInterval{start,end,duration (INTEGER seconds)},
 *       rate,amount,costRate,costAmount,earnedRate,earnedAmount (cents, e.g. 4321.0),
 *       currency}]}
 * with times as "2024-03-01T09:00:00+01:00" in the report's zone; totals
 * cover the whole range, not just the page. clockify_sim_set_report_spelling()
 * switches to the spec's "timeEntries" / "id".
 *
 * Main-API time entries (TimeEntryWithRatesDtoV1): id, description, userId,
 * workspaceId, projectId (null without project), taskId (null), tagIds (an
 * array, sometimes null), billable, isLocked, type ("REGULAR"),
 * timeInterval{start, end (null while running), duration (ISO-8601 like
 * "PT1H30M", "PT0S", "P1DT2H"; null while running)}, customFieldValues (an
 * array, sometimes null), hourlyRate{amount (int cents), currency},
 * costRate{...}, kioskId (null). Timestamps are UTC with "Z", some with
 * milliseconds ("2024-03-01T08:00:00.123Z"), most without.
 *
 * Data set: users, clients, projects, tasks, tags, groups, custom fields and
 * time entries generated from ClockifySimOptions.seed with the simulator's
 * own PRNG (stable across GLib versions). Ids are 24-hex-digit ObjectIds.
 * Two workspaces:
 *   CLOCKIFY_SIM_WORKSPACE_PAID  plan "PRO_YEAR_2021"; members: all users;
 *                                n_time_entries entries spread over all users.
 *   CLOCKIFY_SIM_WORKSPACE_FREE  plan "FREE"; members: every user except
 *                                user 1 (the MEMBER key's user);
 *                                n_free_time_entries entries; smaller
 *                                reference data; 30 requests per hour.
 * User 0 (the OWNER key) owns both; user 1 (the MEMBER key) is only in the
 * paid one, so MEMBER gets 403 on the FREE workspace.
 * Entries end before options.now, except for at most one running entry per
 * user and workspace, which started shortly before now. The data set has:
 * running entries, tagIds null, customFieldValues null, empty descriptions,
 * descriptions with unicode, commas, double quotes and newlines, entries
 * without project, entries with a project but no task, USD and EUR rates.
 *
 * Limits (counted on accepted requests only):
 *   per API key: at most 10 requests in any sliding 1-second window
 *     (clockify_sim_set_rate_limit()); over → 429
 *     {"message":"Too many requests","code":429}, no Retry-After unless set
 *     with clockify_sim_set_rate_limit_retry_after().
 *   per FREE workspace: at most 30 requests per sliding hour on paths
 *     containing /workspaces/{freeWs}/ (clockify_sim_set_free_plan_limit());
 *     over → 429 with the same body.
 *
 * Under AddressSanitizer the simulator marks the sockets of accepted
 * connections as ignored for LeakSanitizer: libsoup 3.2 never frees them,
 * and every test using the simulator would otherwise report that leak.
 *
 * Request log: every request, including rejected ones, is recorded (see
 * ClockifySimRequest). The API key itself is never stored, only which key it
 * was. When the environment variable TIMECARD_SIM_LOG_DIR is set, every
 * request is also appended as one JSON line
 *   {"method","path","query":[[name,value],...],"status","key","fault","body"}
 * to TIMECARD_SIM_LOG_DIR/sim-PID-N.jsonl (the directory is created), which
 * the contract test checks against the OpenAPI spec.
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* 2026-11-15T12:00:00Z: the default "now" of the data set. */
#define CLOCKIFY_SIM_DEFAULT_NOW G_GINT64_CONSTANT (1794744000)

/**
 * ClockifySimOptions:
 * @seed: the data set's seed; the same seed and sizes give the same data
 * @n_users: users (at least 2: user 0 is the OWNER key's, user 1 the MEMBER key's)
 * @n_clients: clients in the paid workspace
 * @n_projects: projects in the paid workspace (some without client)
 * @n_tasks_per_project: tasks per project (some projects get none: every 4th)
 * @n_tags: tags in the paid workspace
 * @n_user_groups: user groups in the paid workspace
 * @n_custom_fields: time-entry custom fields in the paid workspace
 * @n_time_entries: time entries in the paid workspace, spread over all users
 * @n_free_time_entries: time entries in the FREE workspace
 * @years: how many years of history before @now the entries span (>= 1)
 * @now: the data set's "now", in seconds since the Unix epoch (UTC); 0 means
 *   %CLOCKIFY_SIM_DEFAULT_NOW. The wall clock is never used for data.
 * @report_spec_spelling: start with the spec's "timeEntries"/"id" in reports
 *   instead of the live API's "timeentries"/"_id"
 *
 * Sizes of the FREE workspace's reference data are a quarter of the paid
 * workspace's (at least 1 each).
 */
typedef struct
{
  guint64 seed;
  guint n_users;
  guint n_clients;
  guint n_projects;
  guint n_tasks_per_project;
  guint n_tags;
  guint n_user_groups;
  guint n_custom_fields;
  guint n_time_entries;
  guint n_free_time_entries;
  guint years;
  gint64 now;
  gboolean report_spec_spelling;
} ClockifySimOptions;

/**
 * clockify_sim_options_init_default:
 * @options: (out caller-allocates): options to fill
 *
 * A small data set: seed 1, 5 users, 4 clients, 8 projects, 3 tasks each,
 * 6 tags, 2 user groups, 3 custom fields, 300 entries over 3 years in the
 * paid workspace, 40 in the FREE one, now = %CLOCKIFY_SIM_DEFAULT_NOW.
 */
void clockify_sim_options_init_default (ClockifySimOptions *options);

typedef enum
{
  CLOCKIFY_SIM_KEY_OWNER,    /* user 0: both workspaces */
  CLOCKIFY_SIM_KEY_MEMBER,   /* user 1: the paid workspace only */
  CLOCKIFY_SIM_KEY_UNKNOWN,  /* well-formed but unknown: always 401 */
} ClockifySimKey;

typedef enum
{
  CLOCKIFY_SIM_WORKSPACE_PAID,
  CLOCKIFY_SIM_WORKSPACE_FREE,
} ClockifySimWorkspace;

typedef enum
{
  CLOCKIFY_SIM_LAST_PAGE_DEFAULT,  /* users, projects, tasks, time entries only */
  CLOCKIFY_SIM_LAST_PAGE_ALWAYS,   /* every list of the main API (never the report) */
  CLOCKIFY_SIM_LAST_PAGE_NEVER,
} ClockifySimLastPage;

typedef enum
{
  /* Answer @status with a {"message","code"} body (or @body) and, when
   * @retry_after is set, a Retry-After header with that exact text
   * ("2", or an HTTP date). */
  CLOCKIFY_SIM_FAULT_STATUS,
  /* Close the connection without sending anything. Logged with status 0. */
  CLOCKIFY_SIM_FAULT_DROP,
  /* Answer normally, but @delay_ms later. If the client gives up first, the
   * log entry's `aborted` is TRUE. */
  CLOCKIFY_SIM_FAULT_DELAY,
  /* The normal answer's status and headers, body cut in the middle. With
   * @cut_connection FALSE the Content-Length matches the cut body (valid
   * HTTP, invalid JSON); with TRUE the full Content-Length is announced and
   * the connection closed after half of it (a premature EOF). */
  CLOCKIFY_SIM_FAULT_TRUNCATE,
  /* HTTP 200 with {"code":501,"message":...} (or @body), as Clockify's
   * report endpoints do for some errors. */
  CLOCKIFY_SIM_FAULT_ERROR_IN_200,
  /* 302 to @location with the request's path and query appended
   * (@location = another sim's base URL redirects to the same endpoint
   * there). @status may pick 301/303/307/308 instead. */
  CLOCKIFY_SIM_FAULT_REDIRECT,
  /* HTTP 200, Content-Type application/json, a syntactically valid JSON
   * array of about @huge_size bytes sent with chunked encoding in 64 KiB
   * chunks, never held in memory at once. */
  CLOCKIFY_SIM_FAULT_HUGE,
} ClockifySimFaultKind;

/**
 * ClockifySimFault:
 * @kind: what happens
 * @path_substring: affects requests whose path contains this (NULL: any)
 * @method: affects only this method, e.g. "POST" (NULL: any)
 * @skip: let this many matching requests through unharmed first
 * @count: then affect this many matching requests (0: every one until cleared)
 * @status: STATUS: the status code; REDIRECT: 0 means 302
 * @retry_after: STATUS: Retry-After header value, or NULL for none
 * @body: STATUS, ERROR_IN_200: the body to send instead of the default
 * @delay_ms: DELAY: milliseconds to wait before answering
 * @location: REDIRECT: base URL to redirect to (no trailing slash)
 * @huge_size: HUGE: body size in bytes
 * @cut_connection: TRUNCATE: see %CLOCKIFY_SIM_FAULT_TRUNCATE
 *
 * Faults are checked in the order added; the first that matches a request
 * (after its @skip) applies. The strings are copied.
 */
typedef struct
{
  ClockifySimFaultKind kind;
  const char *path_substring;
  const char *method;
  guint skip;
  guint count;
  guint status;
  const char *retry_after;
  const char *body;
  guint delay_ms;
  const char *location;
  gsize huge_size;
  gboolean cut_connection;
} ClockifySimFault;

/**
 * ClockifySimRequest:
 * @method: "GET", "POST", ...
 * @path: the path, e.g. "/api/v1/workspaces/65.../users"
 * @query: (nullable): the raw query string without "?"
 * @key_id: which key the request carried: "owner", "member", "unknown"
 *   (any other X-Api-Key value) or "none" (no header). Never the key.
 * @status: the status code sent (0: the connection was dropped)
 * @time_us: g_get_monotonic_time() when the request arrived
 * @body: (nullable): the request body of a POST (reports carry no key)
 * @fault: (nullable): the injected fault's name ("status", "drop", "delay",
 *   "truncate", "error-in-200", "redirect", "huge"), or NULL
 * @aborted: the connection closed before the answer was completely sent
 *   (the client cancelled a delayed request, or the fault cut it)
 * @finished: the answer was completely sent
 *
 * One entry of the request log.
 */
typedef struct
{
  char *method;
  char *path;
  char *query;
  char *key_id;
  guint status;
  gint64 time_us;
  char *body;
  char *fault;
  gboolean aborted;
  gboolean finished;
} ClockifySimRequest;

#define CLOCKIFY_SIM_TYPE_REQUEST (clockify_sim_request_get_type ())
GType               clockify_sim_request_get_type (void) G_GNUC_CONST;
ClockifySimRequest *clockify_sim_request_copy     (const ClockifySimRequest *request);
void                clockify_sim_request_free     (ClockifySimRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClockifySimRequest, clockify_sim_request_free)

#define CLOCKIFY_TYPE_SIM (clockify_sim_get_type ())
G_DECLARE_FINAL_TYPE (ClockifySim, clockify_sim, CLOCKIFY, SIM, GObject)

/**
 * clockify_sim_new:
 * @options: (nullable): sizes and seed; NULL for clockify_sim_options_init_default()
 *
 * Generates the data set (20,000 entries take a few tens of milliseconds).
 * The server does not listen until clockify_sim_start().
 *
 * Returns: (transfer full): a new simulator
 */
ClockifySim *clockify_sim_new               (const ClockifySimOptions *options);

/**
 * clockify_sim_start:
 *
 * Starts the server thread and listens on 127.0.0.1 (IPv4 only) on a free
 * port. Returns once the server listens. clockify_sim_start_on_port() takes
 * the port (0: any free one), for timecard-sim --port.
 */
gboolean     clockify_sim_start             (ClockifySim  *self,
                                             GError      **error);
gboolean     clockify_sim_start_on_port     (ClockifySim  *self,
                                             guint         port,
                                             GError      **error);
/**
 * clockify_sim_stop:
 *
 * Stops listening, closes connections and joins the server thread. Safe to
 * call twice; also done on finalize. A stopped simulator can start again
 * (on a new port).
 */
void         clockify_sim_stop              (ClockifySim  *self);

/* "http://127.0.0.1:PORT", no trailing slash; NULL when not started. Valid
 * until clockify_sim_stop(). */
const char  *clockify_sim_get_base_url      (ClockifySim  *self);
guint        clockify_sim_get_port          (ClockifySim  *self);
/* BASE "/api/v1" and BASE "/report/v1"; (transfer full), NULL when not started. */
char        *clockify_sim_dup_api_url       (ClockifySim  *self);
char        *clockify_sim_dup_reports_url   (ClockifySim  *self);

/* Keys are ASCII, 48 characters, start with "tcsim", and differ per seed. */
const char  *clockify_sim_get_key           (ClockifySim          *self,
                                             ClockifySimKey        key);
/* The user id behind OWNER / MEMBER (NULL for UNKNOWN). */
const char  *clockify_sim_get_user_id       (ClockifySim          *self,
                                             ClockifySimKey        key);
const char  *clockify_sim_get_workspace_id  (ClockifySim          *self,
                                             ClockifySimWorkspace  workspace);
/* The data set's "now" in seconds since the epoch (UTC). */
gint64       clockify_sim_get_now           (ClockifySim          *self);

/**
 * clockify_sim_dup_entities:
 * @workspace_id: a workspace id from clockify_sim_get_workspace_id()
 * @entity: "users", "clients", "projects", "tasks" (all projects'),
 *   "tags", "user-groups", "custom-fields", "time-entries" (all users',
 *   running ones included, by start then id), or "workspaces" (both)
 *
 * Returns: (transfer full) (nullable): a JSON array with exactly the objects
 *   the API serves (unpaginated, same order, same text), or NULL for an
 *   unknown workspace or entity
 */
JsonNode    *clockify_sim_dup_entities          (ClockifySim *self,
                                                 const char  *workspace_id,
                                                 const char  *entity);
/* Exactly what GET .../user/{user_id}/time-entries returns unpaginated
 * (newest first, not hydrated). NULL for an unknown workspace or user. */
JsonNode    *clockify_sim_dup_user_time_entries (ClockifySim *self,
                                                 const char  *workspace_id,
                                                 const char  *user_id);
/* The number of time entries in a workspace (all users, running included). */
guint        clockify_sim_count_time_entries    (ClockifySim *self,
                                                 const char  *workspace_id);

/**
 * clockify_sim_mutate_time_entries:
 * @n_edit: entries to edit (description, end and tags change)
 * @n_add: entries to add (new ids)
 * @n_delete: entries to delete
 * @seed: picks which entries, deterministically
 *
 * Changes entries that start within the 30 days before "now" (edits and
 * deletions never touch running entries; additions are completed entries).
 * Capped at what exists.
 */
void         clockify_sim_mutate_time_entries   (ClockifySim *self,
                                                 const char  *workspace_id,
                                                 guint        n_edit,
                                                 guint        n_add,
                                                 guint        n_delete,
                                                 guint        seed);

/* Deletes the time entry @entry_id, anywhere in time; %FALSE if there is none. */
gboolean     clockify_sim_delete_time_entry     (ClockifySim *self,
                                                 const char  *workspace_id,
                                                 const char  *entry_id);

/* Limits. @per_second 0 turns the per-key limit off (default 10). */
void         clockify_sim_set_rate_limit             (ClockifySim *self,
                                                      guint        per_second);
/* Retry-After text on rate-limit 429s (NULL: none, the default). */
void         clockify_sim_set_rate_limit_retry_after (ClockifySim *self,
                                                      const char  *retry_after);
/* @requests 0 turns the FREE-plan budget off (default 30 per hour). */
void         clockify_sim_set_free_plan_limit        (ClockifySim *self,
                                                      guint        requests,
                                                      gint64       window_usec);
/* Forget the requests counted by both limits. */
void         clockify_sim_reset_limits               (ClockifySim *self);

/* Reports on the FREE workspace may span at most @days days (default 31, as
 * Clockify's spec says since May 2026; 0: no limit); longer → 400. */
void         clockify_sim_set_free_report_max_days   (ClockifySim *self,
                                                      guint        days);

void         clockify_sim_set_last_page_header  (ClockifySim         *self,
                                                 ClockifySimLastPage  mode);
/* TRUE: reports use the spec's "timeEntries" and "id". */
void         clockify_sim_set_report_spelling   (ClockifySim *self,
                                                 gboolean     spec_spelling);

void         clockify_sim_add_fault             (ClockifySim            *self,
                                                 const ClockifySimFault *fault);
/**
 * clockify_sim_add_faults_from_string:
 * @spec: faults separated by ";", each "KIND[,key=value...]" with KIND one
 *   of status, drop, delay, truncate, error-in-200, redirect, huge and keys
 *   path, method, skip, count, status, retry-after, body, ms, location,
 *   size, cut (0/1). Example: "status,status=503,retry-after=1,count=2;drop,path=/tags".
 *   Values cannot contain ',' or ';' (use clockify_sim_add_fault() for an
 *   HTTP-date Retry-After). All or nothing: on error no fault is added.
 *
 * Used by timecard-sim --faults.
 */
gboolean     clockify_sim_add_faults_from_string (ClockifySim  *self,
                                                  const char   *spec,
                                                  GError      **error);
void         clockify_sim_clear_faults          (ClockifySim *self);

/* Request log. (transfer full) (element-type ClockifySimRequest), with a free func. */
GPtrArray   *clockify_sim_dup_log               (ClockifySim *self);
void         clockify_sim_clear_log             (ClockifySim *self);
/* FALSE: this simulator's requests are not written to TIMECARD_SIM_LOG_DIR,
 * for tests that send requests outside the spec on purpose (unknown paths,
 * made-up parameters), which the contract test would flag. Default TRUE. */
void         clockify_sim_set_contract_log      (ClockifySim *self,
                                                 gboolean     enabled);
/**
 * clockify_sim_count_requests:
 * @method: (nullable): "GET", "POST", or NULL for any
 * @path_substring: (nullable): counts paths containing this, NULL for any
 * @status: the status to count, -1 for any (0 counts dropped connections)
 */
guint        clockify_sim_count_requests        (ClockifySim *self,
                                                 const char  *method,
                                                 const char  *path_substring,
                                                 int          status);
/* How many logged requests carried a key other than @key_id ("owner",
 * "member", "unknown", "none"): 0 when a client sent the key it should. */
guint        clockify_sim_count_requests_not_by_key (ClockifySim *self,
                                                     const char  *key_id);

G_END_DECLS
