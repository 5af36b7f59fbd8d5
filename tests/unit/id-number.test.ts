import { describe, expect, it } from "vitest";
import { idNumberCheckChar, isValidIdNumber } from "../../app/core/classification/checksums";
import { scanText } from "../../app/core/classification/scan";

/** A resident ID number of Beijing 东城区 born on `born` (YYYYMMDD), with its right check character. */
const idBornOn = (born: string, seq = "451") => `110101${born}${seq}${idNumberCheckChar(`110101${born}${seq}`)}`;

describe("isValidIdNumber", () => {
  it("accepts a real number, its check character in either case", () => {
    expect(isValidIdNumber("110101199003074514")).toBe(true);
    expect(isValidIdNumber(idBornOn("19491001"))).toBe(true);
  });

  it("refuses a birth date in the future, however right the check character (issue 13: 2099 was accepted)", () => {
    const future = idBornOn("20990101");
    expect(idNumberCheckChar(future.slice(0, 17))).toBe(future[17]);
    expect(isValidIdNumber(future)).toBe(false);
    expect(isValidIdNumber(idBornOn("20260608"), "2026-06-07")).toBe(false);
  });

  it("accepts a baby born today (China's date) and refuses a birth date before 1900", () => {
    expect(isValidIdNumber(idBornOn("20260607"), "2026-06-07")).toBe(true);
    expect(isValidIdNumber(idBornOn("18991231"))).toBe(false);
    expect(isValidIdNumber(idBornOn("19000101"))).toBe(true);
  });

  it("refuses a date that does not exist", () => {
    expect(isValidIdNumber(idBornOn("20250229"))).toBe(false);
    expect(isValidIdNumber(idBornOn("19901301"))).toBe(false);
  });
});

describe("the 保密审查 scan with the stricter check", () => {
  it("still finds real numbers and no longer flags an impossible one", () => {
    const real = idBornOn("19850615", "123");
    const findings = scanText(`当事人身份证号${real}，另一号码${idBornOn("20990101")}。`);
    expect(findings.filter((f) => f.kind === "id_number").map((f) => f.match)).toEqual([real]);
  });
});
