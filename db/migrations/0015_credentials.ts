import { sql, type Kysely } from "kysely";
import { APP_ROLE } from "../roles";
import { grant } from "../rls";

const APP = sql.raw(APP_ROLE);
/** Password hashes kept per account beyond the current one: PASSWORD_HISTORY is at most this plus one. */
export const KEPT_PASSWORD_HISTORY = 23;

/**
 * Credentials the serving role cannot read (issue 13): password hashes never leave the database.
 * The app reads a hash's parameters and salt, computes the candidate hash itself and asks the
 * database whether it matches; hashes are written, with the previous one kept for the no-reuse
 * rule, only through these SECURITY DEFINER functions. A request that could run any SQL as
 * `gongkai_app` still gets no hash to crack offline.
 *
 * Also the state of sign-in hardening: failure counts and locks per account and client, the
 * short-lived pending sign-in between password and second factor, and the TOTP second factor with
 * its recovery codes. All are global (no tenant_id), like `users`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN password_must_change boolean NOT NULL DEFAULT false`.execute(db);

  await sql`
    CREATE TABLE password_history (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      seq bigint GENERATED ALWAYS AS IDENTITY,
      password_hash text NOT NULL,
      replaced_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, seq)
    )`.execute(db);

  // Every column of users but the hash stays readable; a later migration adding a column grants it too.
  const { rows } = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'users' AND column_name <> 'password_hash'
    ORDER BY ordinal_position`.execute(db);
  const readable = sql.join(rows.map((r) => sql.id(r.column_name)));
  await sql`REVOKE SELECT ON users FROM ${APP}`.execute(db);
  await sql`GRANT SELECT (${readable}) ON users TO ${APP}`.execute(db);
  await sql`REVOKE UPDATE (password_hash, password_changed_at) ON users FROM ${APP}`.execute(db);

  const definer = sql.raw("SECURITY DEFINER SET search_path = pg_catalog, public");
  // The argon2 PHC string without its hash: algorithm, version, cost and salt (not secret).
  await sql`
    CREATE FUNCTION auth_password_salt(p_user uuid) RETURNS text LANGUAGE sql STABLE ${definer} AS
    $$ SELECT regexp_replace(password_hash, '[$][^$]*$', '') FROM users WHERE id = p_user $$`.execute(db);
  await sql`
    CREATE FUNCTION auth_password_matches(p_user uuid, p_candidate text) RETURNS boolean LANGUAGE sql STABLE ${definer} AS
    $$ SELECT COALESCE((SELECT md5(password_hash) = md5(p_candidate) FROM users WHERE id = p_user), false) $$`.execute(db);
  // The current hash and the newest previous ones, p_count in all.
  await sql`
    CREATE FUNCTION auth_recent_password_salts(p_user uuid, p_count integer) RETURNS SETOF text LANGUAGE sql STABLE ${definer} AS
    $$ SELECT regexp_replace(h, '[$][^$]*$', '') FROM (
         SELECT password_hash AS h, 0 AS n FROM users WHERE id = p_user AND p_count > 0
         UNION ALL
         (SELECT password_hash, row_number() OVER (ORDER BY seq DESC) FROM password_history
          WHERE user_id = p_user ORDER BY seq DESC LIMIT greatest(p_count - 1, 0))
       ) recent ORDER BY n $$`.execute(db);
  await sql`
    CREATE FUNCTION auth_password_reused(p_user uuid, p_count integer, p_candidates text[]) RETURNS boolean LANGUAGE sql STABLE ${definer} AS
    $$ SELECT EXISTS (
         SELECT FROM (
           SELECT password_hash AS h FROM users WHERE id = p_user AND p_count > 0
           UNION ALL
           (SELECT password_hash FROM password_history WHERE user_id = p_user ORDER BY seq DESC LIMIT greatest(p_count - 1, 0))
         ) recent WHERE h = ANY (p_candidates)) $$`.execute(db);
  await sql`
    CREATE FUNCTION auth_set_password(p_user uuid, p_hash text, p_must_change boolean) RETURNS void LANGUAGE plpgsql ${definer} AS
    $$ BEGIN
      IF p_hash !~ '^[$]argon2id[$]' THEN
        RAISE EXCEPTION 'not an argon2id hash' USING ERRCODE = 'invalid_parameter_value';
      END IF;
      INSERT INTO password_history (user_id, password_hash) SELECT id, password_hash FROM users WHERE id = p_user;
      UPDATE users SET password_hash = p_hash, password_changed_at = now(), password_must_change = p_must_change, updated_at = now()
        WHERE id = p_user;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'no account %', p_user USING ERRCODE = 'no_data_found';
      END IF;
      DELETE FROM password_history WHERE user_id = p_user AND seq NOT IN (
        SELECT seq FROM password_history WHERE user_id = p_user ORDER BY seq DESC LIMIT ${sql.lit(KEPT_PASSWORD_HISTORY)});
    END $$`.execute(db);
  for (const fn of [
    "auth_password_salt(uuid)",
    "auth_password_matches(uuid, text)",
    "auth_recent_password_salts(uuid, integer)",
    "auth_password_reused(uuid, integer, text[])",
    "auth_set_password(uuid, text, boolean)",
  ]) {
    await sql`REVOKE EXECUTE ON FUNCTION ${sql.raw(fn)} FROM PUBLIC`.execute(db);
    await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(fn)} TO ${APP}`.execute(db);
  }

  // Failed sign-ins per account and client address: a stranger's guesses lock only the stranger out.
  await sql`
    CREATE TABLE login_locks (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      client text NOT NULL,
      failures integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, client)
    )`.execute(db);
  await grant(db, "login_locks", ["SELECT", "INSERT", "UPDATE", "DELETE"]);

  // A sign-in between its password and its session: only the SHA-256 of the browser's token is kept.
  await sql`
    CREATE TABLE login_challenges (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      second_factor text CHECK (second_factor IN ('totp', 'recovery')),
      pending_secret text,
      recovery_codes text,
      redirect_to text,
      failures integer NOT NULL DEFAULT 0,
      ip text,
      user_agent text,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX login_challenges_expiry ON login_challenges (expires_at)`.execute(db);
  await grant(db, "login_challenges", ["SELECT", "INSERT", "UPDATE", "DELETE"]);

  // The TOTP secret is sealed with the data key (SM4); last_step refuses a code used once already.
  await sql`
    CREATE TABLE user_totp (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      secret_sealed text NOT NULL,
      last_step bigint NOT NULL,
      enrolled_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await grant(db, "user_totp", ["SELECT", "INSERT", "UPDATE", "DELETE"]);

  // Recovery codes as keyed hashes (HMAC-SM3 under the data key), each usable once.
  await sql`
    CREATE TABLE recovery_codes (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz,
      PRIMARY KEY (user_id, code_hash)
    )`.execute(db);
  await grant(db, "recovery_codes", ["SELECT", "INSERT", "UPDATE", "DELETE"]);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["recovery_codes", "user_totp", "login_challenges", "login_locks"]) await sql`DROP TABLE ${sql.table(t)}`.execute(db);
  for (const fn of [
    "auth_set_password(uuid, text, boolean)",
    "auth_password_reused(uuid, integer, text[])",
    "auth_recent_password_salts(uuid, integer)",
    "auth_password_matches(uuid, text)",
    "auth_password_salt(uuid)",
  ]) {
    await sql`DROP FUNCTION ${sql.raw(fn)}`.execute(db);
  }
  await sql`GRANT UPDATE (password_hash, password_changed_at) ON users TO ${APP}`.execute(db);
  await sql`GRANT SELECT ON users TO ${APP}`.execute(db);
  await sql`DROP TABLE password_history`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN password_must_change`.execute(db);
}
