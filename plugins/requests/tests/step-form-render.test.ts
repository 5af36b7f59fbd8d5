import i18next from "i18next";
import { createElement as h, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { locales } from "../locales";
import type { ActionResult } from "../routes/admin/_parts/action-result";
import { refusedFormShown } from "../routes/admin/_parts/refused-form";
import { StepForm, StepInput, StepSelect } from "../routes/admin/_parts/step-form";
import type { ApplicationView } from "../server/staff/view.server";

/**
 * The application page's small forms as the server sends them: a refused answer's faults all in the
 * summary of the form that was submitted (the form's own fault too), each linking to a kit field of
 * that form, and no other form of the same intent claiming them.
 */
const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ lng: "zh-CN", defaultNS: "requests", ns: ["requests"], resources: { "zh-CN": { requests: locales["zh-CN"] } } });
});

async function html(element: ReactElement): Promise<string> {
  const handler = createStaticHandler([{ id: "root", path: "/", element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(h(I18nextProvider, { i18n }, h(StaticRouterProvider, { router, context, hydrate: false })));
}

const tagOf = (markup: string, id: string) => new RegExp(`<[a-z]+[^>]* id="${id.replace(/\./g, "\\.")}"[^>]*>`).exec(markup)?.[0] ?? "";

const A = "0190a1b2-0000-7000-8000-000000000001";
const B = "0190a1b2-0000-7000-8000-000000000002";
const refused: ActionResult = {
  ok: false,
  intent: "appeal.decide",
  field: "outcome",
  error: "requests:errors.appealOutcome",
  errors: { outcome: ["requests:errors.appealOutcome"], decidedOn: ["requests:errors.decidedBeforeFiled"], _form: ["requests:errors.stepNotOpen"] },
  values: { intent: "appeal.decide", appealId: B, outcome: "won", decidedOn: "2026-01-01" },
};

const decideForm = (appealId: string) =>
  h(
    StepForm,
    { key: appealId, intent: "appeal.decide", hidden: { appealId }, legend: "裁决", button: "记录结果", result: refused },
    h(StepSelect, { name: "outcome", label: "结果", options: [{ value: "upheld", label: "维持" }] }),
    h(StepInput, { name: "decidedOn", type: "date", label: "作出决定的日期", defaultValue: "2026-12-07" }),
  );

describe("a refused step form", () => {
  it("says every fault in its own summary, links each to its kit field, and keeps what was typed", async () => {
    const markup = await html(h("div", null, [decideForm(A), decideForm(B)]));
    const prefix = `appeal.decide-${B}`;
    // One summary only: the form of appeal B, not A's.
    expect(markup.match(/class="error-summary"/g)).toHaveLength(1);
    expect(markup).toContain(`aria-labelledby="${prefix}-error-summary"`);
    expect(markup).toContain(`href="#${prefix}-outcome"`);
    expect(markup).toContain(`href="#${prefix}-decidedOn"`);
    expect(markup).toContain(i18n.t("errors.stepNotOpen"));
    const outcome = tagOf(markup, `${prefix}-outcome`);
    expect(outcome).toContain('aria-invalid="true"');
    expect(outcome).toContain(`aria-describedby="${prefix}-outcome-error"`);
    expect(markup).toContain(`<label for="${prefix}-outcome" class="required">结果</label>`);
    expect(tagOf(markup, `${prefix}-decidedOn`)).toContain('value="2026-01-01"');
    expect(tagOf(markup, `appeal.decide-${A}-decidedOn`)).toContain('value="2026-12-07"');
    expect(tagOf(markup, `appeal.decide-${A}-outcome`)).not.toContain("aria-invalid");
    // The server says every fault; the browser's checks, one at a time, are off.
    expect(markup).toMatch(/<form[^>]*novalidate/i);
    expect(markup).toContain(`<input type="hidden" name="appealId" value="${B}"/>`);
  });
});

describe("where a refusal is said", () => {
  const view = (over: Partial<ApplicationView>) => ({ steps: [], consultations: [], appeals: [], can: { appeals: false }, ...over }) as unknown as ApplicationView;
  const answer = (intent: string, values: Record<string, string> = {}) => ({ ...(refused as Extract<ActionResult, { ok: false }>), intent, values });

  it("in the form submitted while the page shows it, otherwise at the top of the page", () => {
    expect(refusedFormShown(view({ steps: ["confirm"] }), answer("confirm"))).toBe(true);
    expect(refusedFormShown(view({ steps: [] }), answer("confirm"))).toBe(false);
    expect(refusedFormShown(view({ steps: ["notice.reply"] }), answer("notice.reply"))).toBe(false);
    const pending = { id: B, outcome: "pending" } as ApplicationView["appeals"][number];
    expect(refusedFormShown(view({ can: { appeals: true } as ApplicationView["can"], appeals: [pending] }), answer("appeal.decide", { appealId: B }))).toBe(true);
    expect(refusedFormShown(view({ can: { appeals: true } as ApplicationView["can"], appeals: [{ ...pending, outcome: "upheld" }] }), answer("appeal.decide", { appealId: B }))).toBe(false);
    expect(refusedFormShown(view({ steps: ["consultation.answer"] }), answer("consultation.answer"))).toBe(false);
  });
});
