import type { Kysely, Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { withScope } from "../../../db/scope";
import type { TenantDirectory } from "../tenancy/directory.server";

/** Longest word, in characters (code points); the table's CHECK says the same. */
export const SENSITIVE_WORD_MAX = 50;

type TenantRef = { id: string };

/** The tenant, then its parent, up to the root. A cycle or an unknown parent ends the walk. */
export function tenantAndAncestors(directory: TenantDirectory, tenantId: string): string[] {
  const chain: string[] = [];
  for (let id: string | null | undefined = tenantId; id && !chain.includes(id); id = directory.byId(id)?.parentId) chain.push(id);
  return chain;
}

export interface SensitiveWordRow {
  word: string;
  tenantId: string;
  /** Set by an office above this one: applies here, changed only there. */
  inherited: boolean;
  createdAt: Date;
}

/**
 * The words of the tenant and of every office above it, each once (the nearest office's row wins),
 * sorted. Read in a scope that sees exactly those tenants, so a sibling's or a child's list can
 * never leak in.
 */
export async function sensitiveWordRows(
  db: Kysely<CoreDatabase>,
  tenant: TenantRef,
  directory: TenantDirectory,
): Promise<SensitiveWordRow[]> {
  const chain = tenantAndAncestors(directory, tenant.id);
  const rows = await withScope(db, { tenantId: null, readTenantIds: chain, userId: null }, (trx) =>
    trx.selectFrom("sensitive_words").select(["tenant_id", "word", "created_at"]).execute(),
  );
  const nearest = new Map<string, SensitiveWordRow>();
  for (const r of rows.sort((a, b) => chain.indexOf(a.tenant_id) - chain.indexOf(b.tenant_id))) {
    if (!nearest.has(r.word))
      nearest.set(r.word, { word: r.word, tenantId: r.tenant_id, inherited: r.tenant_id !== tenant.id, createdAt: r.created_at });
  }
  return [...nearest.values()].sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}

/** What the classification scan of this tenant looks for: its own words plus every ancestor's. */
export async function sensitiveWordsFor(db: Kysely<CoreDatabase>, tenant: TenantRef, directory: TenantDirectory): Promise<string[]> {
  return (await sensitiveWordRows(db, tenant, directory)).map((r) => r.word);
}

/** Adds a word to the tenant the transaction writes; false when it is already there. */
export async function addSensitiveWord(
  trx: Transaction<CoreDatabase>,
  tenantId: string,
  word: string,
  userId: string | null,
): Promise<boolean> {
  const added = await trx
    .insertInto("sensitive_words")
    .values({ tenant_id: tenantId, word, created_by: userId })
    .onConflict((oc) => oc.columns(["tenant_id", "word"]).doNothing())
    .returning("word")
    .executeTakeFirst();
  return !!added;
}

/** Removes one of the tenant's own words; false when it was not there. */
export async function removeSensitiveWord(trx: Transaction<CoreDatabase>, tenantId: string, word: string): Promise<boolean> {
  const removed = await trx
    .deleteFrom("sensitive_words")
    .where("tenant_id", "=", tenantId)
    .where("word", "=", word)
    .returning("word")
    .executeTakeFirst();
  return !!removed;
}

/**
 * The scan's word list inside a tenant transaction: the office's own words and its ancestors'
 * (readable through the `ancestors_read` policy), never a sibling's or a child's.
 */
export async function sensitiveWordsIn(trx: Transaction<CoreDatabase>): Promise<string[]> {
  const rows = await trx.selectFrom("sensitive_words").select("word").distinct().orderBy("word").execute();
  return rows.map((r) => r.word);
}
