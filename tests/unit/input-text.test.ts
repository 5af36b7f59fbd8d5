import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isCalendarDate } from "../../app/core/calendar/dates";
import { parseForm, parseQuery } from "../../app/core/forms.server";
import { checkText, withoutForbiddenCharacters } from "../../app/core/input/text";

describe("checkText", () => {
  it.each([
    ["NUL", "a\u0000b"],
    ["bell", "a\u0007b"],
    ["vertical tab", "a\u000Bb"],
    ["escape", "\u001B[31m"],
    ["DEL", "a\u007Fb"],
    ["a C1 control", "a\u0085b"],
  ])("refuses %s", (_, text) => {
    expect(checkText(text)).toEqual({ ok: false, error: "errors.text.control" });
  });

  it.each(["\u202E", "\u202A", "\u2066", "\u2069"])("refuses the bidi control U+%s", (c) => {
    expect(checkText(`abc${c}def`)).toEqual({ ok: false, error: "errors.text.bidi" });
  });

  it("keeps tabs and line breaks, and writes every line break as LF", () => {
    expect(checkText("一\t二\r\n三\r四\n")).toEqual({ ok: true, value: "一\t二\n三\n四\n" });
  });

  it.each(["\u200B\u200B", " \u3000 ", "\uFEFF", "\u2060\u00A0"])("empties a value of only invisible characters (%j)", (text) => {
    expect(checkText(text)).toEqual({ ok: true, value: "" });
  });

  it("keeps visible text with joiners inside it as written", () => {
    expect(checkText("生态\u200D环境")).toEqual({ ok: true, value: "生态\u200D环境" });
  });
});

describe("parseForm and parseQuery", () => {
  const schema = z.object({ name: z.string().min(1, "errors.required"), note: z.string().optional(), tags: z.array(z.string()) });

  it("names the field that carried a control character, and not as missing", () => {
    const form = new FormData();
    form.set("name", "张三\u0000");
    form.set("note", "ok");
    expect(parseForm(schema, form, ["tags"])).toEqual({ ok: false, errors: { name: ["errors.text.control"] } });
  });

  it("reports the other fields' problems beside it", () => {
    const form = new FormData();
    form.set("name", "");
    form.set("note", "\u202Eevil");
    expect(parseForm(schema, form, ["tags"])).toEqual({ ok: false, errors: { note: ["errors.text.bidi"], name: ["errors.required"] } });
  });

  it("treats an invisible-only value as empty, so a required field stays required", () => {
    expect(parseQuery(schema, new URLSearchParams({ name: "\u200B\u200B" }), { lists: ["tags"] })).toEqual({ ok: false, errors: { name: ["errors.required"] } });
  });

  it("checks every value of a list", () => {
    const params = new URLSearchParams([["name", "a"], ["tags", "x"], ["tags", "y\u0001"]]);
    expect(parseQuery(schema, params, { lists: ["tags"] })).toEqual({ ok: false, errors: { tags: ["errors.text.control"] } });
  });

  it("passes good input through", () => {
    expect(parseQuery(schema, new URLSearchParams([["name", "李四"], ["tags", "a"]]), { lists: ["tags"] })).toEqual({ ok: true, data: { name: "李四", tags: ["a"] } });
  });
});

describe("isCalendarDate", () => {
  it.each(["2026-02-28", "2024-02-29", "2026-12-31"])("accepts %s", (d) => expect(isCalendarDate(d)).toBe(true));
  it.each(["2026-13-01", "2026-01-32", "2025-02-29", "2026-1-1", "２０２６-01-01", "", null, 20260101])("refuses %j", (d) => expect(isCalendarDate(d)).toBe(false));
});

describe("withoutForbiddenCharacters", () => {
  it("makes text extracted from a file storable: controls become spaces, overrides go, the rest stays", () => {
    expect(withoutForbiddenCharacters("第\u0000一\u000C页\u202E\t二\n三")).toBe("第 一 页\t二\n三");
  });
});
