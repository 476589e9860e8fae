#!/usr/bin/env bash
# Playwright's web server: one production build, served twice from fresh seeded databases,
# as a published read-only dashboard (E2E_PORT) and as a tagging instance (E2E_TAGGING_PORT).
set -euo pipefail
PORT=${E2E_PORT:-3100}
TAGGING_PORT=${E2E_TAGGING_PORT:-3101}
mkdir -p tests/.tmp
rm -f tests/.tmp/e2e.db tests/.tmp/e2e.db-wal tests/.tmp/e2e.db-shm tests/.tmp/e2e-tagging.db tests/.tmp/e2e-tagging.db-wal tests/.tmp/e2e-tagging.db-shm
DATABASE_URL=file:./tests/.tmp/e2e.db npm run -s db:setup
DATABASE_URL=file:./tests/.tmp/e2e-tagging.db npm run -s db:setup
npx next build
# Through the start script, as `npm start` runs it: tagging without a secret binds 127.0.0.1.
DATABASE_URL=file:./tests/.tmp/e2e-tagging.db TAGGING_ENABLED=1 npx tsx scripts/start.ts start -p "$TAGGING_PORT" &
tagging=$!
trap 'kill $tagging 2>/dev/null || true' EXIT
# Its output is kept (Playwright ignores it) for the test of the start-up warm-up (pages.spec.ts).
rm -f tests/.tmp/e2e-server.log
DATABASE_URL=file:./tests/.tmp/e2e.db npx tsx scripts/start.ts start -H 127.0.0.1 -p "$PORT" > tests/.tmp/e2e-server.log
