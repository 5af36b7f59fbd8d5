import type { z } from "zod";
import type { FieldErrors } from "../core/input/field-errors";
import { checkText } from "../core/input/text";

/**
 * The generated settings form of a plugin: one field per key of its `settings.schema`, read back
 * from the submitted form into the types the schema expects, then validated by the schema itself.
 * Shared by the server (parsing) and the page (rendering), so it imports no server code.
 */

interface Common {
  name: string;
  /** Wrapped in `.optional()` without a default: an empty input means "not set". */
  optional: boolean;
}

export type SettingsField = Common &
  (
    | { kind: "text"; default: string | null; minLength?: number; maxLength?: number }
    | { kind: "number"; default: number | null; integer: boolean; min?: number; max?: number }
    | { kind: "checkbox"; default: boolean | null }
    | { kind: "select"; default: string | null; options: string[] }
    /** A type the form cannot edit (array, object…): shown, and kept as stored when the form is saved. */
    | { kind: "unsupported"; default: unknown; type: string }
  );

export type SettingsErrors = FieldErrors;

export type SettingsResult = { ok: true; data: Record<string, unknown> } | { ok: false; errors: SettingsErrors };

type AnySchema = z.ZodType & { def: { type: string; innerType?: z.ZodType; defaultValue?: unknown } };

/** Strips `.default()`, `.optional()`, `.nullable()` and `.prefault()`, noting the default and optionality. */
function unwrap(field: z.ZodType): { inner: AnySchema; default: unknown; optional: boolean } {
  let inner = field as AnySchema;
  let value: unknown = undefined;
  let hasDefault = false;
  let optional = false;
  for (;;) {
    const { type } = inner.def;
    if (type === "default" || type === "prefault") {
      if (!hasDefault) value = inner.def.defaultValue;
      hasDefault = true;
    } else if (type === "optional") {
      optional = true;
    } else if (type !== "nullable" && type !== "readonly") {
      break;
    }
    inner = inner.def.innerType as AnySchema;
  }
  return { inner, default: value, optional: optional && !hasDefault };
}

/** A bound worth putting on an input: finite and not zod's safe-integer limit. */
const bound = (n: number | null | undefined) =>
  typeof n === "number" && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined;

/** The form fields for a settings schema, in the schema's order. */
export function settingsFields(schema: z.ZodObject): SettingsField[] {
  return Object.entries(schema.shape).map(([name, field]): SettingsField => {
    const { inner, default: value, optional } = unwrap(field as z.ZodType);
    const common = { name, optional };
    switch (inner.def.type) {
      case "string": {
        const s = inner as unknown as z.ZodString;
        return {
          ...common,
          kind: "text",
          default: typeof value === "string" ? value : null,
          minLength: bound(s.minLength),
          maxLength: bound(s.maxLength),
        };
      }
      case "number": {
        const n = inner as unknown as z.ZodNumber;
        return {
          ...common,
          kind: "number",
          default: typeof value === "number" ? value : null,
          integer: !!n.isInt,
          min: bound(n.minValue),
          max: bound(n.maxValue),
        };
      }
      case "boolean":
        return { ...common, kind: "checkbox", default: typeof value === "boolean" ? value : null };
      case "enum": {
        const options = (inner as unknown as z.ZodEnum).options.map(String);
        return { ...common, kind: "select", default: value === undefined ? null : String(value), options };
      }
      default:
        return { ...common, kind: "unsupported", default: value, type: inner.def.type };
    }
  });
}

/**
 * Reads a submitted settings form into the types of the schema, before validation: a checkbox is
 * true when present, a number input becomes a number (NaN when it is not one), a select becomes the
 * enum value. An empty input is `undefined` for an optional field; an empty number or select is
 * `null` otherwise, so that the schema reports it as required. Fields the form cannot edit keep their `current` value;
 * keys not in the schema are ignored.
 */
export function readSettingsForm(schema: z.ZodObject, form: FormData, current: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of settingsFields(schema)) {
    const { name } = field;
    if (field.kind === "unsupported") {
      values[name] = current[name];
      continue;
    }
    if (field.kind === "checkbox") {
      values[name] = form.has(name);
      continue;
    }
    const raw = form.get(name);
    if (raw === null) continue;
    // Normalised as every submitted text is; a refused one is kept as sent, for validateSettings to refuse.
    const checked = typeof raw === "string" ? checkText(raw) : null;
    const text = checked === null ? "" : checked.ok ? checked.value : (raw as string);
    if (field.kind === "text") {
      values[name] = text === "" && field.optional ? undefined : text;
    } else if (text.trim() === "") {
      values[name] = field.optional ? undefined : null;
    } else if (field.kind === "number") {
      values[name] = Number(text.trim());
    } else {
      const inner = unwrap(schema.shape[name] as z.ZodType).inner as unknown as z.ZodEnum;
      values[name] = inner.options.find((o) => String(o) === text) ?? text;
    }
  }
  return values;
}

/**
 * Validates settings with the plugin's schema. Errors are i18n keys: core's generic
 * `core:errors.required` (an empty value) or `core:errors.invalid`, unless the schema's own message
 * is a key (`errors.…` of core, or `<pluginId>:…` of the plugin).
 */
export function validateSettings(schema: z.ZodObject, values: Record<string, unknown>, pluginId?: string): SettingsResult {
  const refused = refusedTexts(values);
  const result = schema.safeParse(values);
  if (result.success && Object.keys(refused).length === 0) return { ok: true, data: result.data as Record<string, unknown> };
  const errors: SettingsErrors = refused;
  if (result.success) return { ok: false, errors };
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "_form";
    if (refused[field]) continue;
    const value = values[field];
    const empty = value === undefined || value === null || value === "";
    const message = issue.message.startsWith("errors.")
      ? `core:${issue.message}`
      : pluginId && issue.message.startsWith(`${pluginId}:`)
      ? issue.message
      : empty
      ? "core:errors.required"
      : "core:errors.invalid";
    const list = (errors[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return { ok: false, errors };
}

/** Texts no setting may hold (control characters, bidi overrides), anywhere in a value: `core:errors.text.…` by field. */
function refusedTexts(values: Record<string, unknown>): SettingsErrors {
  const errors: SettingsErrors = {};
  const visit = (field: string, v: unknown): void => {
    if (typeof v === "string") {
      const checked = checkText(v);
      if (!checked.ok && !errors[field]) errors[field] = [`core:${checked.error}`];
    } else if (Array.isArray(v)) v.forEach((x) => visit(field, x));
    else if (v && typeof v === "object") Object.values(v).forEach((x) => visit(field, x));
  };
  for (const [field, v] of Object.entries(values)) visit(field, v);
  return errors;
}

/** The keys whose value differs between two settings objects. */
export function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

/** How a value is shown in an input: numbers and strings as typed, nothing for null/undefined. */
export function inputValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
