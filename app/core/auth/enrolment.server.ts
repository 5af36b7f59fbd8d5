import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { TamperedValueError, type FieldCipher } from "../crypto/field-cipher";
import { enrolSecondFactor } from "./second-factor.server";
import { groupedSecret, newTotpSecret, totpQrCode, totpStep, totpUri } from "./totp.server";

/**
 * Enrolment of an authenticator app: a new secret is offered sealed (encrypted and bound to the
 * account), as a hidden form field or in the pending sign-in, and becomes the account's only when
 * a code from the app confirms it.
 */
const PENDING_MINUTES = 15;
const pendingContext = (userId: string) => `totp-pending:${userId}`;

export interface EnrolmentOffer {
  /** The sealed secret the form sends back. */
  pending: string;
  /** The secret grouped for typing in by hand. */
  secret: string;
  qrCode: string;
}

export function sealPendingSecret(cipher: FieldCipher, userId: string, secret = newTotpSecret()): string {
  return cipher.seal(JSON.stringify({ secret, at: Date.now() }), pendingContext(userId));
}

/** The secret of a sealed offer, or null when it was altered, belongs to someone else or is too old. */
export function openPendingSecret(cipher: FieldCipher, userId: string, pending: string): string | null {
  try {
    const { secret, at } = JSON.parse(cipher.open(pending, pendingContext(userId))) as { secret: string; at: number };
    return Date.now() - at < PENDING_MINUTES * 60_000 ? secret : null;
  } catch (e) {
    if (e instanceof TamperedValueError || e instanceof SyntaxError) return null;
    throw e;
  }
}

export async function enrolmentOffer(cipher: FieldCipher, userId: string, username: string, pending: string): Promise<EnrolmentOffer | null> {
  const secret = openPendingSecret(cipher, userId, pending);
  if (!secret) return null;
  return { pending, secret: groupedSecret(secret), qrCode: await totpQrCode(totpUri(secret, username)) };
}

export type EnrolmentResult = { ok: true; recoveryCodes: string[] } | { ok: false; error: "errors.totp.expired" | "errors.totp.wrongCode" };

/** Makes the offered secret the account's when `code` comes from it; returns the new recovery codes. */
export async function confirmEnrolment(
  trx: Transaction<CoreDatabase>,
  cipher: FieldCipher,
  userId: string,
  pending: string,
  code: string,
): Promise<EnrolmentResult> {
  const secret = openPendingSecret(cipher, userId, pending);
  if (!secret) return { ok: false, error: "errors.totp.expired" };
  const step = await totpStep(secret, code.replace(/\s/g, ""));
  if (step === null) return { ok: false, error: "errors.totp.wrongCode" };
  return { ok: true, recoveryCodes: await enrolSecondFactor(trx, cipher, userId, secret, step) };
}

const codesContext = (userId: string) => `recovery-pending:${userId}`;

/** New recovery codes kept sealed in a pending sign-in until they have been shown. */
export function sealRecoveryCodes(cipher: FieldCipher, userId: string, codes: string[]): string {
  return cipher.seal(JSON.stringify(codes), codesContext(userId));
}

export function openRecoveryCodes(cipher: FieldCipher, userId: string, sealed: string): string[] {
  return JSON.parse(cipher.open(sealed, codesContext(userId))) as string[];
}
