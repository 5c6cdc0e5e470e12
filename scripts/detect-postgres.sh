# Sourced by `make unit`. Backstage's TestDatabases runs the PostgreSQL cases against the
# server in BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING. When that is unset we use a
# local PostgreSQL at 127.0.0.1:5432 if one answers; otherwise the PostgreSQL cases are skipped
# and we say so (the run never fails for a missing server).
if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
    export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres@127.0.0.1:5432
  fi
fi
if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  echo "Integration tests run on SQLite and on PostgreSQL (${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING})"
else
  echo "NOTE: no PostgreSQL at 127.0.0.1:5432 and BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING unset: SKIPPING the PostgreSQL test cases (SQLite only)"
fi
