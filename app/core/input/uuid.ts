const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a uuid, as the database's ids are: anything else would be a query error, not "no such row". */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/**
 * A route's uuid parameter (`/items/:id`), or a 404 thrown: a malformed id names no row, and is
 * answered as one that does not exist rather than reaching the database.
 */
export function requireUuidParam(params: Readonly<Record<string, string | undefined>>, name: string): string {
  const value = params[name];
  if (!isUuid(value)) throw new Response("Not Found", { status: 404 });
  return value;
}
