import { describe, expect, it } from "vitest";
import { z } from "zod";
import { badRequest, parseForm, readFilters, requireQuery } from "../../app/core/forms.server";

const Filters = z.object({
  q: z.string().trim().max(10, "demo:list.errors.q").optional(),
  year: z.coerce.number().int().min(2000, "demo:list.errors.year").optional(),
  page: z.coerce.number().int().min(1).catch(1),
});

describe("readFilters", () => {
  it("reads the schema's parameters only, the first of each", () => {
    const params = new URLSearchParams([["q", "监测"], ["q", "第二"], ["year", "2025"], ["lng", "en"]]);
    expect(readFilters(Filters, params)).toEqual({ data: { q: "监测", year: 2025, page: 1 }, ignored: {} });
  });

  it("leaves out a refused value, keeps the others and names what it left out", () => {
    const params = new URLSearchParams({ q: "监测\u0000", year: "2025", page: "2" });
    expect(readFilters(Filters, params)).toEqual({ data: { year: 2025, page: 2 }, ignored: { q: ["errors.text.control"] } });
    expect(readFilters(Filters, new URLSearchParams({ q: "\u202Eabc", year: "1999" }))).toEqual({
      data: { page: 1 },
      ignored: { q: ["errors.text.bidi"], year: ["demo:list.errors.year"] },
    });
  });

  it("takes an empty parameter, as a GET form sends an unused field, for no filter", () => {
    expect(readFilters(z.object({ status: z.enum(["open", "closed"]).optional() }), new URLSearchParams({ status: "" }))).toEqual({ data: {}, ignored: {} });
  });

  it("is not fooled by a parameter the schema does not read", () => {
    expect(readFilters(Filters, new URLSearchParams({ lng: "\u0000" }))).toEqual({ data: { page: 1 }, ignored: {} });
  });
});

describe("requireQuery", () => {
  it("returns the parameters when they are good", () => {
    expect(requireQuery(Filters, new URLSearchParams({ year: "2026" }))).toEqual({ year: 2026, page: 1 });
  });

  it("throws a 400 naming the first message", async () => {
    let thrown: unknown;
    try {
      requireQuery(Filters, new URLSearchParams({ q: "a\u0007b" }));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
    expect(await (thrown as Response).json()).toEqual({ message: "errors.text.control" });
    expect(await badRequest().json()).toEqual({ message: "errors.invalid" });
  });
});

describe("parseForm's messages", () => {
  it("keeps a namespace's section keys (`ns:section.errors.…`) and replaces zod's English defaults", () => {
    const schema = z.object({ date: z.string().regex(/^x$/, "platform:calendar.errors.date"), note: z.string().max(1) });
    const form = new FormData();
    form.set("date", "y");
    form.set("note", "长长");
    expect(parseForm(schema, form)).toEqual({ ok: false, errors: { date: ["platform:calendar.errors.date"], note: ["errors.invalid"] } });
  });
});
