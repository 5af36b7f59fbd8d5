import type { i18n as I18n } from "i18next";
import { PLATFORM_CHAIN } from "../../../db/roles";
import type { LocalizedName } from "../../../db/schema";
import type { Locale } from "../i18n/config";
import { auditEventLabel, CORE_AUDIT_GROUPS, coreEventLabelKey, coreGroupLabelKey } from "./labels";
import type { AuditRow } from "./query.server";

/** One labelled line of an event's details; `full` holds the whole text of a shortened value. */
export interface AuditField {
  label: string;
  value: string;
  full?: string;
}

/** An event as an auditor reads it: names instead of ids and codes, details as labelled fields. */
export interface AuditView {
  key: string;
  iso: string;
  at: string;
  office: string;
  seq: number;
  hash: string;
  person: { name: string; username: string | null; system: boolean };
  event: { label: string; code: string; known: boolean };
  outcome: "success" | "failure";
  failed: string;
  fields: AuditField[];
}

/** The events an auditor can filter by, grouped by module: core's, then each plugin's. */
export interface AuditEventGroup {
  value: string;
  label: string;
  events: { value: string; label: string }[];
}

export interface AuditPlugin {
  id: string;
  name: string;
  auditEvents: readonly string[];
  documentTypes: readonly { key: string; label: string }[];
}

const SHORT = 80;
const MAX_FIELDS = 14;
const LOCALIZED = ["zh-CN", "zh-TW", "en"];

/** A group's filter value: `group:<core module or plugin id>`. */
export const groupValue = (group: string) => `group:${group}`;

/**
 * Turns audit rows into what the audit page and its CSV export show, in one locale: every label
 * comes from the locales (core's `platform` namespace, a plugin's own for its events and fields),
 * so the trail reads the same on the page and in the file.
 */
export class AuditPresenter {
  readonly #i18n: I18n;
  readonly #lng: Locale;
  readonly #plugins: readonly AuditPlugin[];
  readonly #offices: Map<string, string>;
  readonly #time: Intl.DateTimeFormat;

  constructor(i18n: I18n, lng: Locale, plugins: readonly AuditPlugin[], offices: readonly { id: string; code: string; name: LocalizedName }[]) {
    this.#i18n = i18n;
    this.#lng = lng;
    this.#plugins = plugins;
    this.#offices = new Map(offices.flatMap((o) => [[o.id, o.name[lng]], [o.code, o.name[lng]]]));
    this.#time = new Intl.DateTimeFormat(lng, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "medium" });
  }

  get locale(): Locale {
    return this.#lng;
  }

  t(key: string, options: Record<string, unknown> = {}): string {
    return this.#i18n.t(key, { lng: this.#lng, ns: "platform", ...options }) as string;
  }

  #has(key: string): boolean {
    return this.#i18n.exists(key, { lng: this.#lng, ns: "platform" });
  }

  #pluginOf(code: string): AuditPlugin | undefined {
    return this.#plugins.find((p) => code.startsWith(`${p.id}.`));
  }

  /** The event's label; a code no module declares reads 未登记的事件 (a test keeps every written event declared). */
  eventLabel(code: string): { label: string; known: boolean } {
    const plugin = this.#pluginOf(code);
    const key = plugin ? auditEventLabel(plugin.id, code) : coreEventLabelKey(code);
    if ((!plugin || plugin.auditEvents.includes(code)) && this.#has(key)) return { label: this.t(key), known: true };
    return { label: this.t("audit.unknownEvent"), known: false };
  }

  officeName(tenantId: string): string {
    return tenantId === PLATFORM_CHAIN ? this.t("audit.platformChain") : this.#offices.get(tenantId) ?? tenantId;
  }

  /** Every event by module, for the event filter. */
  groups(): AuditEventGroup[] {
    const core = Object.entries(CORE_AUDIT_GROUPS).map(([group, codes]) => ({
      value: groupValue(group),
      label: this.t(coreGroupLabelKey(group)),
      events: codes.map((code) => ({ value: code, label: this.eventLabel(code).label })),
    }));
    const plugins = this.#plugins
      .filter((p) => p.auditEvents.length)
      .map((p) => ({ value: groupValue(p.id), label: this.t(p.name), events: p.auditEvents.map((code) => ({ value: code, label: this.eventLabel(code).label })) }));
    return [...core, ...plugins];
  }

  /** The codes an event filter's value stands for: one event, or every event of a module; null for a value that is neither. */
  actionsOf(value: string): string[] | null {
    for (const g of this.groups()) {
      if (g.value === value) return g.events.map((e) => e.value);
      if (g.events.some((e) => e.value === value)) return [value];
    }
    return null;
  }

  view(row: AuditRow): AuditView {
    const plugin = this.#pluginOf(row.action);
    const { label, known } = this.eventLabel(row.action);
    const fields: AuditField[] = [];
    const target = this.#target(row, plugin);
    if (target) fields.push(target);
    fields.push(...this.#fields(row.data, plugin));
    if (row.ip) fields.push({ label: this.#fieldLabel("ip", plugin), value: row.ip });
    if (row.requestId) fields.push({ label: this.#fieldLabel("requestId", plugin), value: row.requestId });
    return {
      key: `${row.tenantId}/${row.seq}`,
      iso: row.at.toISOString(),
      at: this.#time.format(row.at),
      office: this.officeName(row.tenantId),
      seq: row.seq,
      hash: row.hash,
      person: {
        name: row.actorDisplayName ?? row.actorName ?? this.t("audit.system"),
        username: row.actorName,
        system: row.actorId === null,
      },
      event: { label, code: row.action, known },
      outcome: row.outcome,
      failed: this.t(`audit.outcome.${row.outcome}`),
      fields: capped(fields, this.t("audit.moreFields", { count: Math.max(fields.length - MAX_FIELDS + 1, 0) })),
    };
  }

  /** The details as one line of text (the CSV's column). */
  detailsText(view: AuditView): string {
    return view.fields.map((f) => `${f.label}: ${f.full ?? f.value}`).join("; ");
  }

  #fieldLabel(key: string, plugin?: AuditPlugin): string {
    const own = plugin && `${plugin.id}:audit.fields.${key}`;
    if (own && this.#has(own)) return this.t(own);
    return this.#has(`audit.fields.${key}`) ? this.t(`audit.fields.${key}`) : key;
  }

  #item(index: number): string {
    return this.t("audit.item", { n: index + 1 });
  }

  /** `payload.released.0.body` → 发布内容 › 第 1 项 › 正文: a place in a document, as the reviewer's screen names it. */
  readablePath(path: string, plugin?: AuditPlugin): string {
    const parts = path.split(".");
    if (parts[0] === "payload" && parts.length > 1) parts.shift();
    return parts.map((p) => (/^\d+$/.test(p) ? this.#item(Number(p)) : this.#fieldLabel(p, plugin))).join(" › ");
  }

  #target(row: AuditRow, plugin?: AuditPlugin): AuditField | null {
    if (!row.targetType) return null;
    const own = plugin && `${plugin.id}:audit.targets.${row.targetType}`;
    const kind = own && this.#has(own) ? this.t(own) : this.#has(`audit.targets.${row.targetType}`) ? this.t(`audit.targets.${row.targetType}`) : row.targetType;
    const id = row.targetId ?? "";
    const who = row.targetUser ? `${row.targetUser.displayName}（${row.targetUser.username}）` : null;
    return shorten({ label: this.t("audit.fields.target"), value: who ? `${kind} ${who}` : `${kind} ${id}`.trim() }, 64);
  }

  #value(key: string, value: unknown, plugin?: AuditPlugin): string {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "boolean") return this.t(value ? "audit.yes" : "audit.no");
    if (typeof value === "number") return String(value);
    if (typeof value === "string") {
      if (key === "field") return this.readablePath(value, plugin);
      const lookups: Record<string, string> = {
        role: `core:roles.${value}`,
        roles: `core:roles.${value}`,
        platformRole: `core:roles.${value}`,
        attribute: `core:classification.attributes.${value}`,
        outcome: `audit.outcome.${value}`,
      };
      const lookup = lookups[key];
      if (lookup && this.#has(lookup)) return this.t(lookup);
      if (key === "documentType") {
        const type = this.#plugins.flatMap((p) => p.documentTypes).find((d) => d.key === value);
        if (type) return this.t(type.label);
      }
      if (key === "tenant" && this.#offices.has(value)) return `${this.#offices.get(value)}（${value}）`;
      return value;
    }
    return compact(value);
  }

  #fields(data: Record<string, unknown>, plugin?: AuditPlugin): AuditField[] {
    const out: AuditField[] = [];
    const separator = this.#lng === "en" ? ", " : "、";
    const walk = (key: string, value: unknown, label: string, depth: number) => {
      if (Array.isArray(value)) {
        if (value.every((v) => v === null || typeof v !== "object")) {
          out.push(shorten({ label, value: value.length ? value.map((v) => this.#value(key, v, plugin)).join(separator) : "—" }));
        } else if (value.length <= 3 && depth < 3) {
          value.forEach((v, i) => walk(key, v, `${label} › ${this.#item(i)}`, depth + 1));
        } else {
          const lines = value.map((v, i) => `${this.#item(i)}: ${this.#inline(v, plugin)}`);
          out.push({ label, value: this.t("audit.items", { count: value.length }), full: lines.join("\n") });
        }
        return;
      }
      if (value && typeof value === "object") {
        const entries = Object.entries(value as Record<string, unknown>);
        if (entries.length && entries.every(([k, v]) => LOCALIZED.includes(k) && typeof v === "string")) {
          out.push(shorten({ label, value: (value as Record<string, string>)[this.#lng] ?? String(entries[0]![1]) }));
        } else if (entries.length === 2 && "from" in value && "to" in value) {
          const { from, to } = value as { from: unknown; to: unknown };
          out.push(shorten({ label, value: `${this.#value(key, from, plugin)} → ${this.#value(key, to, plugin)}` }));
        } else if (depth >= 3) {
          out.push(shorten({ label, value: this.#inline(value, plugin) }));
        } else {
          for (const [k, v] of entries) walk(k, v, label ? `${label} › ${this.#fieldLabel(k, plugin)}` : this.#fieldLabel(k, plugin), depth + 1);
        }
        return;
      }
      out.push(shorten({ label, value: this.#value(key, value, plugin) }));
    };
    for (const [k, v] of Object.entries(data)) walk(k, v, this.#fieldLabel(k, plugin), 0);
    return out;
  }

  /** A nested value on one line with its keys labelled. */
  #inline(value: unknown, plugin?: AuditPlugin): string {
    if (Array.isArray(value)) return `[${value.map((v) => this.#inline(v, plugin)).join(", ")}]`;
    if (value && typeof value === "object") {
      return Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${this.#fieldLabel(k, plugin)}: ${v && typeof v === "object" ? this.#inline(v, plugin) : this.#value(k, v, plugin)}`)
        .join("; ");
    }
    return this.#value("", value, plugin);
  }
}

function shorten(field: AuditField, max = SHORT): AuditField {
  const chars = [...field.value];
  return chars.length > max ? { label: field.label, value: `${chars.slice(0, max - 1).join("")}…`, full: field.value } : field;
}

/** At most MAX_FIELDS lines: the rest fold into one, whole on demand. */
function capped(fields: AuditField[], moreLabel: string): AuditField[] {
  if (fields.length <= MAX_FIELDS) return fields;
  const rest = fields.slice(MAX_FIELDS - 1);
  return [...fields.slice(0, MAX_FIELDS - 1), { label: moreLabel, value: "…", full: rest.map((f) => `${f.label}: ${f.full ?? f.value}`).join("\n") }];
}

function compact(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** What the presenter needs of each loaded plugin. */
export function auditPlugins(plugins: readonly { manifest: { id: string; name: string; auditEvents: readonly string[]; documentTypes: readonly { key: string; label: string }[] } }[]): AuditPlugin[] {
  return plugins.map(({ manifest: m }) => ({ id: m.id, name: m.name, auditEvents: m.auditEvents, documentTypes: m.documentTypes }));
}
