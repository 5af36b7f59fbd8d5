import { sql, type Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { textFields } from "../classification/document-text";
import { FINDING_KINDS } from "../classification/finding";
import { FINDING_LABELS } from "../classification/redact";
import { maskFor } from "../classification/mask";
import { groundByKey, groundsFor, DISCLOSURE_ATTRIBUTES, type DisclosureAttribute } from "../classification/grounds";
import { expectedRenditionOf, reviewState, type ReviewState } from "../classification/review.server";
import type { Locale } from "../i18n/config";
import { can, type StaffContext } from "../tenancy/staff.server";
import { nextApplicableStep, stepApplies, type ChainStep } from "./chain";
import { chainFor, decisionsOf, documentById, drafterRoleOf, type WorkflowDocument } from "./service.server";

type Trx = Transaction<CoreDatabase>;
type Describe = (
  ctx: { trx: Trx; tenantId: string; locale: Locale; rendition(): { title: string; payload: unknown } | null },
  payload: unknown,
) => Promise<Record<string, string | { html: string }>>;

/** A text as shown: plain runs and findings, each finding already masked for readers without the original. */
export type Segment = { text: string } | { text: string; kind: string; index: number };

export interface DocumentView {
  id: string;
  title: string;
  typeLabel: string;
  status: WorkflowDocument["status"];
  important: boolean;
  version: number;
  indexNumber: string | null;
  publishedAt: string | null;
  dueDate: string | null;
  createdBy: string;
  /** False: every finding is shown masked, whatever was decided. */
  original: boolean;
  /** `html`: a rich-text field's published rendition (as the plugin renders it), shown as the public will see it. */
  fields: { path: string; segments: Segment[]; html?: string }[];
  /** Texts left out of `fields` because a summary stands for them and they need no decision. */
  omitted: number;
  steps: { key: string; label: string; role: string; state: "done" | "current" | "pending" | "skipped" }[];
  decisions: { seq: number; action: string; step: string | null; actor: string; assignee: string | null; comment: string | null; at: string }[];
  may: { submit: boolean; withdraw: boolean; decide: boolean; classify: boolean };
  /** Whether approving now ends the chain (the opinion suggested is then 同意发布 rather than 拟同意). */
  finalStep: boolean;
  reassignTo: { id: string; name: string }[];
  classification: {
    /** At most SHOWN_FINDINGS of them, the undecided first when there are more. */
    findings: { index: number; field: string; key: string; kind: string; kindLabel: string; shown: string; masked: string; resolution: "redact" | "keep" | null; reason: string | null }[];
    total: number;
    open: number;
    /** Undecided findings per kind, for deciding all of a kind at once. */
    openByKind: { kind: string; label: string; open: number }[];
    /** `attribute` null: the type carries no 公开属性, the record is the declaration alone. */
    review: { attribute: string | null; attributeLabel: string | null; ground: string | null; groundLabel: string | null; reviewer: string; at: string } | null;
    /** False for a type that carries no 公开属性 (a reply letter): the reviewer records only the declaration. */
    attributeAsked: boolean;
    /** What the form preselects: the recorded attribute, else the drafter's proposal. */
    proposedAttribute: string | null;
    attributes: { value: string; label: string }[];
    grounds: { value: string; label: string; attributes: string[] }[];
  } | null;
}

type NumberedFinding = ReviewState["findings"][number] & { index: number };

/** A field's text cut at its findings; `index` numbers findings across the document, as the findings table does. */
function segmentsOf(text: string, own: NumberedFinding[], original: boolean): Segment[] {
  const out: Segment[] = [];
  let cursor = 0;
  for (const f of own.sort((a, b) => a.finding.start - b.finding.start)) {
    if (f.finding.start < cursor) continue;
    if (f.finding.start > cursor) out.push({ text: text.slice(cursor, f.finding.start) });
    out.push({ text: original ? f.finding.match : maskFor(f.finding.kind, f.finding.match), kind: f.finding.kind, index: f.index });
    cursor = f.finding.end;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor) });
  return out;
}

async function names(trx: Trx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom("users").select(["id", "display_name"]).where("id", "in", [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/**
 * Everything the document page shows and offers, for this user: the text (original with findings
 * marked for those allowed to read it, otherwise masked), the chain, the decisions, the 保密审查
 * record and findings, and which actions are open to them.
 */
export async function documentView(trx: Trx, ctx: StaffContext, id: string, locale: Locale): Promise<DocumentView | null> {
  const doc = await documentById(trx, ctx.tenant.id, id);
  if (!doc) return null;
  const declared = ctx.context.services.documentTypes.find(doc.document_type);
  const t = ctx.context.services.translators[locale].getFixedT(locale, "core");
  const attributeLabel = (a: DisclosureAttribute) => t(`classification.attributes.${a}`);
  const steps: ChainStep[] = doc.status === "draft" ? await chainFor(trx, doc.tenant_id, doc.document_type) : (doc.steps as ChainStep[]);
  const [decisions, state] = await Promise.all([decisionsOf(trx, doc.tenant_id, doc.id), reviewState(trx, doc)]);
  const who = await names(trx, [...decisions.flatMap((d) => [d.actor_id, d.assignee_id ?? d.actor_id]), doc.created_by, state.review?.reviewerId ?? doc.created_by]);
  const original = can(ctx, "core.originals.view");
  const submitterRole = drafterRoleOf(ctx.context.services.documentTypes, doc.document_type);

  const member = ctx.access.mode === "member";
  const current = doc.status === "in_review" && doc.current_step !== null ? steps[doc.current_step] : undefined;
  const mine = doc.created_by === ctx.user.id;
  const sinceSubmit = decisions.slice(decisions.map((d) => d.action).lastIndexOf("submit") + 1);
  const decidedThisRound = sinceSubmit.some((d) => d.action === "approve" && d.actor_id === ctx.user.id);
  const decide =
    member && !!current && ctx.access.roles.includes(current.role as never) && !mine && !decidedThisRound && (doc.assignee_id === null || doc.assignee_id === ctx.user.id);

  let reassignTo: DocumentView["reassignTo"] = [];
  if (decide && current) {
    const holders = await trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select(["users.id", "users.display_name"])
      .where("memberships.tenant_id", "=", doc.tenant_id)
      .where(sql<boolean>`${current.role} = ANY (memberships.roles)`)
      .where("users.id", "!=", ctx.user.id)
      .where("users.id", "!=", doc.created_by)
      .orderBy("users.display_name")
      .execute();
    reassignTo = holders.map((h) => ({ id: h.id, name: h.display_name }));
  }

  // The declaring plugin may say what codes and references mean; text with findings stays as it is.
  const describe = declared?.type.describe as Describe | undefined;
  const rendition = () => expectedRenditionOf(doc, state);
  const descriptions = (await describe?.({ trx, tenantId: doc.tenant_id, locale, rendition }, doc.payload)) ?? {};
  const described: Record<string, string> = {};
  const rendered: Record<string, string> = {};
  for (const [path, v] of Object.entries(descriptions)) {
    if (typeof v === "string") described[path] = v;
    else rendered[path] = v.html;
  }
  // A stored payload comes back from jsonb with its keys in jsonb's order: show the fields in the
  // order the type's schema declares them (the title of a released document before its body).
  const declaredOrder = declared?.type.payload.safeParse(doc.payload);
  const position = new Map(textFields(doc.title, declaredOrder?.success ? declaredOrder.data : doc.payload).map((f, i) => [f.path, i]));
  const at = (path: string) => position.get(path) ?? position.size;
  const byField = new Map<string, NumberedFinding[]>();
  state.findings.forEach((f, index) => {
    const own = byField.get(f.field);
    if (own) own.push({ ...f, index });
    else byField.set(f.field, [{ ...f, index }]);
  });
  const { listed, summaries, omitted } = summarised(state.scanned, described, position, byField);
  const fields = [
    ...listed.map((f): { at: number; path: string; segments: Segment[]; html?: string } => {
      const shown = described[f.path];
      const own = byField.get(f.path) ?? [];
      const plain = shown !== undefined && own.length === 0;
      const html = rendered[f.path];
      return { at: at(f.path), path: f.path, segments: plain ? [{ text: shown }] : segmentsOf(f.text, own, original), ...(html === undefined ? {} : { html }) };
    }),
    ...summaries,
  ]
    .sort((a, b) => a.at - b.at)
    .map(({ at: _at, ...field }) => field);
  const reached = doc.current_step ?? (doc.status === "approved" || doc.status === "published" ? steps.length : -1);
  const conditions = { important: doc.important, requiresClassification: doc.requires_classification };
  const attributeAsked = declared?.type.requiresAttribute !== false;
  const finalStep = current !== undefined && nextApplicableStep(steps, doc.current_step! + 1, conditions) === null;

  return {
    id: doc.id,
    title: doc.title,
    typeLabel: declared?.type.label ?? doc.document_type,
    status: doc.status,
    important: doc.important,
    version: doc.version,
    indexNumber: doc.index_number,
    publishedAt: doc.published_at?.toISOString() ?? null,
    dueDate: doc.due_date,
    createdBy: who.get(doc.created_by) ?? "",
    original,
    fields,
    omitted,
    steps: [
      { key: "submit", label: "workflow.steps.submit", role: submitterRole, state: doc.status === "draft" || doc.status === "returned" ? "current" : "done" },
      ...steps.map((s, i) => ({
        key: s.key,
        label: s.label ?? s.key,
        role: s.role,
        state: !stepApplies(s, conditions) ? ("skipped" as const) : i < reached ? ("done" as const) : i === reached ? ("current" as const) : ("pending" as const),
      })),
    ],
    decisions: decisions.map((d) => ({
      seq: d.seq,
      action: d.action,
      step: d.step_key ? (steps.find((s) => s.key === d.step_key)?.label ?? d.step_key) : null,
      actor: who.get(d.actor_id) ?? "",
      assignee: d.assignee_id ? (who.get(d.assignee_id) ?? "") : null,
      comment: d.comment,
      at: d.at.toISOString(),
    })),
    may: {
      submit: member && mine && (doc.status === "draft" || doc.status === "returned") && ctx.access.roles.includes(submitterRole),
      withdraw: member && mine && (doc.status === "draft" || doc.status === "returned" || doc.status === "in_review"),
      decide,
      classify: decide && !!current?.classification,
    },
    finalStep,
    reassignTo,
    classification: doc.requires_classification
      ? {
          findings: shownFindings(state.findings).map(({ f, index }) => ({
            index,
            field: f.field,
            key: f.key,
            kind: f.finding.kind,
            kindLabel: FINDING_LABELS[f.finding.kind][locale],
            shown: original ? f.finding.match : maskFor(f.finding.kind, f.finding.match),
            masked: maskFor(f.finding.kind, f.finding.match),
            resolution: f.resolution?.action ?? null,
            reason: f.resolution?.action === "keep" ? f.resolution.reason : null,
          })),
          total: state.findings.length,
          open: state.open,
          openByKind: FINDING_KINDS.flatMap((kind) => {
            const open = state.findings.filter((f) => f.finding.kind === kind && isOpen(f)).length;
            return open ? [{ kind, label: FINDING_LABELS[kind][locale], open }] : [];
          }),
          review: state.review && {
            attribute: state.review.attribute,
            attributeLabel: state.review.attribute ? attributeLabel(state.review.attribute) : null,
            ground: state.review.ground,
            groundLabel: state.review.ground ? groundLabel(state.review.ground, locale) : null,
            reviewer: who.get(state.review.reviewerId) ?? "",
            at: state.review.reviewedAt.toISOString(),
          },
          attributeAsked,
          proposedAttribute: state.review?.attribute ?? (attributeAsked ? proposedAttributeOf(declared?.type.proposedAttribute, doc.payload) : null),
          attributes: DISCLOSURE_ATTRIBUTES.map((a) => ({ value: a, label: attributeLabel(a) })),
          grounds: [...new Set([...groundsFor("on_request"), ...groundsFor("withheld")])].map((g) => ({
            value: g.key,
            label: groundLabel(g.key, locale),
            attributes: [...g.allowedFor],
          })),
        }
      : null,
  };
}

/** The drafter's proposal, when the type says where it is and it is one of the attributes. */
function proposedAttributeOf(proposed: ((payload: never) => string | null | undefined) | undefined, payload: unknown): string | null {
  try {
    const value = proposed?.(payload as never);
    return value && (DISCLOSURE_ATTRIBUTES as readonly string[]).includes(value) ? value : null;
  } catch {
    return null;
  }
}

/** The findings table lists at most this many; the rest are decided by kind. */
export const SHOWN_FINDINGS = 500;

const isOpen = (f: ReviewState["findings"][number]) => !f.resolution || (f.resolution.action === "keep" && !f.resolution.reason.trim());

function shownFindings(findings: ReviewState["findings"]): { f: ReviewState["findings"][number]; index: number }[] {
  const numbered = findings.map((f, index) => ({ f, index }));
  if (numbered.length <= SHOWN_FINDINGS) return numbered;
  return [...numbered.filter((n) => isOpen(n.f)), ...numbered.filter((n) => !isOpen(n.f))].slice(0, SHOWN_FINDINGS);
}

/**
 * A described path that is no text of its own (a batch's `payload.rows`) is a summary standing for
 * the texts under it: of those, only the entries (`payload.rows.17`) with a scan finding are
 * listed, so the reviewer of ten thousand rows reads the summary and the rows that need a decision.
 */
function summarised(
  scanned: ReviewState["scanned"],
  described: Record<string, string>,
  position: Map<string, number>,
  byField: Map<string, NumberedFinding[]>,
): { listed: ReviewState["scanned"]; summaries: { at: number; path: string; segments: Segment[] }[]; omitted: number } {
  const containers = Object.keys(described).filter((p) => p.startsWith("payload.") && !position.has(p));
  if (containers.length === 0) return { listed: scanned, summaries: [], omitted: 0 };
  const entryOf = (path: string) => {
    const c = containers.find((x) => path.startsWith(`${x}.`));
    return c === undefined ? null : `${c}.${path.slice(c.length + 1).split(".")[0]}`;
  };
  const flagged = new Set([...byField.keys()].map(entryOf));
  const first = new Map<string, number>();
  const listed: ReviewState["scanned"] = [];
  let omitted = 0;
  for (const f of scanned) {
    const entry = entryOf(f.path);
    if (entry === null) {
      listed.push(f);
      continue;
    }
    const c = containers.find((x) => entry.startsWith(`${x}.`))!;
    first.set(c, Math.min(first.get(c) ?? Infinity, position.get(f.path) ?? position.size));
    if (flagged.has(entry)) listed.push(f);
    else omitted++;
  }
  const summaries = [...first].map(([path, at]) => ({ at: at - 0.5, path, segments: [{ text: described[path]! }] }));
  return { listed, summaries, omitted };
}

function groundLabel(key: string, locale: Locale): string {
  const g = groundByKey(key);
  if (!g) return key;
  return locale === "en" ? `Art. ${g.article}: ${g.en}` : `《条例》${g.articleZh}：${g.zh}`;
}
