#!/bin/sh
# Prisma's CLI wants to download its native schema engine before any command. We never run it:
# migrations go through Prisma's WebAssembly schema engine (server/db/migrate.ts), offline.
echo "The native Prisma schema engine is not used here; run npm run db:migrate (or db:migrate:new)." >&2
exit 1
