import { tableTwoLocale } from "../law/table-two";
import enCommon from "./en/common.json";
import enPortal from "./en/portal.json";
import enStaff from "./en/staff.json";
import zhCNCommon from "./zh-CN/common.json";
import zhCNPortal from "./zh-CN/portal.json";
import zhCNStaff from "./zh-CN/staff.json";
import zhTWCommon from "./zh-TW/common.json";
import zhTWPortal from "./zh-TW/portal.json";
import zhTWStaff from "./zh-TW/staff.json";

/**
 * One namespace, `disclosure`, kept in three files per language: shared words, the public portal, the
 * staff pages; and the table 二 counting rules, from the law itself (law/table-two.ts).
 */
export const locales = {
  "zh-CN": { ...zhCNCommon, ...zhCNPortal, ...zhCNStaff, ...tableTwoLocale("zh-CN") },
  "zh-TW": { ...zhTWCommon, ...zhTWPortal, ...zhTWStaff, ...tableTwoLocale("zh-TW") },
  en: { ...enCommon, ...enPortal, ...enStaff, ...tableTwoLocale("en") },
};
