import { z } from "zod";

/** Per-office settings of the requests plugin; every field has a default. */
export const RequestsSettings = z.object({
  // 补正期限 (条例第三十条 asks for a reasonable one and sets no number): working days from the notice.
  supplementWorkdays: z.number().int().min(5).max(60).default(15),
});
export type RequestsSettings = z.output<typeof RequestsSettings>;
