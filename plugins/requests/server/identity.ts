/** Checks of the identity numbers an applicant gives (条例 Art 29(一): 身份证明). */

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters whose last is a mod-31 check character. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const sum = USCC_WEIGHTS.reduce((s, w, i) => s + USCC_CHARS.indexOf(code[i]!) * w, 0);
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === code[17];
}

/** Mainland mobile (11 digits from 1) or a landline with its area code (0xx-xxxxxxxx). */
export function isPhoneNumber(s: string): boolean {
  return /^1[3-9]\d{9}$/.test(s) || /^0\d{2,3}-?\d{7,8}(-\d{1,5})?$/.test(s);
}

/** 张三 → 张*, 欧阳娜娜 → 欧阳**, 示范环保科技有限公司 → 示范****有限公司: enough to recognise, not to identify. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return "*";
  if (chars.length <= 3) return chars[0] + "*".repeat(chars.length - 1);
  if (chars.length <= 5) return chars.slice(0, 2).join("") + "*".repeat(chars.length - 2);
  return chars.slice(0, 2).join("") + "*".repeat(chars.length - 6) + chars.slice(-4).join("");
}
