import { z } from "zod";
import { overrideProblems, type OverrideProblem } from "../templates";

const TEMPLATE_ERRORS: Record<OverrideProblem["code"], string> = {
  "unknown-key": "requests:settings.errors.templateKey",
  "unknown-placeholder": "requests:settings.errors.templatePlaceholder",
  "stray-brace": "requests:settings.errors.templatePlaceholder",
  "missing-required": "requests:settings.errors.templateRequired",
};

/**
 * A tenant's own wording of a notice, keyed `<template>.<locale>` (`supplement.zh-CN`,
 * `reply.partly_disclosed.en`, `remedy.zh-TW`; templates/index.ts lists them). An override may use
 * only its template's placeholders and must keep those that carry what the law requires.
 */
const TemplateOverrides = z
  .record(z.string(), z.string().max(8000))
  .superRefine((overrides, ctx) => {
    for (const [key, text] of Object.entries(overrides)) {
      for (const message of new Set(overrideProblems(key, text).map((p) => TEMPLATE_ERRORS[p.code]))) ctx.addIssue({ code: "custom", path: [key], message });
    }
  });

/** Per-office settings of the requests plugin; every field has a default. */
export const RequestsSettings = z.object({
  // 补正期限 (条例第三十条 asks for a reasonable one and sets no number): working days from the notice.
  supplementWorkdays: z.number().int().min(5).max(60).default(15),
  templates: TemplateOverrides.default({}),
});
export type RequestsSettings = z.output<typeof RequestsSettings>;
