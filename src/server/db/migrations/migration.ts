/** One numbered step of the schema, applied once, in its own transaction. */
export type Migration = { version: number; name: string; sql: string };
