/**
 * A template is plain text with {name} placeholders. Filling one fails loudly: a placeholder the
 * template may not use, a value the caller did not give, or a brace that opens no placeholder is
 * an error, never a blank in a letter sent to a citizen.
 */

export type TemplateProblem =
  | { code: "unknown-placeholder"; name: string }
  | { code: "stray-brace" }
  | { code: "missing-required"; name: string };

export class TemplateError extends Error {
  constructor(
    readonly where: string,
    readonly problem: TemplateProblem | { code: "missing-value"; name: string },
  ) {
    super(`Template ${where}: ${describe(problem)}`);
    this.name = "TemplateError";
  }
}

function describe(p: TemplateError["problem"]): string {
  switch (p.code) {
    case "unknown-placeholder":
      return `{${p.name}} is not a placeholder this template knows`;
    case "stray-brace":
      return "a { or } that is not part of a {placeholder}";
    case "missing-required":
      return `{${p.name}} must appear: it carries content the law requires`;
    case "missing-value":
      return `no value for {${p.name}}`;
  }
}

const TOKEN = /\{([A-Za-z][A-Za-z0-9]*)\}|[{}]/g;

/** The placeholders a template uses, in order, and whether a brace stands alone. */
export function scan(template: string): { names: string[]; stray: boolean } {
  const names: string[] = [];
  let stray = false;
  for (const m of template.matchAll(TOKEN)) {
    if (m[1]) names.push(m[1]);
    else stray = true;
  }
  return { names, stray };
}

/** What is wrong with a template (empty: nothing): unknown placeholders, stray braces, required ones left out. */
export function problems(template: string, allowed: readonly string[], required: readonly string[]): TemplateProblem[] {
  const { names, stray } = scan(template);
  const out: TemplateProblem[] = [];
  if (stray) out.push({ code: "stray-brace" });
  for (const name of new Set(names)) if (!allowed.includes(name)) out.push({ code: "unknown-placeholder", name });
  for (const name of required) if (!names.includes(name)) out.push({ code: "missing-required", name });
  return out;
}

/**
 * Fills `template` with `values`. A line whose placeholders all came out empty (an optional note,
 * an empty list) is left out rather than printed blank.
 */
export function fill(
  where: string,
  template: string,
  values: Readonly<Record<string, string | undefined>>,
  allowed: readonly string[],
  required: readonly string[] = [],
): string {
  const [problem] = problems(template, allowed, required);
  if (problem) throw new TemplateError(where, problem);
  for (const name of required) if (!values[name]) throw new TemplateError(where, { code: "missing-value", name });
  const lines: string[] = [];
  for (const line of template.split("\n")) {
    const { names } = scan(line);
    const filled = line.replace(TOKEN, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new TemplateError(where, { code: "missing-value", name });
      return value;
    });
    if (names.length && filled.trim() === "" && names.every((n) => values[n] === "")) continue;
    lines.push(filled);
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n");
}
