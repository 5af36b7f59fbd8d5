import { getTOTPAuthUri, verifyTOTP } from "@epic-web/totp";
import { randomBytes } from "node:crypto";
import QRCode from "qrcode";

/** What every authenticator app understands: RFC 6238 with SHA-1, 6 digits, 30 seconds. */
const TOTP = { period: 30, digits: 6, algorithm: "SHA-1" } as const;
const ISSUER = "Gongkai";
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A new shared secret: 160 random bits (RFC 4226's recommendation), base32 as apps expect it. */
export function newTotpSecret(): string {
  return base32(randomBytes(20));
}

/** The secret in groups of four, for typing it into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

export function totpUri(secret: string, username: string): string {
  return getTOTPAuthUri({ ...TOTP, secret, accountName: username, issuer: ISSUER });
}

/** The enrolment QR code as an SVG data URI: drawn on the server, no script needed to show it. */
export async function totpQrCode(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/**
 * The time step (30-second counter) a 6-digit code belongs to, one step of clock drift either way,
 * or null. Callers refuse a step not later than the last one accepted, so a code works once.
 */
export async function totpStep(secret: string, code: string): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  // The library reads the clock synchronously when called: this is its counter.
  const counter = Math.floor(Date.now() / 1000 / TOTP.period);
  const match = await verifyTOTP({ otp: code, secret, ...TOTP, window: 1 });
  return match ? counter + match.delta : null;
}
