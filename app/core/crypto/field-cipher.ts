import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Encryption at rest of personal data in chosen fields (an applicant's name, ID number, address),
 * with the national algorithms the 密评 baseline expects (GB/T 39786-2021): SM4 in counter mode,
 * then an HMAC-SM3 over the version, the context, the IV and the ciphertext (encrypt-then-MAC, as
 * this OpenSSL has no SM4-GCM). The context (e.g. plugin and tenant) is bound into the MAC, so a
 * value copied into another tenant's row does not open there. `blindIndex` gives an equality-only
 * lookup key (find an applicant by ID number) without storing the number.
 */
const VERSION = "sm4ctr1";

function b64(buf: Buffer): string {
  return buf.toString("base64url");
}

export class TamperedValueError extends Error {
  constructor() {
    super("The sealed value was altered, or belongs to another context or key");
    this.name = "TamperedValueError";
  }
}

export class FieldCipher {
  readonly #enc: Buffer;
  readonly #mac: Buffer;
  readonly #index: Buffer;

  /** `masterKey`: 32 random bytes, kept outside the database. */
  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error("the data key must be 32 bytes");
    const derive = (label: string) => createHmac("sm3", masterKey).update(`gongkai/${label}`).digest();
    this.#enc = derive("sm4").subarray(0, 16);
    this.#mac = derive("mac");
    this.#index = derive("index");
  }

  #tag(context: string, iv: Buffer, ct: Buffer): Buffer {
    return createHmac("sm3", this.#mac).update(`${VERSION}\u0000${context}\u0000`).update(iv).update(ct).digest();
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(16);
    const cipher = createCipheriv("sm4-ctr", this.#enc, iv);
    const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [VERSION, b64(iv), b64(ct), b64(this.#tag(context, iv, ct))].join(".");
  }

  open(sealed: string, context: string): string {
    const [version, iv64, ct64, tag64] = sealed.split(".");
    if (version !== VERSION || iv64 === undefined || ct64 === undefined || tag64 === undefined) throw new TamperedValueError();
    const iv = Buffer.from(iv64, "base64url");
    const ct = Buffer.from(ct64, "base64url");
    const tag = Buffer.from(tag64, "base64url");
    const expected = this.#tag(context, iv, ct);
    if (iv.length !== 16 || tag.length !== expected.length || !timingSafeEqual(tag, expected)) throw new TamperedValueError();
    const decipher = createDecipheriv("sm4-ctr", this.#enc, iv);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString("utf8");
  }

  /** The same value in the same context always gives the same key; nothing about the value can be read from it. */
  blindIndex(value: string, context: string): string {
    return createHmac("sm3", this.#index).update(`${context}\u0000${value}`).digest("hex");
  }
}
