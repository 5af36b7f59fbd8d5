import { createElement as h, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { translators } from "../../app/core/i18n/locale.server";
import { resources } from "../../app/core/i18n/resources.server";
import { NoticeImportForms } from "../../app/ui/calendar/notice-import";
import { Checkbox, ErrorSummary, SelectField, TextField } from "../../app/ui/form-kit";

const i18n = translators(resources)["zh-CN"];

/** The HTML the server sends, rendered in a router (the kit reads the navigation state) and in zh-CN. */
async function html(element: ReactElement): Promise<string> {
  const handler = createStaticHandler([{ id: "root", path: "/", element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(h(I18nextProvider, { i18n }, h(StaticRouterProvider, { router, context, hydrate: false })));
}

/** The opening tag of the element with this id. */
const tagOf = (markup: string, id: string) => new RegExp(`<[a-z]+[^>]* id="${id.replace(/\./g, "\\.")}"[^>]*>`).exec(markup)?.[0] ?? "";

describe("a kit field with its label hidden (a table cell's control)", () => {
  it("keeps its label for screen readers, tied to the control with its hint and error", async () => {
    const errors = { "steps.0.order": ["errors.required"] };
    const markup = await html(
      h("div", null, [
        h(TextField, { key: "t", name: "steps.0.order", label: "第 1 行：顺序", labelHidden: true, idPrefix: "c0", errors, hint: "1–99" }),
        h(SelectField, { key: "s", name: "steps.0.role", label: "第 1 行：角色", labelHidden: true, idPrefix: "c0", options: [{ value: "a", label: "A" }] }),
        h(Checkbox, { key: "c", name: "steps.0.classification", label: "第 1 行：保密审查", labelHidden: true, idPrefix: "c0", value: "on" }),
      ]),
    );
    const order = tagOf(markup, "c0-steps.0.order");
    expect(order).toContain('aria-invalid="true"');
    expect(order).toContain('aria-describedby="c0-steps.0.order-hint c0-steps.0.order-error"');
    expect(markup).toContain('<label for="c0-steps.0.order" class="visually-hidden">第 1 行：顺序</label>');
    expect(markup).toContain('<label for="c0-steps.0.role" class="visually-hidden">第 1 行：角色</label>');
    expect(markup).toMatch(/<label class="choice"><input type="checkbox" id="c0-steps\.0\.classification"[^>]*\/> <span class="visually-hidden">第 1 行：保密审查<\/span><\/label>/);
    expect(markup).toContain(`id="c0-steps.0.order-error" role="alert">${i18n.t("core:errors.required")}</p>`);
  });

  it("a required hidden label keeps its mark's class beside the hiding one; a shown label is unchanged", async () => {
    const markup = await html(h("div", null, [h(TextField, { key: "a", name: "a", label: "A", labelHidden: true, required: true }), h(TextField, { key: "b", name: "b", label: "B" })]));
    expect(markup).toContain('<label for="f-a" class="required visually-hidden">A</label>');
    expect(markup).toContain('<label for="f-b">B</label>');
  });
});

describe("ErrorSummary", () => {
  it("says what no key can (its children) after its list, and shows for them alone", async () => {
    const alone = await html(h(ErrorSummary, { errors: {} }, h("p", null, "第 2 行有误")));
    expect(alone).toContain('class="error-summary" role="region" tabindex="-1"');
    expect(alone).toContain("第 2 行有误");
    expect(alone).not.toContain("<ul>");
    const both = await html(h(ErrorSummary, { errors: { year: ["errors.required"] }, labels: { year: "年份" } }, h("p", null, "第 2 行有误")));
    expect(both).toContain(`<a href="#f-year">年份：${i18n.t("core:errors.required")}</a>`);
    expect(both.indexOf(`href="#f-year"`)).toBeLessThan(both.indexOf("第 2 行有误"));
    expect(await html(h(ErrorSummary, { errors: {} }))).toBe("");
  });
});

describe("the notice import forms", () => {
  const failure = (source: "text" | "ics") => ({
    source,
    errors: {},
    noticeErrors: [
      { key: "platform:calendar.import.errors.total", values: { line: 2, total: 6, listed: 7 } },
      { key: "platform:calendar.import.errors.noRestDays" },
    ],
    values: { year: "2096", text: "……" },
  });

  it("lists a refused notice's faults in the summary that takes focus, linked to the text that has them", async () => {
    const markup = await html(h(NoticeImportForms, { failure: failure("text"), firstYear: 2000, lastYear: 2099 }));
    const summary = markup.slice(markup.indexOf('class="error-summary"'), markup.indexOf("</div>", markup.indexOf('role="alert"')));
    expect(summary).toContain('href="#f-text-text"');
    expect(summary).toContain(i18n.t("platform:calendar.import.errors.field"));
    expect(summary).toContain("第 2 行写明共 6 天，但列出的放假日期是 7 天。");
    expect(summary).toContain(i18n.t("platform:calendar.import.errors.noRestDays"));
    expect(tagOf(markup, "f-text-text")).toContain('aria-invalid="true"');
    // The other form says nothing.
    expect(markup.match(/class="error-summary"/g)).toHaveLength(1);
    expect(tagOf(markup, "f-ics-file")).not.toContain("aria-invalid");
  });

  it("an .ics file's faults point to the file chooser", async () => {
    const markup = await html(h(NoticeImportForms, { failure: failure("ics"), firstYear: 2000, lastYear: 2099 }));
    expect(markup).toContain('href="#f-ics-file"');
    expect(tagOf(markup, "f-ics-file")).toContain('aria-invalid="true"');
    expect(tagOf(markup, "f-text-text")).not.toContain("aria-invalid");
  });
});
