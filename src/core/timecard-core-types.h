/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _TimecardCredential      TimecardCredential;
typedef struct _TimecardCredentialStore TimecardCredentialStore;

/**
 * TimecardCredentialState:
 * @TIMECARD_CREDENTIAL_STATE_UNVERIFIED: never checked, or the last check
 *   could not reach Clockify
 * @TIMECARD_CREDENTIAL_STATE_VERIFIED: Clockify accepted the key at the last check
 * @TIMECARD_CREDENTIAL_STATE_REJECTED: Clockify refused the key at the last check
 * @TIMECARD_CREDENTIAL_STATE_MISSING_KEY: the credential's key is not in the
 *   Secret Service; it has to be entered again
 *
 * What is known about a credential's key.
 */
typedef enum
{
  TIMECARD_CREDENTIAL_STATE_UNVERIFIED,
  TIMECARD_CREDENTIAL_STATE_VERIFIED,
  TIMECARD_CREDENTIAL_STATE_REJECTED,
  TIMECARD_CREDENTIAL_STATE_MISSING_KEY,
} TimecardCredentialState;

/**
 * TimecardCredentialError:
 * @TIMECARD_CREDENTIAL_ERROR_NAME_REQUIRED: the name is empty
 * @TIMECARD_CREDENTIAL_ERROR_NAME_TOO_LONG: the name has more than 100 characters
 * @TIMECARD_CREDENTIAL_ERROR_NAME_INVALID: the name contains control characters
 * @TIMECARD_CREDENTIAL_ERROR_NAME_TAKEN: another credential has this name
 *   (compared case-insensitively)
 * @TIMECARD_CREDENTIAL_ERROR_DESCRIPTION_TOO_LONG: the description has more
 *   than 1000 characters
 * @TIMECARD_CREDENTIAL_ERROR_KEY_REQUIRED: the API key is empty
 * @TIMECARD_CREDENTIAL_ERROR_KEY_INVALID: the API key cannot be a Clockify key;
 *   the message says why
 * @TIMECARD_CREDENTIAL_ERROR_SERVER_INVALID: the server description is not valid
 * @TIMECARD_CREDENTIAL_ERROR_NOT_FOUND: no such credential
 * @TIMECARD_CREDENTIAL_ERROR_KEY_MISSING: the credential's key is not in the
 *   Secret Service
 * @TIMECARD_CREDENTIAL_ERROR_REJECTED: Clockify refused the key (HTTP 401 or 403)
 * @TIMECARD_CREDENTIAL_ERROR_VERIFY_FAILED: Clockify could not be reached or failed
 * @TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE: the Secret Service is not running,
 *   the keyring is locked and was not unlocked, or it failed; the message
 *   names the cause
 * @TIMECARD_CREDENTIAL_ERROR_STORAGE: the credentials file could not be read or written
 *
 * Errors in the %TIMECARD_CREDENTIAL_ERROR domain. Messages are translated
 * and never contain the key.
 */
typedef enum
{
  TIMECARD_CREDENTIAL_ERROR_NAME_REQUIRED,
  TIMECARD_CREDENTIAL_ERROR_NAME_TOO_LONG,
  TIMECARD_CREDENTIAL_ERROR_NAME_INVALID,
  TIMECARD_CREDENTIAL_ERROR_NAME_TAKEN,
  TIMECARD_CREDENTIAL_ERROR_DESCRIPTION_TOO_LONG,
  TIMECARD_CREDENTIAL_ERROR_KEY_REQUIRED,
  TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
  TIMECARD_CREDENTIAL_ERROR_SERVER_INVALID,
  TIMECARD_CREDENTIAL_ERROR_NOT_FOUND,
  TIMECARD_CREDENTIAL_ERROR_KEY_MISSING,
  TIMECARD_CREDENTIAL_ERROR_REJECTED,
  TIMECARD_CREDENTIAL_ERROR_VERIFY_FAILED,
  TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE,
  TIMECARD_CREDENTIAL_ERROR_STORAGE,
} TimecardCredentialError;

/**
 * TimecardCredentialStoreFlags:
 * @TIMECARD_CREDENTIAL_STORE_FLAGS_NONE: store without asking Clockify
 * @TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY: check the key with Clockify first
 *   and store nothing unless Clockify accepts it
 *
 * How timecard_credential_store_add_async() and
 * timecard_credential_store_update_async() treat a new key or server.
 */
typedef enum /*< flags >*/
{
  TIMECARD_CREDENTIAL_STORE_FLAGS_NONE   = 0,
  TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY = 1 << 0,
} TimecardCredentialStoreFlags;

/**
 * TimecardCredentialStoreFailPoint:
 * @TIMECARD_CREDENTIAL_STORE_FAIL_NONE: run every step (the default)
 * @TIMECARD_CREDENTIAL_STORE_FAIL_BEFORE_SECRET_WRITE: stop an edit of the key
 *   after the credentials file marks the change, before the new key is stored
 * @TIMECARD_CREDENTIAL_STORE_FAIL_AFTER_SECRET_WRITE: stop an add or a key
 *   edit after the key is stored, before the credentials file is written
 * @TIMECARD_CREDENTIAL_STORE_FAIL_BEFORE_SECRET_CLEAR: stop a removal after
 *   the credentials file is written, before the key is deleted
 *
 * Where timecard_credential_store_set_fail_point() makes an operation stop,
 * as if the process had been killed there. For tests of crash recovery only.
 */
typedef enum
{
  TIMECARD_CREDENTIAL_STORE_FAIL_NONE,
  TIMECARD_CREDENTIAL_STORE_FAIL_BEFORE_SECRET_WRITE,
  TIMECARD_CREDENTIAL_STORE_FAIL_AFTER_SECRET_WRITE,
  TIMECARD_CREDENTIAL_STORE_FAIL_BEFORE_SECRET_CLEAR,
} TimecardCredentialStoreFailPoint;

G_END_DECLS
