import { z } from "zod";
import { toDayNumber } from "../../../app/plugin-api";

const real = (s: string) => {
  try {
    toDayNumber(s);
    return true;
  } catch {
    return false;
  }
};

/** A calendar date as forms send it, `YYYY-MM-DD`, that exists (no 2026-02-30). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "requests:errors.date").refine(real, "requests:errors.date");
