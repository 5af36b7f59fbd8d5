import { createHash } from "node:crypto";
import type { PluginCoreServices } from "../../../../app/plugin-api";
import { bodyText } from "../html";
import type { AttachmentRef } from "../item-schema";
import type { DisclosureTransaction } from "../context";

type Finding = Awaited<ReturnType<PluginCoreServices["classification"]["scan"]>>[number];

/** What the automatic check found in a draft, shown to its drafter before submitting. */
export interface DraftFinding {
  kind: Finding["kind"];
  /** `title`, `summary` (内容概述), `body`, or the attachment's file name. */
  where: { field: "title" | "summary" | "body" } | { field: "attachment"; name: string };
  before: string;
  match: string;
  after: string;
}

const CONTEXT = 12;

/** Runs the 保密审查 scan over the title, the 内容概述, the body's text and each attachment's text. */
export async function scanDraft(
  ctx: Pick<PluginCoreServices, "classification">,
  trx: DisclosureTransaction,
  draft: { title: string; summary?: string; body: string; attachments: Pick<AttachmentRef, "name" | "text">[] },
): Promise<DraftFinding[]> {
  const texts: [DraftFinding["where"], string][] = [
    [{ field: "title" }, draft.title],
    [{ field: "summary" }, draft.summary ?? ""],
    [{ field: "body" }, bodyText(draft.body)],
    ...draft.attachments.map((a): [DraftFinding["where"], string] => [{ field: "attachment", name: a.name }, a.text]),
  ];
  const out: DraftFinding[] = [];
  for (const [where, text] of texts) {
    if (!text.trim()) continue;
    for (const f of await ctx.classification.scan(trx, text)) {
      out.push({
        kind: f.kind,
        where,
        before: text.slice(Math.max(0, f.start - CONTEXT), f.start).replace(/\s+/g, " "),
        match: f.match,
        after: text.slice(f.end, f.end + CONTEXT).replace(/\s+/g, " "),
      });
    }
  }
  return out;
}

/**
 * Identifies a set of findings, so that submitting goes ahead only once the drafter has been
 * shown exactly what the check finds in the text being submitted.
 */
export function findingsSignature(findings: DraftFinding[]): string {
  if (!findings.length) return "";
  const parts = findings.map((f) => `${f.kind}|${f.where.field}|${"name" in f.where ? f.where.name : ""}|${f.match}`).sort();
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 16);
}
