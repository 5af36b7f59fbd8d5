import { generateTOTP } from "@epic-web/totp";
import { describe, expect, it } from "vitest";
import { newRecoveryCode, normaliseRecoveryCode } from "../../app/core/auth/recovery-codes";
import { passwordChangeReason } from "../../app/core/auth/password-expiry";
import { groupedSecret, newTotpSecret, totpStep, totpUri } from "../../app/core/auth/totp.server";
import { totpCode } from "../helpers/totp";

describe("TOTP", () => {
  it("makes 160-bit base32 secrets, and the app's URI names issuer and account", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    expect(groupedSecret(secret).replace(/ /g, "")).toBe(secret);
    expect(totpUri(secret, "platform.secadmin")).toBe(`otpauth://totp/Gongkai:platform.secadmin?secret=${secret}&issuer=Gongkai&algorithm=SHA1&digits=6&period=30`);
  });

  it("accepts the current code and one step of drift either way, as RFC 6238 computes them, naming the step", async () => {
    const secret = newTotpSecret();
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    // The library and an independent RFC 6238 computation agree.
    expect((await generateTOTP({ secret })).otp).toBe(totpCode(secret, Date.now()));
    expect([step, step + 1]).toContain(await totpStep(secret, totpCode(secret, now)));
    expect(await totpStep(secret, totpCode(secret, now + 30_000))).toBeGreaterThan(step);
    expect(await totpStep(secret, totpCode(secret, now - 3 * 30_000))).toBeNull();
    expect(await totpStep(secret, "12345")).toBeNull();
    expect(await totpStep(secret, "abcdef")).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are 10 unambiguous characters, read back whatever the case, spacing or hyphen", () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(code).not.toMatch(/[01ilo]/);
    expect(normaliseRecoveryCode(` ${code.toUpperCase().replace("-", " ")} `)).toBe(code.replace("-", ""));
    expect(normaliseRecoveryCode("123456")).toBeNull();
    expect(normaliseRecoveryCode("abcde-fghi0")).toBeNull();
  });
});

describe("password age (等保 8.1.4.1 a)", () => {
  const day = 86_400_000;
  const now = new Date("2027-03-01T00:00:00Z");
  it("asks for a new password when reset, or older than the limit; 0 days means never", () => {
    expect(passwordChangeReason({ passwordChangedAt: new Date(now.getTime() - 89 * day), passwordMustChange: false }, 90, now)).toBeNull();
    expect(passwordChangeReason({ passwordChangedAt: new Date(now.getTime() - 91 * day), passwordMustChange: false }, 90, now)).toBe("expired");
    expect(passwordChangeReason({ passwordChangedAt: now, passwordMustChange: true }, 90, now)).toBe("reset");
    expect(passwordChangeReason({ passwordChangedAt: new Date(0), passwordMustChange: false }, 0, now)).toBeNull();
  });
});
