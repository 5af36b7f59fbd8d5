import { describe, expect, it } from "vitest";
import { formatNumber, PatternError, validatePattern } from "../../app/core/numbering/format";
import { isSequenceName } from "../../app/core/numbering/sequences.server";
import { TenantSettingsSchema } from "../../app/core/tenancy/definition";

const CREDIT = "11361202015721089A";

describe("formatNumber", () => {
  it("renders the default pattern with a zero-padded sequence", () => {
    const pattern = TenantSettingsSchema.parse({}).indexNumberPattern;
    expect(formatNumber(pattern, { creditCode: CREDIT, year: 2026, seq: 1 })).toBe(`${CREDIT}/2026-00001`);
    expect(formatNumber(pattern, { creditCode: CREDIT, year: 2026, seq: 50 })).toBe(`${CREDIT}/2026-00050`);
  });

  it("grows past the padding rather than truncating", () => {
    expect(formatNumber("{year}-{seq:2}", { creditCode: CREDIT, year: 2026, seq: 1234 })).toBe("2026-1234");
    expect(formatNumber("{year}-{seq}", { creditCode: CREDIT, year: 2026, seq: 7 })).toBe("2026-7");
  });

  it("fills {tenant} and keeps literal text, including CJK", () => {
    expect(formatNumber("赣{tenant}〔{year}〕{seq:3}号", { creditCode: CREDIT, year: 2026, seq: 9, tenantCode: "ganzhou" })).toBe(
      "赣ganzhou〔2026〕009号",
    );
  });

  it("rejects unknown placeholders, stray braces and a missing tenant code", () => {
    const parts = { creditCode: CREDIT, year: 2026, seq: 1 };
    expect(() => formatNumber("{year}-{seq:5}-{month}", parts)).toThrow(/unknown placeholder \{month\}/);
    expect(() => formatNumber("{year}-{seq:5}}", parts)).toThrow(PatternError);
    expect(() => formatNumber("{tenant}/{year}-{seq:5}", parts)).toThrow(/tenant/);
  });

  it("rejects a sequence or year that cannot be a number", () => {
    expect(() => formatNumber("{year}-{seq}", { creditCode: CREDIT, year: 2026, seq: 0 })).toThrow(RangeError);
    expect(() => formatNumber("{year}-{seq}", { creditCode: CREDIT, year: 2026.5, seq: 1 })).toThrow(RangeError);
  });
});

describe("validatePattern", () => {
  it("accepts the default and other well-formed patterns", () => {
    expect(validatePattern("{credit_code}/{year}-{seq:5}")).toBeNull();
    expect(validatePattern("{tenant}-{year}-{seq}")).toBeNull();
  });

  it("explains what is wrong", () => {
    expect(validatePattern("")).toMatch(/empty/);
    expect(validatePattern("{credit_code}/{year}")).toMatch(/exactly one \{seq\}/);
    expect(validatePattern("{year}-{seq:3}-{seq:3}")).toMatch(/exactly one \{seq\}/);
    expect(validatePattern("{credit_code}-{seq:5}")).toMatch(/\{year\}/);
    expect(validatePattern("{year}-{seq:0}")).toMatch(/1 to 10/);
    expect(validatePattern("{year}-{seq:x}")).toMatch(/unknown placeholder/);
    expect(validatePattern("{year-{seq}")).toMatch(/unknown placeholder|unmatched/);
    expect(validatePattern("{year}-{seq:5")).toMatch(/unmatched/);
  });
});

describe("sequence names", () => {
  it("are <area>.<name>", () => {
    expect(isSequenceName("core.index")).toBe(true);
    expect(isSequenceName("requests.tracking")).toBe(true);
    expect(isSequenceName("open-data.batch_no")).toBe(true);
    for (const bad of ["index", "core.", ".index", "Core.index", "core.index.extra", "core index", "core.in dex"]) {
      expect(isSequenceName(bad), bad).toBe(false);
    }
  });
});
