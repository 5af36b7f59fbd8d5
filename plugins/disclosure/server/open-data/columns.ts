import zhCN from "../../locales/zh-CN/common.json";
import zhCNPortal from "../../locales/zh-CN/portal.json";
import type { Item } from "../items.server";

/**
 * The one definition of what open data holds: the API's fields (their names, types and the locale
 * key that describes them) and the columns of every spreadsheet — the CSV export, the datasets'
 * CSV and XLSX files — which the open-data page documents from the same list. The files are headed
 * in Chinese, the language of the records, whatever language the reader asked for.
 */

/** What a value is; `portal.openData.types.<type>` names it in the reader's language. */
export type FieldType = "id" | "text" | "code" | "date" | "datetime" | "integer" | "url" | "list" | "object" | "html";

export interface FieldDef {
  /** The API's name for it, stable English (`portal.openData.fields.<key>` describes it). */
  key: string;
  type: FieldType;
}

/** The API's fields in the order it answers them; the last four only with a single item. */
export const API_FIELDS = [
  { key: "id", type: "id" },
  { key: "indexNumber", type: "text" },
  { key: "title", type: "text" },
  { key: "summary", type: "text" },
  { key: "categoryKey", type: "code" },
  { key: "categoryLabel", type: "text" },
  { key: "issuer", type: "text" },
  { key: "docNumber", type: "text" },
  { key: "writtenOn", type: "date" },
  { key: "publishedOn", type: "date" },
  { key: "topic", type: "text" },
  { key: "attribute", type: "code" },
  { key: "validity", type: "code" },
  { key: "validFrom", type: "date" },
  { key: "endedOn", type: "date" },
  { key: "status", type: "code" },
  { key: "version", type: "integer" },
  { key: "updatedAt", type: "datetime" },
  { key: "interpretsId", type: "id" },
  { key: "url", type: "url" },
  { key: "apiUrl", type: "url" },
  { key: "attachments", type: "list" },
  { key: "bodyHtml", type: "html" },
  { key: "bodyText", type: "text" },
  { key: "interpretations", type: "list" },
  { key: "policy", type: "object" },
] as const satisfies readonly FieldDef[];

export type ApiField = (typeof API_FIELDS)[number]["key"];

/** What a spreadsheet row is made from: an item (only these of its fields are read), its category's name and its page. */
export type ColumnSource = Pick<Item, "indexNumber" | "title" | "summary" | "issuer" | "docNumber" | "writtenOn" | "publishedOn" | "topic" | "validity" | "validFrom" | "endedOn" | "attribute">;
export interface RowContext {
  /** The category's name in Chinese (the records' language); the key when the catalogue no longer has it. */
  categoryLabel: string;
  /** The item's page on the portal. */
  url: string;
}

export interface ColumnDef {
  /** The API field it carries. */
  field: ApiField;
  /** Its header in the files. */
  header: string;
  /** Its name in the reader's language (a key of the plugin's namespace). */
  label: string;
  /** What the files hold: validity and attribute as their Chinese words, where the API gives codes. */
  type: FieldType;
  /** Where the files' value differs from the API's, the key describing it; otherwise `portal.openData.fields.<field>`. */
  description?: string;
  /** Column width in an XLSX file, in characters. */
  width: number;
  value: (item: ColumnSource, row: RowContext) => string | null;
}

const m = zhCN.meta;

/** The spreadsheet columns, in file order. */
export const COLUMNS: readonly ColumnDef[] = [
  { field: "indexNumber", header: m.indexNumber, label: "meta.indexNumber", type: "text", width: 30, value: (i) => i.indexNumber },
  { field: "title", header: m.title, label: "meta.title", type: "text", width: 48, value: (i) => i.title },
  { field: "summary", header: m.summary, label: "meta.summary", type: "text", width: 40, value: (i) => i.summary },
  { field: "categoryLabel", header: m.category, label: "meta.category", type: "text", width: 20, value: (_, r) => r.categoryLabel },
  { field: "issuer", header: m.issuer, label: "meta.issuer", type: "text", width: 24, value: (i) => i.issuer },
  { field: "docNumber", header: m.docNumber, label: "meta.docNumber", type: "text", width: 20, value: (i) => i.docNumber },
  { field: "writtenOn", header: m.writtenOn, label: "meta.writtenOn", type: "date", width: 12, value: (i) => i.writtenOn },
  { field: "publishedOn", header: m.publishedOn, label: "meta.publishedOn", type: "date", width: 12, value: (i) => i.publishedOn },
  { field: "topic", header: m.topic, label: "meta.topic", type: "text", width: 20, value: (i) => i.topic },
  { field: "validity", header: m.validity, label: "meta.validity", type: "text", description: "portal.openData.columns.validity", width: 8, value: (i) => (i.validity ? zhCN.validity[i.validity] : null) },
  { field: "validFrom", header: m.validFrom, label: "meta.validFrom", type: "date", width: 12, value: (i) => i.validFrom },
  { field: "endedOn", header: m.endedOn, label: "meta.endedOn", type: "date", width: 14, value: (i) => i.endedOn },
  { field: "attribute", header: m.attribute, label: "meta.attribute", type: "text", description: "portal.openData.columns.attribute", width: 10, value: (i) => zhCN.attribute[i.attribute] },
  { field: "url", header: zhCNPortal.portal.csv.url, label: "portal.csv.url", type: "url", width: 60, value: (_, r) => r.url },
];

export const COLUMN_HEADERS = COLUMNS.map((c) => c.header);

/** One item as a spreadsheet row, in column order; a missing value is null. */
export function columnValues(item: ColumnSource, row: RowContext): (string | null)[] {
  return COLUMNS.map((c) => c.value(item, row));
}
