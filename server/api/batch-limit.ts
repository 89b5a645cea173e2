/**
 * At most this many procedure calls in one batched HTTP request. The server refuses larger batches
 * (tRPC's default is unlimited: one request could run thousands of queries); the browser's
 * httpBatchLink splits at the same size. No imports: the client bundle reads it too.
 */
export const MAX_TRPC_BATCH_SIZE = 50;
