import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP's minimum cost: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** An argon2id v19 PHC string without its hash: `$argon2id$v=19$m=…,t=…,p=…$<salt>`. */
const SALTED_PARAMS = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]{11,})$/;

/**
 * The full hash `password` would have under a stored hash's parameters and salt, for the database
 * to compare with the hash it keeps (db/migrations/0015_credentials.ts); null for parameters this
 * code did not write.
 */
export async function hashWithSaltOf(saltedParams: string, password: string): Promise<string | null> {
  const m = SALTED_PARAMS.exec(saltedParams);
  if (!m) return null;
  const [, memoryCost, timeCost, parallelism, salt] = m;
  return hash(password, {
    memoryCost: Number(memoryCost),
    timeCost: Number(timeCost),
    parallelism: Number(parallelism),
    salt: Buffer.from(salt!, "base64"),
  });
}

let decoy: Promise<string> | undefined;

/** Spends the same time as a real check, so a response does not reveal whether a username exists. */
export async function verifyAgainstDecoy(password: string): Promise<void> {
  decoy ??= hashPassword("decoy-password-never-matches");
  await verifyPassword(await decoy, password);
}
