/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet; the last is a
 * check character over the first 17. Characters 9–17 are the 组织机构代码 (GB 11714-1997) with its
 * own check character, which is validated too.
 */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-Z]{9}[0-9A-HJ-NPQRTUWXY]$/.test(code)) return false;
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return false;
  return orgCodeCheckChar(code.slice(8, 16)) === code[16];
}
