import { describe, expect, it } from "vitest";
import { z } from "zod";
import { changedKeys, inputValue, readSettingsForm, settingsFields, validateSettings } from "../../app/plugin-host/settings-form";

const schema = z.object({
  publicIntro: z.string().max(200).default(""),
  maxNotes: z.number().int().min(1).max(500).default(50),
  ratio: z.number().gt(0).default(0.5),
  showArchive: z.boolean().default(true),
  layout: z.enum(["list", "grid"]).default("list"),
  accent: z.enum(["red", "blue"]).optional(),
  motto: z.string().min(2).optional(),
  tags: z.array(z.string()).default(["a"]),
});

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

describe("settingsFields", () => {
  it("describes each field of the schema in order, unwrapping defaults and optionals", () => {
    expect(settingsFields(schema)).toEqual([
      { name: "publicIntro", optional: false, kind: "text", default: "", minLength: undefined, maxLength: 200 },
      { name: "maxNotes", optional: false, kind: "number", default: 50, integer: true, min: 1, max: 500 },
      { name: "ratio", optional: false, kind: "number", default: 0.5, integer: false, min: 0, max: undefined },
      { name: "showArchive", optional: false, kind: "checkbox", default: true },
      { name: "layout", optional: false, kind: "select", default: "list", options: ["list", "grid"] },
      { name: "accent", optional: true, kind: "select", default: null, options: ["red", "blue"] },
      { name: "motto", optional: true, kind: "text", default: null, minLength: 2, maxLength: undefined },
      { name: "tags", optional: false, kind: "unsupported", default: ["a"], type: "array" },
    ]);
  });

  it("leaves out zod's safe-integer bounds of z.int()", () => {
    expect(settingsFields(z.object({ n: z.int() }))).toEqual([
      { name: "n", optional: false, kind: "number", default: null, integer: true, min: undefined, max: undefined },
    ]);
  });
});

describe("readSettingsForm", () => {
  it("turns the submitted strings into the schema's types", () => {
    const values = readSettingsForm(
      schema,
      form({ publicIntro: " hi ", maxNotes: " 12 ", ratio: "0.25", showArchive: "on", layout: "grid", accent: "", motto: "" }),
      {
        tags: ["x", "y"],
      }
    );
    expect(values).toEqual({
      publicIntro: " hi ",
      maxNotes: 12,
      ratio: 0.25,
      showArchive: true,
      layout: "grid",
      accent: undefined,
      motto: undefined,
      tags: ["x", "y"],
    });
    expect(validateSettings(schema, values)).toEqual({
      ok: true,
      data: { publicIntro: " hi ", maxNotes: 12, ratio: 0.25, showArchive: true, layout: "grid", tags: ["x", "y"] },
    });
  });

  it("reads an unticked checkbox as false and an empty required number as missing", () => {
    const values = readSettingsForm(schema, form({ maxNotes: "", layout: "list" }));
    expect(values.showArchive).toBe(false);
    expect(values.maxNotes).toBeNull();
    expect("publicIntro" in values).toBe(false);
  });

  it("ignores keys outside the schema", () => {
    expect(Object.keys(readSettingsForm(schema, form({ _csrf: "t", intent: "save", maxNotes: "3" })))).not.toContain("_csrf");
  });

  it("normalises texts as every form does: CRLF to LF, an invisible-only one as empty", () => {
    const values = readSettingsForm(schema, form({ publicIntro: "一\r\n二", motto: "\u200B\u200B", maxNotes: "3", layout: "list" }));
    expect(values).toMatchObject({ publicIntro: "一\n二", motto: undefined });
  });

  it("refuses control characters and bidi overrides with core's localised keys, in any field", () => {
    const values = readSettingsForm(schema, form({ publicIntro: "公开\u0000指南", motto: "\u202Eabc", maxNotes: "3", layout: "list" }));
    expect(validateSettings(schema, values)).toEqual({
      ok: false,
      errors: { publicIntro: ["core:errors.text.control"], motto: ["core:errors.text.bidi"] },
    });
    expect(validateSettings(schema, { maxNotes: 3, layout: "list", tags: ["ok", "a\u0007"] })).toMatchObject({ ok: false, errors: { tags: ["core:errors.text.control"] } });
  });
});

describe("validateSettings", () => {
  it("answers core's generic keys: required for an empty value, invalid otherwise", () => {
    const values = readSettingsForm(
      schema,
      form({ publicIntro: "x".repeat(201), maxNotes: "abc", ratio: "", layout: "tiles", motto: "a" })
    );
    expect(validateSettings(schema, values)).toEqual({
      ok: false,
      errors: {
        publicIntro: ["core:errors.invalid"],
        maxNotes: ["core:errors.invalid"],
        ratio: ["core:errors.required"],
        layout: ["core:errors.invalid"],
        motto: ["core:errors.invalid"],
      },
    });
    expect(validateSettings(schema, { maxNotes: 0 })).toEqual({ ok: false, errors: { maxNotes: ["core:errors.invalid"] } });
    expect(validateSettings(schema, { maxNotes: 1.5 })).toEqual({ ok: false, errors: { maxNotes: ["core:errors.invalid"] } });
  });

  it("keeps a message that is already a key of core or of the plugin", () => {
    const own = z.object({
      a: z.string().min(3, { error: "errors.password.tooShort" }),
      b: z.string().min(3, { error: "demo:settings.tooShort" }),
    });
    expect(validateSettings(own, { a: "x", b: "y" }, "demo")).toEqual({
      ok: false,
      errors: { a: ["core:errors.password.tooShort"], b: ["demo:settings.tooShort"] },
    });
  });

  it("fills in the defaults", () => {
    expect(validateSettings(schema, {})).toMatchObject({
      ok: true,
      data: { publicIntro: "", maxNotes: 50, showArchive: true, layout: "list" },
    });
  });
});

describe("helpers", () => {
  it("lists the keys that changed", () => {
    expect(changedKeys({ a: 1, b: "x", c: [1] }, { a: 1, b: "y", c: [1, 2], d: true })).toEqual(["b", "c", "d"]);
    expect(changedKeys({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it("shows values in inputs", () => {
    expect([inputValue(null), inputValue(undefined), inputValue(5), inputValue("a"), inputValue(["x"])]).toEqual([
      "",
      "",
      "5",
      "a",
      '["x"]',
    ]);
  });
});
