import type { Random } from "./random";

/**
 * Fictional but well-formed identity numbers for demo applicants: resident ID numbers (GB 11643-1999)
 * and 统一社会信用代码 (GB 32100-2015) with correct check characters, in the demo's made-up region 3612xx.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = "10X98765432";

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

/** A resident ID number: region, birth date (1950–2003), sequence whose last digit is odd for men. */
export function residentIdNumber(random: Random, region: string, male: boolean): string {
  const year = random.int(1950, 2003);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const sequence = `${random.digits(2)}${random.int(0, 4) * 2 + (male ? 1 : 0)}`;
  const first17 = `${region}${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}${sequence}`;
  return first17 + idNumberCheckChar(first17);
}

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function creditCodeCheckChar(first17: string): string {
  const sum = USCC_WEIGHTS.reduce((s, w, i) => s + USCC_CHARS.indexOf(first17[i]!) * w, 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

/** The 组织机构代码 (GB 11714-1997) check character inside a credit code. */
export function orgCodeCheckChar(first8: string): string {
  const sum = ORG_WEIGHTS.reduce((s, w, i) => s + parseInt(first8[i]!, 36) * w, 0);
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/**
 * 登记管理部门 and 机构类别, the first two characters: 12 事业单位, 31 律师执业机构, 51 社会团体,
 * 52 民办非企业单位, 53 基金会, 81 基层工会, 91 企业, 93 农民专业合作社.
 */
export type CreditCodeKind = "12" | "31" | "51" | "52" | "53" | "81" | "91" | "93";

export function creditCode(random: Random, kind: CreditCodeKind, region: string): string {
  const org8 = random.digits(8);
  const first17 = `${kind}${region}${org8}${orgCodeCheckChar(org8)}`;
  return first17 + creditCodeCheckChar(first17);
}
