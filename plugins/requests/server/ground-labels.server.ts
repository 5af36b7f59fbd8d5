import * as OpenCC from "opencc-js";
import { NON_DISCLOSURE_GROUNDS, type Locale } from "../../../app/plugin-api";
import { groundLabel } from "../law/labels";

// The core's grounds carry the Regulation's wording in simplified Chinese and in English only. A
// zh-TW reader (the officer's form, the approver's page, the applicant's letter) gets it character by
// character in traditional script, as the plugin's own zh-TW text is written (為, 秘密: OpenCC "tw").
// Server only: the converter's dictionaries stay out of the browser bundle.
const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

/** A non-disclosure ground with its article, in the reader's locale (zh-TW converted from the simplified text). */
export function localGroundLabel(key: string, locale: Locale): string {
  return locale === "zh-TW" ? toTraditional(groundLabel(key, "zh-CN")) : groundLabel(key, locale);
}

/** Every ground as an option of the reply editor's 理由 select. */
export const groundOptions = (locale: Locale) => NON_DISCLOSURE_GROUNDS.map((g) => ({ key: g.key, label: localGroundLabel(g.key, locale) }));
