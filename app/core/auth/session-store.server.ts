import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { CoreDatabase } from "../../../db/schema";
import { NO_TENANT, withScope } from "../../../db/scope";

export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

/**
 * Lucia adapter that never stores a session id, only its SHA-256: whoever reads the table cannot
 * present a session. Every call runs as the serving role.
 */
export function hashedSessionAdapter(db: Kysely<CoreDatabase>): Adapter {
  const run = <T>(fn: Parameters<typeof withScope<T>>[2]) => withScope(db, NO_TENANT, fn);
  const toSession = (id: string, row: { user_id: string; expires_at: Date; created_at: Date; ip: string | null; user_agent: string | null }): DatabaseSession => ({
    id,
    userId: row.user_id,
    expiresAt: row.expires_at,
    attributes: { createdAt: row.created_at, ip: row.ip, userAgent: row.user_agent },
  });
  return {
    async getSessionAndUser(sessionId) {
      const row = await run((trx) =>
        trx
          .selectFrom("sessions")
          .innerJoin("users", "users.id", "sessions.user_id")
          .select([
            "sessions.user_id",
            "sessions.expires_at",
            "sessions.created_at",
            "sessions.ip",
            "sessions.user_agent",
            "users.username",
            "users.display_name",
            "users.platform_role",
            "users.disabled",
          ])
          .where("sessions.id_hash", "=", hashSessionId(sessionId))
          .executeTakeFirst(),
      );
      if (!row || row.disabled) return [null, null];
      const user: DatabaseUser = {
        id: row.user_id,
        attributes: { username: row.username, displayName: row.display_name, platformRole: row.platform_role },
      };
      return [toSession(sessionId, row), user];
    },
    async getUserSessions(userId) {
      const rows = await run((trx) => trx.selectFrom("sessions").selectAll().where("user_id", "=", userId).execute());
      return rows.map((r) => toSession(r.id_hash, r));
    },
    async setSession(session) {
      await run((trx) =>
        trx
          .insertInto("sessions")
          .values({
            id_hash: hashSessionId(session.id),
            user_id: session.userId,
            expires_at: session.expiresAt,
            created_at: session.attributes.createdAt,
            ip: session.attributes.ip,
            user_agent: session.attributes.userAgent,
          })
          .execute(),
      );
    },
    async updateSessionExpiration(sessionId, expiresAt) {
      await run((trx) =>
        trx.updateTable("sessions").set({ expires_at: expiresAt }).where("id_hash", "=", hashSessionId(sessionId)).execute(),
      );
    },
    async deleteSession(sessionId) {
      await run((trx) => trx.deleteFrom("sessions").where("id_hash", "=", hashSessionId(sessionId)).execute());
    },
    async deleteUserSessions(userId) {
      await run((trx) => trx.deleteFrom("sessions").where("user_id", "=", userId).execute());
    },
    async deleteExpiredSessions() {
      await run((trx) => trx.deleteFrom("sessions").where("expires_at", "<=", new Date()).execute());
    },
  };
}
