import { z } from "zod";
import { isCalendarDate } from "../../../app/plugin-api";

/** A calendar date as forms send it, `YYYY-MM-DD`, that exists (no 2026-02-30, no 2026-13-01). */
export const IsoDate = z.string().refine(isCalendarDate, "requests:errors.date");
