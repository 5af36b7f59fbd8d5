import { chinaDate } from "../calendar/china-time";

/**
 * Check-digit rules the scanner relies on to keep false positives down: a random 18-digit run
 * passes GB 11643 one time in eleven, a random card-length run passes Luhn one time in ten.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = "10X98765432";

// 省级行政区划代码 (GB/T 2260) plus 81/82/83, which the 港澳台居民居住证 numbers use.
const PROVINCE_CODES = new Set([
  "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
  "71", "81", "82", "83",
]);

/** GB 11643-1999 check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** Region and birth date look like an ID number's, whatever the check character says. */
export function isIdNumberShaped(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  if (!PROVINCE_CODES.has(s.slice(0, 2))) return false;
  const year = Number(s.slice(6, 10));
  if (year < 1900 || year > 2099) return false;
  return isCalendarDate(year, Number(s.slice(10, 12)), Number(s.slice(12, 14)));
}

/**
 * A resident ID number (GB 11643) that can exist: region, a birth date from 1900 up to `today`
 * (China's date; a baby born today has one), and the check character.
 */
export function isValidIdNumber(s: string, today: string = chinaDate()): boolean {
  if (!isIdNumberShaped(s) || idNumberCheckChar(s) !== s[17]!.toUpperCase()) return false;
  const born = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  return born <= today;
}

export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
