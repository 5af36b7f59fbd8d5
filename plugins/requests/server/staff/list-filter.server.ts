import { z } from "zod";
import { readFilters, type FieldErrors } from "../../../../app/plugin-api/loaders.server";
import { LIST_STATUSES, URGENCIES, type ListFilter } from "./list.server";

/** The list's GET filters; one that cannot be used is left out and named (see `readFilters`). */
const ListFilterSchema = z.object({
  status: z.enum(LIST_STATUSES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  year: z.coerce.number().int().min(2001).max(2999).optional(),
  q: z.string().trim().max(100, "requests:errors.tooLong").optional().transform((q) => q || undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export function readFilter(url: URL): { filter: ListFilter; ignored: FieldErrors } {
  const { data, ignored } = readFilters(ListFilterSchema, url.searchParams);
  return { filter: data, ignored };
}
