import type { z } from "zod";
import { DecisionRefused } from "../../core/workflow/decision-refused";
import { issueErrors, type FieldErrors, type Issue } from "../../core/input/field-errors";

/**
 * A named extension point: what one plugin offers (manifest `extensionPoints`) and any other feeds
 * through `ctx.extensions.call(point, input, trx)`, neither importing the other. The contract — key,
 * the zod schema of the input, the type of the answer `O` — lives in the plugin API, so both sides
 * type-check against it alone.
 */
export interface ExtensionPoint<S extends z.ZodType = z.ZodType, O = unknown> {
  /** `<offering plugin id>.<name>`, e.g. "disclosure.catalogue". */
  readonly key: string;
  /** What a feeder sends; the host validates it before the offering plugin sees it. */
  readonly input: S;
  /** i18n key (with its namespace) a feeder's user reads when the offering plugin is not enabled in the office. */
  readonly unavailable: string;
  /** Never set: carries the answer's type. */
  readonly output?: O;
}

export type ExtensionInput<P> = P extends ExtensionPoint<infer S, unknown> ? z.input<S> : never;
export type ExtensionOutput<P> = P extends ExtensionPoint<z.ZodType, infer O> ? O : never;

/** Declares an extension point's contract (for the plugin API's well-known points, or a plugin's own). */
export function extensionPoint<S extends z.ZodType, O>(key: string, input: S, options: { unavailable?: string } = {}): ExtensionPoint<S, O> {
  return { key, input, unavailable: options.unavailable ?? "core:extensions.errors.unavailable" };
}

/**
 * The office has not enabled the plugin that offers the point. A `DecisionRefused`: thrown from
 * `onApproved`/`onPublished` it refuses the decision with this reason and undoes it; elsewhere
 * catch it and show `t(e.key)`. Ask `ctx.extensions.available(point)` first to avoid it.
 */
export class ExtensionUnavailable extends DecisionRefused {
  constructor(
    key: string,
    readonly point: string,
  ) {
    super(key);
    this.name = "ExtensionUnavailable";
  }
}

/** The feeder sent what the point's schema refuses (a feeder's bug): `errors` names every field. */
export class ExtensionInputRefused extends DecisionRefused {
  readonly errors: FieldErrors;
  constructor(
    readonly point: string,
    issues: readonly Issue[],
  ) {
    super("core:extensions.errors.invalidInput");
    this.name = "ExtensionInputRefused";
    this.errors = issueErrors(issues);
    // The key is what a user reads; zod's own words are for the feeder's author, in logs.
    this.message = `${point}: ${issues.map((i) => `${i.path.map(String).join(".") || "(input)"}: ${i.message}`).join("; ")}`;
  }
}
