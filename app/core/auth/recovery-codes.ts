import { randomInt } from "node:crypto";

/** Letters and digits that cannot be mistaken for one another when copied from paper. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

/** One code of 10 characters (about 49 bits), shown as `xxxxx-xxxxx`. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** The code as stored and compared: case, spaces and the hyphen do not matter; null when it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, "");
  return code.length === 10 && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}
