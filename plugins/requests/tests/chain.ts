import { expect } from "vitest";
import { reviewState } from "../../../app/core/classification/review.server";
import { recordClassification, resolveFinding } from "../../../app/core/workflow/classification-step.server";
import { act, documentById } from "../../../app/core/workflow/service.server";
import type { RequestsEnv } from "./setup";

/** Every step of the office's chain approves the document, 保密审查 redacting what the scan found. */
export async function approveChain(env: RequestsEnv, documentId: string): Promise<void> {
  for (const userId of [env.users.dept.id, env.users.classifier.id, env.users.leader.id]) {
    const doc = (await env.asStaff(userId, (trx) => documentById(trx, env.office.id, documentId)))!;
    if (doc.status !== "in_review") break;
    const step = doc.steps[doc.current_step!]!;
    if (step.classification) {
      if (userId !== env.users.classifier.id) continue;
      const state = await env.asStaff(userId, (trx) => reviewState(trx, doc));
      for (const f of state.findings) await env.asStaff(userId, (trx, ctx) => resolveFinding(trx, ctx, doc.id, { field: f.field, key: f.key, action: "redact" }));
      const recorded = await env.asStaff(userId, (trx, ctx) => recordClassification(trx, ctx, doc.id, { attribute: "on_request", ground: "art15.third_party", noStateSecret: true }));
      expect(recorded.ok, JSON.stringify(recorded)).toBe(true);
    } else if (userId === env.users.classifier.id) continue;
    const r = await env.asStaff(userId, (trx, ctx) => act(trx, ctx, { documentId: doc.id, action: "approve", expectedVersion: doc.version }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }
}
