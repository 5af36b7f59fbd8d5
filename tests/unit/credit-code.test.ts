import { describe, expect, it } from "vitest";
import { isValidCreditCode } from "../../app/core/tenancy/credit-code";

describe("统一社会信用代码", () => {
  it("accepts codes whose check characters are right", () => {
    expect(isValidCreditCode("91350100M000100Y43")).toBe(true);
    expect(isValidCreditCode("11361202015721089A")).toBe(true);
  });

  it("rejects a wrong final check character", () => {
    expect(isValidCreditCode("91350100M000100Y44")).toBe(false);
    expect(isValidCreditCode("11361202015721089B")).toBe(false);
  });

  it("rejects a wrong organisation-code check character even when the final one is recomputed", () => {
    // 015721089 is valid; 015721088 is not, and the last character is made to match it.
    expect(isValidCreditCode("113612020157210887")).toBe(false);
  });

  it("rejects letters the standard excludes, lower case, and wrong lengths", () => {
    expect(isValidCreditCode("91350100M000100YI3")).toBe(false);
    expect(isValidCreditCode("91350100m000100y43")).toBe(false);
    expect(isValidCreditCode("91350100M000100Y4")).toBe(false);
  });
});
