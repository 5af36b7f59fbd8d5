import type { z } from "zod";
import { addError, issueErrors, type FieldErrors } from "./input/field-errors";
import { checkText } from "./input/text";

export { addError, firstErrors, firstIssue, firstMessages, hasErrors, issueErrors, topFields, type FieldErrors, type Issue } from "./input/field-errors";

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

type Entries = { keys(): Iterable<string>; getAll(key: string): (FormDataEntryValue | string)[] };

/**
 * Reads every submitted value through `checkText` (control characters and bidi overrides refused,
 * invisible-only values emptied), then validates with one zod schema. Messages are i18n keys
 * (`errors.…`, or a namespace's `<id>:errors.…`, `<id>:section.errors.…`); a zod default message becomes the generic
 * `errors.invalid`, so the reader always sees their language. Fields named in `lists` are read as
 * arrays (checkbox groups); files pass through untouched.
 */
function parseEntries<S extends z.ZodType>(schema: S, entries: Entries, { lists = [], fallback, namespaceCore }: ReadOptions = {}): Parsed<z.output<S>> {
  const input: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  const core = (key: string) => (namespaceCore ? `core:${key}` : key);
  for (const key of new Set(entries.keys())) {
    if (key === "_csrf") continue;
    const values = entries.getAll(key).map((v) => {
      if (typeof v !== "string") return v;
      const checked = checkText(v);
      if (checked.ok) return checked.value;
      addError(errors, key, core(checked.error));
      return "";
    });
    input[key] = lists.includes(key) ? values : values[0];
  }
  for (const key of lists) input[key] ??= [];
  const refused = new Set(Object.keys(errors));
  const result = schema.safeParse(input);
  if (result.success && refused.size === 0) return { ok: true, data: result.data };
  // A refused value was emptied: its own error says why, not "required".
  const issues = result.success ? [] : result.error.issues.filter((issue) => !refused.has(String(issue.path[0])));
  return { ok: false, errors: issueErrors(issues, fallback ?? (() => core("errors.invalid")), errors) };
}

export interface ReadOptions {
  /** Fields read as arrays (checkbox groups, repeated parameters). */
  lists?: readonly string[];
  /** The message for a field whose schema gave zod's default message: the page's own word for it; `errors.invalid` otherwise. */
  fallback?: (field: string) => string;
  /** Core's messages as `core:…`, for a plugin page or API whose translator reads the plugin's namespace. */
  namespaceCore?: boolean;
}

/** A submitted form, checked and validated (see parseEntries). */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData, lists: readonly string[] = []): Parsed<z.output<S>> {
  return parseEntries(schema, form, { lists });
}

/**
 * Every submitted text through `checkText`, for a page that shows a refused form again as typed:
 * the first value of each field, normalised (line breaks as LF, an invisible-only value as empty),
 * and the fields with any value refused for a control character or a bidi override, with its
 * message. A refused value is kept as typed; nothing is to be stored while `errors` has any.
 */
export function checkedTexts(form: FormData): { values: Record<string, string>; errors: FieldErrors } {
  const values: Record<string, string> = {};
  const errors: FieldErrors = {};
  for (const [field, value] of form) {
    if (typeof value !== "string" || field === "_csrf") continue;
    const checked = checkText(value);
    if (!checked.ok) errors[field] ??= [checked.error];
    if (!(field in values)) values[field] = checked.ok ? checked.value : value;
  }
  return { values, errors };
}

/**
 * A URL's query parameters, checked and validated like a form (a search box, a list's filters).
 * With an object schema only its own parameters are read: a link's other parameters (a language,
 * a tracking tag) are none of the page's business, whatever they hold.
 */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams, options: ReadOptions = {}): Parsed<z.output<S>> {
  const own = ownParameters(schema, params);
  return parseEntries(schema, own, options);
}

function ownParameters(schema: z.ZodType, params: URLSearchParams): URLSearchParams {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  if (!shape || typeof shape !== "object") return params;
  const own = new URLSearchParams();
  for (const key of Object.keys(shape)) for (const value of params.getAll(key)) own.append(key, value);
  return own;
}

export type Filters<T> = { data: T; ignored: FieldErrors };

/**
 * A list's filters from its query string, leniently: only the schema's own parameters are read
 * (the first value of each; an empty one, as a GET form sends an unused field, means no filter),
 * and a value that is refused (a control character, a wrong type, an impossible date) is dropped
 * and named in `ignored` with its message, so that the page can show the rest and say what it left
 * out. The schema must accept no parameters at all.
 */
export function readFilters<S extends z.ZodObject>(schema: S, params: URLSearchParams): Filters<z.output<S>> {
  const own = new URLSearchParams();
  for (const key of Object.keys(schema.shape)) {
    const value = params.get(key);
    if (value !== null && value !== "") own.set(key, value);
  }
  const ignored: FieldErrors = {};
  for (;;) {
    const parsed = parseQuery(schema, own);
    if (parsed.ok) return { data: parsed.data, ignored };
    const fields = Object.keys(parsed.errors).filter((f) => own.has(f));
    // A refusal no single parameter explains (a rule across fields): no filter at all.
    if (fields.length === 0) return { data: schema.parse({}) as z.output<S>, ignored: { ...ignored, ...parsed.errors } };
    for (const f of fields) {
      ignored[f] = parsed.errors[f];
      own.delete(f);
    }
  }
}

/**
 * A page's own query parameters (the ones its links set, not a list's filters): checked like a form,
 * or a 400 thrown, whose first message the error page shows in the reader's language.
 */
export function requireQuery<S extends z.ZodObject>(schema: S, params: URLSearchParams): z.output<S> {
  const own = new URLSearchParams();
  for (const key of Object.keys(schema.shape)) {
    const value = params.get(key);
    if (value !== null) own.set(key, value);
  }
  const parsed = parseQuery(schema, own);
  if (parsed.ok) return parsed.data;
  throw badRequest(Object.values(parsed.errors).flat()[0]);
}

/** A 400 answer to throw from a loader or action; `message` (an i18n key) is shown on the error page. */
export function badRequest(message = "errors.invalid"): Response {
  return Response.json({ message }, { status: 400 });
}
