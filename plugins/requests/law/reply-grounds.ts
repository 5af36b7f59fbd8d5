import { groundByKey, NON_DISCLOSURE_GROUNDS } from "../../../app/plugin-api";
import { article, replyTypes, type LegalBasis } from "./reply-types";

/**
 * The Art 14–16 grounds a reply of each table 三 row may give for what it withholds (国办公开办函〔2021〕30号
 * table 三, mapping of replies to rows): a 不予公开 row counts one ground, so its withheld parts rest on
 * that ground alone — （三）1 属于国家秘密 is Art 14's state secret, not Art 16's process information;
 * （二）部分公开 separates what any of the grounds protects from the rest (Art 37); every other row
 * decides without withholding anything, so it admits none.
 */
export interface RowGrounds {
  grounds: readonly string[];
  basis: readonly LegalBasis[];
}

const ALL = NON_DISCLOSURE_GROUNDS.map((g) => g.key);

function rowGrounds(key: string, groundKey: string | undefined): RowGrounds {
  if (key === "partly_disclosed") return { grounds: ALL, basis: [article(37), article(14), article(15), article(16)] };
  const ground = groundKey ? groundByKey(groundKey) : undefined;
  if (ground) return { grounds: [ground.key], basis: [article(ground.article), article(36, 3)] };
  return { grounds: [], basis: [] };
}

export const REPLY_ROW_GROUNDS: Readonly<Record<string, RowGrounds>> = Object.fromEntries(
  replyTypes("2021").map((r) => [r.key, rowGrounds(r.key, r.groundKey)]),
);

export const admittedGrounds = (row: string): readonly string[] => REPLY_ROW_GROUNDS[row]?.grounds ?? [];

export interface GroundRefusal {
  /** ["withheld"] when the row withholds nothing, else the part's ground. */
  path: (string | number)[];
  error: string;
}

/** Where a reply's withheld parts do not fit its row, each with its locale key. */
export function groundRefusals(row: string, withheld: readonly { groundKey: string }[]): GroundRefusal[] {
  const admitted = admittedGrounds(row);
  if (withheld.length === 0) return [];
  if (admitted.length === 0) return [{ path: ["withheld"], error: "requests:errors.withheldNotOfRow" }];
  return withheld.flatMap((w, i) =>
    groundByKey(w.groundKey) && !admitted.includes(w.groundKey) ? [{ path: ["withheld", i, "groundKey"], error: "requests:errors.groundNotOfRow" }] : [],
  );
}
