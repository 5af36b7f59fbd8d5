import { describe, expect, it } from "vitest";
import { locales } from "../locales";
import { RULE_TEXT } from "../server/report/checks";

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

describe("the annual-report namespace", () => {
  it("has the same keys in zh-CN, zh-TW and en", () => {
    const zhCN = keys(locales["zh-CN"]).sort();
    expect(keys(locales["zh-TW"]).sort()).toEqual(zhCN);
    expect(keys(locales.en).sort()).toEqual(zhCN);
  });

  it("names every check rule, zh-CN in the words the checks print", () => {
    for (const [rule, text] of Object.entries(RULE_TEXT)) {
      const path = `checks.${rule}`.split(".");
      for (const locale of ["zh-CN", "zh-TW", "en"] as const) {
        const found = path.reduce<unknown>((n, p) => (n as Tree | undefined)?.[p], locales[locale]);
        expect(typeof found, `${locale} ${rule}`).toBe("string");
      }
      expect(path.reduce<unknown>((n, p) => (n as Tree)[p], locales["zh-CN"])).toBe(text);
    }
  });
});
