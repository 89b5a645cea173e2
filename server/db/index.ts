export { getDb, closeDb, databaseKind, type Db } from "./client";
export { Prisma } from "./generated/client";
export type * from "./generated/client";
export * from "./generated/enums";
export { orTsQuery } from "./full-text";
