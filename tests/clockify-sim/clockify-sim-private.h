/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Internals shared by the simulator's files. The data set is held in compact
 * C structs (not JSON trees) so 200,000 entries cost a few MiB; JSON text is
 * written on demand by clockify-sim-json.c, and both the HTTP answers and
 * clockify_sim_dup_entities() come from the same writers.
 */

#pragma once

#include <libsoup/soup.h>

#include "clockify-sim.h"

G_BEGIN_DECLS

#define SIM_ID_HEX_LEN 24

/* A Clockify ObjectId: 4 bytes of time, 5 of "machine", 3 of counter. */
typedef struct
{
  char hex[SIM_ID_HEX_LEN + 1];
} SimId;

typedef struct
{
  guint64 state;
} SimRng;

void     _sim_rng_init   (SimRng  *rng,
                          guint64  seed);
guint64  _sim_rng_next   (SimRng  *rng);
/* Uniform in [0, n); n > 0. */
guint32  _sim_rng_below  (SimRng  *rng,
                          guint32  n);
/* TRUE with probability percent / 100. */
gboolean _sim_rng_chance (SimRng  *rng,
                          guint    percent);

typedef struct
{
  SimId id;
  char *name;
  char *email;
  const char *time_zone;
  guint hourly_rate;              /* cents */
  guint cost_rate;                /* cents */
} SimUser;

typedef struct
{
  SimId id;
  char *name;
  char *email;
  char *address;
  char *note;
  gboolean archived;
} SimClient;

typedef struct
{
  SimId id;
  char *name;
  int client;                     /* index into clients, -1: none */
  const char *color;
  gboolean billable;
  gboolean archived;
  gboolean is_public;
  char *note;
  int hourly_rate;                /* cents, -1: null (inherit) */
  guint first_task;               /* index into tasks */
  guint n_tasks;
  gint64 tracked_secs;            /* sum of completed entries */
} SimProject;

typedef struct
{
  SimId id;
  char *name;
  guint project;
  SimId assignee;
  gboolean has_assignee;
  gboolean billable;
  gboolean done;
  guint estimate_secs;
  int hourly_rate;                /* cents, -1: null */
  gint64 tracked_secs;
} SimTask;

typedef struct
{
  SimId id;
  char *name;
  gboolean archived;
} SimTag;

typedef struct
{
  SimId id;
  char *name;
  GArray *users;                  /* guint user indices */
  int manager;                    /* user index, -1: none */
} SimGroup;

typedef enum
{
  SIM_FIELD_TXT,
  SIM_FIELD_NUMBER,
  SIM_FIELD_DROPDOWN_SINGLE,
  SIM_FIELD_CHECKBOX,
  SIM_FIELD_LINK,
  SIM_FIELD_DROPDOWN_MULTIPLE,
} SimFieldType;

typedef struct
{
  SimId id;
  char *name;
  SimFieldType type;
  char *description;
  char *placeholder;
  GStrv allowed;                  /* dropdowns */
} SimCustomField;

enum
{
  SIM_ENTRY_BILLABLE  = 1 << 0,
  SIM_ENTRY_LOCKED    = 1 << 1,
  SIM_ENTRY_TAGS_NULL = 1 << 2,   /* "tagIds": null */
  SIM_ENTRY_CFV_NULL  = 1 << 3,   /* "customFieldValues": null */
  SIM_ENTRY_BREAK     = 1 << 4,   /* "type": "BREAK" */
  SIM_ENTRY_MILLIS    = 1 << 5,   /* timestamps with milliseconds */
};

#define SIM_ENTRY_MAX_TAGS 3

/* 48 bytes plus the id: compact, since there may be 200,000 of them. */
typedef struct
{
  SimId id;
  gint64 start_ms;
  gint64 end_ms;                  /* -1: running */
  guint32 user;                   /* index into SimWorld.users */
  gint32 project;                 /* -1: none */
  gint32 task;                    /* -1: none */
  guint32 description;            /* index into SimWorkspace.descriptions */
  guint16 tags[SIM_ENTRY_MAX_TAGS];
  guint8 n_tags;
  guint8 flags;
  guint32 cf_seed;                /* custom field values derive from it */
} SimEntry;

typedef struct
{
  SimId id;
  char *name;
  const char *plan;               /* featureSubscriptionType */
  const char *currency;
  guint hourly_rate;
  guint cost_rate;
  gboolean free_plan;             /* the 30-requests-per-hour budget applies */
  gboolean custom_fields_allowed; /* paid feature: 403 on FREE */
  GArray *members;                /* guint user indices, sorted by name */
  GArray *clients;                /* SimClient, sorted by name */
  GArray *projects;               /* SimProject, sorted by name */
  GArray *tasks;                  /* SimTask, by project then name */
  GArray *tags;                   /* SimTag, sorted by name */
  GArray *groups;                 /* SimGroup, sorted by name */
  GArray *custom_fields;          /* SimCustomField, sorted by name */
  GPtrArray *descriptions;        /* char *, shared by entries */
  GArray *entries;                /* SimEntry, by start then id */
  GArray **by_user;               /* per user index: guint entry indices, ascending */
  guint32 id_counter;
  guint32 id_machine;
} SimWorkspace;

typedef struct
{
  ClockifySimOptions options;
  GArray *users;                  /* SimUser; index 0 = OWNER, 1 = MEMBER */
  GPtrArray *workspaces;          /* SimWorkspace *; 0 = PAID, 1 = FREE */
  char *keys[3];                  /* by ClockifySimKey */
} SimWorld;

/* clockify-sim-data.c */
void          _sim_make_id            (SimId                    *id,
                                       gint64                    time_secs,
                                       guint32                   machine,
                                       guint32                  *counter);
SimWorld     *_sim_world_new          (const ClockifySimOptions *options);
void          _sim_world_free         (SimWorld                 *world);
SimWorkspace *_sim_world_find_ws      (SimWorld                 *world,
                                       const char               *id);
int           _sim_world_find_user    (SimWorld                 *world,
                                       const char               *id);
gboolean      _sim_ws_has_member      (SimWorkspace             *ws,
                                       guint                     user);
int           _sim_ws_find_project    (SimWorkspace             *ws,
                                       const char               *id);
void          _sim_ws_mutate          (SimWorld                 *world,
                                       SimWorkspace             *ws,
                                       guint                     n_edit,
                                       guint                     n_add,
                                       guint                     n_delete,
                                       guint                     seed);
gboolean      _sim_ws_delete_entry    (SimWorld                 *world,
                                       SimWorkspace             *ws,
                                       const char               *id);
/* clockify-sim-entries.c */
void          _sim_ws_fill_descriptions (SimWorkspace           *ws);
/* Entries over options.years before options.now, @n_running of them running. */
void          _sim_ws_generate_entries  (SimWorld               *world,
                                         SimWorkspace           *ws,
                                         guint                   n_entries,
                                         guint                   n_running,
                                         SimRng                 *rng);
/* Rate of an entry in cents: task, else project, else user, else workspace. */
guint         _sim_entry_rate         (SimWorld                 *world,
                                       SimWorkspace             *ws,
                                       const SimEntry           *entry);

/* clockify-sim-json.c: each writes one JSON value to @out. */
void  _sim_json_string        (GString            *out,
                               const char         *value);
void  _sim_json_timestamp     (GString            *out,
                               gint64              ms,
                               gboolean            with_millis);
void  _sim_json_zoned_time    (GString            *out,
                               gint64              ms,
                               GTimeZone          *tz);
void  _sim_json_iso_duration  (GString            *out,
                               gint64              secs);
void  _sim_json_user          (GString            *out,
                               SimWorld           *world,
                               guint               user,
                               gboolean            with_memberships);
void  _sim_json_workspace     (GString            *out,
                               SimWorld           *world,
                               SimWorkspace       *ws);
void  _sim_json_client        (GString            *out,
                               SimWorkspace       *ws,
                               guint               index);
void  _sim_json_project       (GString            *out,
                               SimWorkspace       *ws,
                               guint               index);
void  _sim_json_task          (GString            *out,
                               SimWorkspace       *ws,
                               guint               index);
void  _sim_json_tag           (GString            *out,
                               SimWorkspace       *ws,
                               guint               index);
void  _sim_json_group         (GString            *out,
                               SimWorld           *world,
                               SimWorkspace       *ws,
                               guint               index);
void  _sim_json_custom_field  (GString            *out,
                               SimWorkspace       *ws,
                               guint               index);
void  _sim_json_time_entry    (GString            *out,
                               SimWorld           *world,
                               SimWorkspace       *ws,
                               const SimEntry     *entry,
                               gboolean            hydrated);
void  _sim_json_report_entry  (GString            *out,
                               SimWorld           *world,
                               SimWorkspace       *ws,
                               const SimEntry     *entry,
                               GTimeZone          *tz,
                               gboolean            spec_spelling);
/* Custom field values of an entry, as the main API's objects
 * (@report: the report's {customFieldId,name,type,value}). */
void  _sim_json_entry_fields  (GString            *out,
                               SimWorkspace       *ws,
                               const SimEntry     *entry,
                               gboolean            report);
/* {"message":...,"code":...}; code < 0 omits "code". */
char *_sim_json_error         (const char         *message,
                               int                 code);

/* A parsed query string: pairs in order, names and values unescaped. */
typedef struct
{
  GPtrArray *names;
  GPtrArray *values;
} SimQuery;

void        _sim_query_init    (SimQuery   *query,
                                const char *raw);
void        _sim_query_clear   (SimQuery   *query);
const char *_sim_query_get     (SimQuery   *query,
                                const char *name);

typedef struct
{
  gint64 start_ms;                /* -1: no bound */
  gint64 end_ms;                  /* -1: no bound */
  gboolean in_progress;
  const char *description;
  const char *project;
  const char *task;
  gboolean hydrated;
} SimEntryFilter;

/* What a route answers; the handler sends it, or a fault tampers with it. */
typedef struct
{
  guint status;
  GString *body;
  int last_page;                  /* -1: no header, 0: "false", 1: "true" */
  char *retry_after;
} SimResponse;

void _sim_response_clear (SimResponse *response);
void _sim_response_error (SimResponse *response,
                          guint        status,
                          const char  *message,
                          int          code);

/* clockify-sim-routes.c: list writers shared by the API and the dup
 * functions. @project >= 0 limits "tasks" to one project. */
gboolean _sim_write_entity_list  (SimWorld             *world,
                                  SimWorkspace         *ws,
                                  const char           *entity,
                                  int                   project,
                                  guint                 offset,
                                  guint                 limit,
                                  GString              *out,
                                  guint                *total);
/* Newest first; @filter NULL for none. */
void     _sim_write_user_entries (SimWorld             *world,
                                  SimWorkspace         *ws,
                                  guint                 user,
                                  const SimEntryFilter *filter,
                                  guint                 offset,
                                  guint                 limit,
                                  GString              *out,
                                  guint                *total);
/* @user < 0: all workspaces. */
void     _sim_write_workspaces   (SimWorld             *world,
                                  int                   user,
                                  GString              *out,
                                  guint                *total);


/* Called with the sim's mutex held (except _clockify_sim_request_done). */
SimWorld   *_clockify_sim_get_world        (ClockifySim        *self);
/* Marks a request's log entry finished or aborted; takes the mutex. */
void        _clockify_sim_request_done     (ClockifySim        *self,
                                            SoupServerMessage  *msg,
                                            gboolean            finished);
/* clockify-sim-routes.c: the whole pipeline except faults and logging. */
void        _clockify_sim_route            (ClockifySim        *self,
                                            const char         *method,
                                            const char         *path,
                                            SimQuery           *query,
                                            GBytes             *body,
                                            int                 key,
                                            SimResponse        *response);
/* clockify-sim-report.c */
void        _clockify_sim_report           (ClockifySim        *self,
                                            SimWorkspace       *ws,
                                            guint               user,
                                            GBytes             *body,
                                            SimResponse        *response);
gboolean    _clockify_sim_report_spec_spelling (ClockifySim    *self);
ClockifySimLastPage _clockify_sim_last_page_mode (ClockifySim  *self);
/* 0: no limit. */
guint       _clockify_sim_free_report_max_days (ClockifySim    *self);

/* clockify-sim-limits.c */
typedef struct _SimLimits SimLimits;

SimLimits  *_sim_limits_new            (void);
void        _sim_limits_free           (SimLimits  *limits);
void        _sim_limits_set_per_second (SimLimits  *limits,
                                        guint       per_second);
void        _sim_limits_set_retry_after (SimLimits *limits,
                                         const char *retry_after);
void        _sim_limits_set_free_plan  (SimLimits  *limits,
                                        guint       requests,
                                        gint64      window_usec);
void        _sim_limits_reset          (SimLimits  *limits);
/* FALSE and fills @response with a 429 when over the limit; otherwise
 * counts the request. Per key, and per FREE workspace. */
gboolean    _sim_limits_admit_key      (SimLimits   *limits,
                                        int          key,
                                        gint64       now_us,
                                        SimResponse *response);
gboolean    _sim_limits_admit_workspace (SimLimits  *limits,
                                         gint64      now_us,
                                         SimResponse *response);
SimLimits  *_clockify_sim_get_limits   (ClockifySim *self);

/* clockify-sim-faults.c */
typedef struct _SimFaults SimFaults;

SimFaults  *_sim_faults_new     (void);
void        _sim_faults_free    (SimFaults              *faults);
void        _sim_faults_add     (SimFaults              *faults,
                                 const ClockifySimFault *fault);
void        _sim_faults_clear   (SimFaults              *faults);
/* The fault that applies to this request (consuming one of its count), as
 * a copy to free with _sim_fault_free(), or NULL. */
ClockifySimFault *_sim_faults_match (SimFaults          *faults,
                                     const char         *method,
                                     const char         *path);
void        _sim_fault_free     (ClockifySimFault       *fault);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClockifySimFault, _sim_fault_free)
/* One fault of the --faults syntax; its strings point into *@strings. */
gboolean    _sim_fault_parse    (const char             *spec,
                                 ClockifySimFault       *fault,
                                 GStrv                  *strings,
                                 GError                **error);
const char *_sim_fault_kind_name (ClockifySimFaultKind   kind);
/* Sends a fault's answer (server thread, without the mutex). The route's
 * answer, if the fault needs one, is in @response. */
void        _sim_fault_deliver  (ClockifySim            *self,
                                 SoupServerMessage      *msg,
                                 const ClockifySimFault *fault,
                                 SimResponse            *response,
                                 const char             *path_and_query);
/* Sends @response normally (server thread). */
void        _sim_response_send  (SoupServerMessage      *msg,
                                 SimResponse            *response);

/* clockify-sim-log.c */
typedef struct _SimLog SimLog;

SimLog     *_sim_log_new          (void);
void        _sim_log_free         (SimLog             *log);
/* Records a request; returns its sequence number for the updates below. */
guint64     _sim_log_add          (SimLog             *log,
                                   const char         *method,
                                   const char         *path,
                                   const char         *query,
                                   const char         *key_id,
                                   gint64              time_us,
                                   GBytes             *body);
void        _sim_log_set_result   (SimLog             *log,
                                   guint64             seq,
                                   guint               status,
                                   const char         *fault);
void        _sim_log_set_aborted  (SimLog             *log,
                                   guint64             seq);
void        _sim_log_set_finished (SimLog             *log,
                                   guint64             seq);
GPtrArray  *_sim_log_dup          (SimLog             *log);
void        _sim_log_clear        (SimLog             *log);
guint       _sim_log_count        (SimLog             *log,
                                   const char         *method,
                                   const char         *path_substring,
                                   int                 status);
guint       _sim_log_count_not_by_key (SimLog         *log,
                                       const char     *key_id);
void        _sim_log_set_file_enabled (SimLog         *log,
                                       gboolean        enabled);
/* Appends finished records to TIMECARD_SIM_LOG_DIR's file, if set. */
void        _sim_log_write_line   (SimLog             *log,
                                   guint64             seq,
                                   SimQuery           *query);

G_END_DECLS
