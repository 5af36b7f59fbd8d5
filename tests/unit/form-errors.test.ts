import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkedTexts, parseForm } from "../../app/core/forms.server";
import { firstErrors, firstIssue, firstMessages, hasErrors, issueErrors, topFields } from "../../app/core/input/field-errors";
import { isUuid, requireUuidParam } from "../../app/core/input/uuid";
import { controlIds } from "../../app/ui/form-kit/control-ids";

const Row = z.object({
  title: z.string().min(1, "demo:errors.title"),
  ids: z.array(z.uuid("demo:list.errors.id")),
  year: z.coerce.number().int(),
});

describe("issueErrors", () => {
  it("puts each issue under its path, keeps error keys and turns a zod default into errors.invalid", () => {
    const parsed = Row.safeParse({ title: "", ids: ["x", "y"], year: "soon" });
    expect(parsed.success).toBe(false);
    expect(issueErrors(parsed.error!.issues)).toEqual({
      title: ["demo:errors.title"],
      "ids.0": ["demo:list.errors.id"],
      "ids.1": ["demo:list.errors.id"],
      year: ["errors.invalid"],
    });
  });

  it("names an issue without a path `_form`, says each message once, and adds to what it is given", () => {
    const into = { title: ["errors.text.control"] };
    const issues = [
      { path: [], message: "workflow.errors.chainEmpty" },
      { path: ["title"], message: "errors.required" },
      { path: ["title"], message: "errors.required" },
    ];
    expect(issueErrors(issues, undefined, into)).toBe(into);
    expect(into).toEqual({ _form: ["workflow.errors.chainEmpty"], title: ["errors.text.control", "errors.required"] });
  });

  it("takes a caller's word for a field when the message is no key", () => {
    expect(issueErrors([{ path: ["year"], message: "Too small" }], (field) => `demo:portal.errors.${field}`)).toEqual({ year: ["demo:portal.errors.year"] });
  });

  it("is the mapping parseForm uses", () => {
    const form = new FormData();
    form.set("title", "");
    form.set("year", "soon");
    const parsed = parseForm(Row, form, ["ids"]);
    expect(parsed).toEqual({ ok: false, errors: { title: ["demo:errors.title"], year: ["errors.invalid"] } });
  });
});

describe("topFields, firstErrors, firstMessages, hasErrors", () => {
  const errors = { "ids.0": ["a"], "ids.1": ["a", "b"], phone: ["errors.required", "demo:errors.phone"], email: [] };

  it("gathers nested paths under their field", () => {
    expect(topFields(errors)).toEqual({ ids: ["a", "b"], phone: ["errors.required", "demo:errors.phone"] });
  });

  it("keeps one message per field, the first, and drops a field with none", () => {
    expect(firstErrors(errors)).toEqual({ "ids.0": ["a"], "ids.1": ["a"], phone: ["errors.required"] });
    expect(firstMessages(topFields(errors))).toEqual({ ids: "a", phone: "errors.required" });
  });

  it("names the first issue's top-level field and message, a zod default as errors.invalid", () => {
    expect(firstIssue([{ path: ["ids", 2], message: "demo:list.errors.id" }, { path: ["title"], message: "errors.required" }])).toEqual({ field: "ids", error: "demo:list.errors.id" });
    expect(firstIssue([{ path: [], message: "Invalid input" }])).toEqual({ field: "_form", error: "errors.invalid" });
    expect(firstIssue([])).toEqual({ field: "_form", error: "errors.invalid" });
  });

  it("says whether any field has a message", () => {
    expect(hasErrors(errors)).toBe(true);
    expect(hasErrors({ email: [] })).toBe(false);
    expect(hasErrors(undefined)).toBe(false);
  });
});

describe("checkedTexts", () => {
  it("keeps the first value of each field as typed, normalised, and names a field any of whose values is refused", () => {
    const form = new FormData();
    form.set("_csrf", "token");
    form.append("body", "第一行\r\n第二行");
    form.append("body", "ignored");
    form.append("channels", "web");
    form.append("channels", "mail\u0000");
    form.set("name", "\u202Eevil");
    form.set("file", new File(["x"], "a.txt"));
    expect(checkedTexts(form)).toEqual({
      values: { body: "第一行\n第二行", channels: "web", name: "\u202Eevil" },
      errors: { channels: ["errors.text.control"], name: ["errors.text.bidi"] },
    });
  });
});

describe("uuid parameters", () => {
  const id = "0b7c8f3e-2d4a-4c1b-9e6f-1a2b3c4d5e6f";

  it("tells a uuid from anything else", () => {
    expect(isUuid(id)).toBe(true);
    expect(isUuid(id.toUpperCase())).toBe(true);
    for (const bad of ["", "not-a-uuid", `${id}0`, ` ${id}`, "0b7c8f3e2d4a4c1b9e6f1a2b3c4d5e6f", undefined, 42]) expect(isUuid(bad)).toBe(false);
  });

  it("returns a route's uuid parameter, and answers 404 for a malformed or missing one", () => {
    expect(requireUuidParam({ id }, "id")).toBe(id);
    for (const params of [{ id: "1 OR 1=1" }, {}, { other: id }]) {
      let thrown: unknown;
      try {
        requireUuidParam(params, "id");
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
    }
  });
});

describe("controlIds", () => {
  it("ties a control to its hint and its errors, only those it has", () => {
    expect(controlIds("title", "hint", ["errors.required"])).toEqual({ id: "f-title", invalid: true, describedBy: "f-title-hint f-title-error" });
    expect(controlIds("title", null, undefined)).toEqual({ id: "f-title", invalid: undefined, describedBy: undefined });
    expect(controlIds("year", "", [], "f-ics")).toEqual({ id: "f-ics-year", invalid: undefined, describedBy: undefined });
  });
});
