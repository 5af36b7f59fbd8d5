import { addError, hasErrors, type FieldErrors, type PluginDocument } from "../../../../app/plugin-api";
import { sanitizeBody } from "../html";
import { ITEM_TYPE } from "../item-schema";
import { attachmentRefs, MAX_ATTACHMENTS, readUploads, storeUpload } from "./attachments.server";
import { checkReferences, parseEditorForm, type EditorValues } from "./editor.server";
import { findingsSignature, scanDraft } from "./findings.server";
import type { DisclosureContext, DisclosureTransaction } from "../context";

export type SaveOutcome =
  | { ok: true; doc: PluginDocument; outcome: "saved" | "submitted" | "held" }
  | { ok: true; outcome: "previewed" }
  | { ok: false; errors: FieldErrors; message?: string; status: number };

/** A workflow refusal after something was written: thrown so the transaction rolls back. */
class Refused extends Error {
  constructor(
    readonly key: string,
    readonly status: number,
  ) {
    super(key);
  }
}

export interface SaveInput {
  values: EditorValues;
  /** The draft being edited and the version the drafter saw; absent for a new draft. */
  existing?: { id: string; version: number };
  keep: string[];
  remove: string[];
  files: FormDataEntryValue[];
  submit: boolean;
  /** 预览: every check a save makes, then nothing written. */
  preview?: boolean;
  /** The signature of the findings the page showed the drafter. */
  seenFindings: string;
}

/**
 * Saves a draft (new or edited) with its new attachments in one transaction, and on "save and
 * submit" submits it — unless the automatic check finds something the drafter has not yet been
 * shown, in which case the draft is saved and held for a second look.
 */
export async function saveDraft(ctx: DisclosureContext, input: SaveInput): Promise<SaveOutcome> {
  const parsed = parseEditorForm(input.values);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const { uploads, errors: fileErrors } = await readUploads(input.files);
  for (const e of fileErrors) addError(errors, "attachments", e);

  try {
    return await ctx.withTenant(async (trx): Promise<SaveOutcome> => {
      const kept = await attachmentRefs(trx, ctx.tenant.id, input.keep.filter((id) => !input.remove.includes(id)));
      if (kept.length + uploads.length > MAX_ATTACHMENTS) addError(errors, "attachments", "disclosure:staff.editor.errors.tooMany");
      const draftTopic = input.existing ? ((await ctx.workflow.get(trx, input.existing.id))?.payload as { topic?: string } | undefined)?.topic : undefined;
      if (parsed.ok) for (const [field, keys] of Object.entries(await checkReferences(trx, ctx.tenant.id, parsed.data.payload, draftTopic))) for (const k of keys ?? []) addError(errors, field, k);
      if (!parsed.ok || hasErrors(errors)) return { ok: false, errors, status: 400 };
      if (input.preview) return { ok: true, outcome: "previewed" };

      const attachments = [...kept];
      for (const u of uploads) attachments.push(await storeUpload(ctx, trx, u));
      const payload = { ...parsed.data.payload, body: sanitizeBody(parsed.data.payload.body), attachments };
      const saved = input.existing
        ? await ctx.workflow.update(trx, { id: input.existing.id, expectedVersion: input.existing.version, title: parsed.data.title, payload })
        : await ctx.workflow.create(trx, { type: ITEM_TYPE, title: parsed.data.title, payload });
      if (!saved.ok) throw new Refused(saved.error, statusOf(saved.code));
      if (!input.submit) return { ok: true, doc: saved.document, outcome: "saved" };

      const findings = await scanDraft(ctx, trx, { title: parsed.data.title, summary: payload.summary, body: payload.body, attachments });
      if (findings.length && findingsSignature(findings) !== input.seenFindings) return { ok: true, doc: saved.document, outcome: "held" };
      const submitted = await ctx.workflow.act(trx, { id: saved.document.id, action: "submit", expectedVersion: saved.document.version });
      if (!submitted.ok) throw new Refused(submitted.error, statusOf(submitted.code));
      return { ok: true, doc: submitted.document, outcome: "submitted" };
    });
  } catch (e) {
    if (e instanceof Refused) return { ok: false, errors, message: e.key, status: e.status };
    throw e;
  }
}

function statusOf(code: string): number {
  return code === "staleVersion" ? 409 : code === "notFound" ? 404 : code === "notSubmitter" || code === "missingRole" ? 403 : 400;
}

/** The findings of a saved draft, and their signature for the form. */
export async function draftFindings(ctx: DisclosureContext, trx: DisclosureTransaction, doc: PluginDocument) {
  const p = (doc.payload ?? {}) as { summary?: string; body?: string; attachments?: { name: string; text: string }[] };
  const findings = await scanDraft(ctx, trx, { title: doc.title, summary: p.summary, body: p.body ?? "", attachments: p.attachments ?? [] });
  return { findings, signature: findingsSignature(findings) };
}
