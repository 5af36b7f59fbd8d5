import type { Kysely } from "kysely";
import { Cookie, Lucia, TimeSpan } from "lucia";
import type { CoreDatabase, PlatformRole } from "../../../db/schema";
import { NO_TENANT, withScope } from "../../../db/scope";
import { hashedSessionAdapter, hashSessionId } from "./session-store.server";

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  platformRole: PlatformRole | null;
}

export interface CurrentSession {
  token: string;
  idHash: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface SessionInfo {
  idHash: string;
  createdAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

const COOKIE_NAME = "gk_session";

function createLucia(db: Kysely<CoreDatabase>, policy: SessionPolicy) {
  return new Lucia(hashedSessionAdapter(db), {
    sessionExpiresIn: new TimeSpan(policy.idleMinutes, "m"),
    sessionCookie: { name: COOKIE_NAME, expires: false, attributes: { sameSite: "lax" } },
    getSessionAttributes: (a) => ({ createdAt: a.createdAt }),
    getUserAttributes: (a) => ({ username: a.username, displayName: a.displayName, platformRole: a.platformRole }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseSessionAttributes: { createdAt: Date; ip: string | null; userAgent: string | null };
    DatabaseUserAttributes: { username: string; displayName: string; platformRole: PlatformRole | null };
  }
}

/**
 * Sessions: an idle timeout (each request slides it forward) inside an absolute lifetime counted
 * from sign-in. This module and its adapter are the only places that know about lucia.
 */
export function createSessionManager(db: Kysely<CoreDatabase>, policy: SessionPolicy) {
  const lucia = createLucia(db, policy);
  const idleMs = policy.idleMinutes * 60_000;
  const absoluteMs = policy.absoluteHours * 3_600_000;

  return {
    async create(userId: string, meta: { ip: string | null; userAgent: string | null }): Promise<string> {
      const session = await lucia.createSession(userId, { createdAt: new Date(), ...meta });
      return session.id;
    },

    async validate(token: string): Promise<{ session: CurrentSession; user: SessionUser } | null> {
      const { session, user } = await lucia.validateSession(token);
      if (!session) return null;
      const now = Date.now();
      const hardEnd = session.createdAt.getTime() + absoluteMs;
      if (now >= hardEnd) {
        await lucia.invalidateSession(token);
        return null;
      }
      const wanted = Math.min(now + idleMs, hardEnd);
      let expiresAt = session.expiresAt;
      if (wanted - expiresAt.getTime() > 60_000) {
        expiresAt = new Date(wanted);
        await withScope(db, NO_TENANT, (trx) =>
          trx.updateTable("sessions").set({ expires_at: expiresAt }).where("id_hash", "=", hashSessionId(token)).execute(),
        );
      }
      return {
        session: { token, idHash: hashSessionId(token), createdAt: session.createdAt, expiresAt },
        user: { id: user.id, username: user.username, displayName: user.displayName, platformRole: user.platformRole },
      };
    },

    invalidate: (token: string) => lucia.invalidateSession(token),
    invalidateAll: (userId: string) => lucia.invalidateUserSessions(userId),

    async list(userId: string): Promise<SessionInfo[]> {
      const rows = await withScope(db, NO_TENANT, (trx) =>
        trx
          .selectFrom("sessions")
          .selectAll()
          .where("user_id", "=", userId)
          .where("expires_at", ">", new Date())
          .orderBy("created_at", "desc")
          .execute(),
      );
      return rows.map((r) => ({ idHash: r.id_hash, createdAt: r.created_at, expiresAt: r.expires_at, ip: r.ip, userAgent: r.user_agent }));
    },

    async revoke(userId: string, idHash: string): Promise<boolean> {
      const res = await withScope(db, NO_TENANT, (trx) =>
        trx.deleteFrom("sessions").where("user_id", "=", userId).where("id_hash", "=", idHash).executeTakeFirst(),
      );
      return res.numDeletedRows > 0n;
    },

    /** Ends every session of the user but the one whose hash is `keepIdHash`; returns how many ended. */
    async revokeOthers(userId: string, keepIdHash: string): Promise<number> {
      const res = await withScope(db, NO_TENANT, (trx) =>
        trx.deleteFrom("sessions").where("user_id", "=", userId).where("id_hash", "<>", keepIdHash).executeTakeFirst(),
      );
      return Number(res.numDeletedRows);
    },

    readToken(cookieHeader: string | null): string | null {
      return cookieHeader ? lucia.readSessionCookie(cookieHeader) : null;
    },

    /** The cookie of a session just created: it lives as long as the session can (SESSION_ABSOLUTE_HOURS), not lucia's 400 days. */
    cookie(token: string, secure: boolean): string {
      const c = lucia.createSessionCookie(token);
      return new Cookie(c.name, c.value, { ...c.attributes, secure, maxAge: absoluteMs / 1000 }).serialize();
    },

    blankCookie(secure: boolean): string {
      const c = lucia.createBlankSessionCookie();
      return new Cookie(c.name, c.value, { ...c.attributes, secure }).serialize();
    },
  };
}

export type SessionManager = ReturnType<typeof createSessionManager>;
