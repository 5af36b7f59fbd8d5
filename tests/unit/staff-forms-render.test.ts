import { createElement as h, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { translators } from "../../app/core/i18n/locale.server";
import { resources } from "../../app/core/i18n/resources.server";
import Calendar from "../../app/routes/admin.calendar";
import Chains from "../../app/routes/t.$tenant.admin.chains";
import SensitiveWords from "../../app/routes/t.$tenant.admin.sensitive-words";

const i18n = translators(resources)["zh-CN"];

const type = { key: "demo.item", label: "文件", requiresClassification: false, own: false, storedRefused: false, steps: [{ key: "review", role: "dept_reviewer", dueWorkdays: 3 }] };
const loaded = { title: "审批流程", canEdit: true, types: [type], roles: ["drafter", "dept_reviewer", "leader"] };
const row = (over: Record<string, unknown>) => ({ order: "1", key: "review", role: "dept_reviewer", label: "", labelKey: "", dueWorkdays: "3", onlyIfImportant: false, classification: false, ...over });

/** A page as the server renders it after a POST whose answer is `answer`, its loader's data as given. */
async function rendered(Component: ComponentType, loaded: Record<string, unknown>, answer: Record<string, unknown>): Promise<string> {
  const handler = createStaticHandler([{ id: "root", path: "/", loader: () => loaded, action: () => answer, Component }]);
  const context = await handler.query(new Request("http://localhost/", { method: "POST", body: new URLSearchParams({ x: "1" }) }));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(h(I18nextProvider, { i18n }, h(StaticRouterProvider, { router, context, hydrate: false })));
}

const page = (answer: Record<string, unknown>) => rendered(Chains as ComponentType, loaded, answer);

/** The opening tag of the element with this id. */
const tagOf = (markup: string, id: string) => new RegExp(`<[a-z]+[^>]* id="${id.replace(/\./g, "\\.")}"[^>]*>`).exec(markup)?.[0] ?? "";

describe("the chain editor's cells are kit fields", () => {
  it("a refused chain's summary links every fault to its cell, whose hidden label names the row and whose error it describes", async () => {
    const answer = {
      ok: false,
      documentType: type.key,
      errors: [],
      fieldErrors: { "steps.0.order": ["chains.errors.order"], "steps.1.role": ["errors.required"], "steps.1.labelKey": ["errors.invalid"] },
      rows: [row({ order: "x" }), row({ key: "sign", role: "", labelKey: "workflow.steps.nope" })],
    };
    const markup = await page(answer);
    for (const [cell, n, field] of [["steps.0.order", 1, "order"], ["steps.1.role", 2, "role"], ["steps.1.label", 2, "label"]] as const) {
      expect(markup, cell).toContain(`href="#c0-${cell}"`);
      const tag = tagOf(markup, `c0-${cell}`);
      expect(tag, cell).toContain('aria-invalid="true"');
      expect(tag, cell).toContain(`${cell}-error`);
      expect(markup).toContain(`<label for="c0-${cell}" class="visually-hidden">${i18n.t("core:chains.rowField", { n, field: i18n.t(`core:chains.${field}`) })}</label>`);
    }
    // The standard label's refusal is the label cell's; its wording stays the cell's hint.
    expect(tagOf(markup, "c0-steps.1.label")).toContain('aria-describedby="c0-steps.1.label-hint c0-steps.1.label-error"');
    expect(markup).toContain('name="steps.1.labelKey" value="workflow.steps.nope"');
    expect(markup).toContain(i18n.t("core:chains.unchanged"));
    // Cells without faults are neither invalid nor described by an error.
    expect(tagOf(markup, "c0-steps.0.key")).not.toContain("aria-invalid");
  });

  it("every row's controls keep their names and values, the boxes sending `on`", async () => {
    const markup = await page({ ok: true, documentType: type.key, done: "chains.done.saved" });
    expect(tagOf(markup, "c0-steps.0.key")).toContain('value="review"');
    expect(tagOf(markup, "c0-steps.0.dueWorkdays")).toContain('value="3"');
    expect(tagOf(markup, "c0-steps.0.onlyIfImportant")).toMatch(/type="checkbox"[^>]*name="steps\.0\.onlyIfImportant"[^>]*value="on"/);
    // Two blank rows to add steps, labelled as new.
    expect(markup).toContain('<label for="c0-steps.2.key" class="visually-hidden">新增环节（第 3 行）的');
    expect(markup).not.toContain('class="error-summary"');
  });
});

describe("a refusal no field shows is a summary that takes focus, not a bare alert", () => {
  const summaryOf = (markup: string) => {
    const start = markup.indexOf('<div class="error-summary" role="region" tabindex="-1"');
    return start < 0 ? "" : markup.slice(start, markup.indexOf("</div>", start));
  };

  it("a refused removal of a sensitive word", async () => {
    const message = i18n.t("core:sensitiveWords.errors.inherited");
    expect(message).toMatch(/\p{Script=Han}/u);
    const markup = await rendered(SensitiveWords as ComponentType, { title: "敏感词", words: [] }, { ok: false, intent: "remove", errors: {}, message });
    expect(summaryOf(markup)).toContain(`<p>${message}</p>`);
    expect(markup).not.toContain("notice-error");
  });

  it("a refused removal of a calendar day", async () => {
    const year = { year: 2096, package: false, notice: true, overrides: false, statutory: [] };
    const loaded = { title: "工作日历", packageYears: [], noticeYears: [2096], overrideYears: [], years: [year], overrides: [] };
    const message = i18n.t("platform:calendar.errors.notFound", { date: "2096-01-01" });
    expect(message).toMatch(/\p{Script=Han}/u);
    const markup = await rendered(Calendar as ComponentType, loaded, { ok: false, intent: "remove", errors: {}, message });
    expect(summaryOf(markup)).toContain(`<p>${message}</p>`);
    expect(markup).not.toContain(`notice-error" role="alert">${message}`);
  });
});
