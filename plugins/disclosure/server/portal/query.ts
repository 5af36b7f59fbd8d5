import { z } from "zod";
import type { FieldErrors } from "../../../../app/plugin-api";
import { VALIDITY } from "../item-schema";

export const E = "disclosure:portal.errors";
const CATEGORY_KEY = /^[a-z0-9][a-z0-9.-]*$/;

/** A GET form leaves unused fields empty: an empty value means "no filter". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/**
 * The filters shared by the search page, the JSON API and the CSV export. Messages are i18n keys
 * of the plugin's namespace: the page shows them beside the field, the API returns them translated.
 */
export const PublicFilters = z.object({
  q: optional(z.string().trim().max(100, `${E}.q`)),
  year: optional(z.coerce.number({ error: `${E}.year` }).int(`${E}.year`).min(1949, `${E}.year`).max(2100, `${E}.year`)),
  category: optional(z.string().max(100, `${E}.category`).regex(CATEGORY_KEY, `${E}.category`)),
  issuer: optional(z.string().trim().max(100, `${E}.issuer`)),
  docNumber: optional(z.string().trim().max(100, `${E}.docNumber`)),
  validity: optional(z.enum(VALIDITY, { error: `${E}.validity` })),
});
export type PublicFilters = z.output<typeof PublicFilters>;

export const MAX_PAGE_SIZE = 100;

export const Paging = z.object({
  page: optional(z.coerce.number({ error: `${E}.page` }).int(`${E}.page`).min(1, `${E}.page`).max(100_000, `${E}.page`)).transform((v) => v ?? 1),
  pageSize: optional(z.coerce.number({ error: `${E}.pageSize` }).int(`${E}.pageSize`).min(1, `${E}.pageSize`).max(MAX_PAGE_SIZE, `${E}.pageSize`)).transform((v) => v ?? 20),
});

export type QueryErrors = FieldErrors;

/** Whether any filter other than the query text is set. */
export function hasFilters(f: PublicFilters): boolean {
  return Boolean(f.year || f.category || f.issuer || f.docNumber || f.validity);
}
