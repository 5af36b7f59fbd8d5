import { tableTwoLocale } from "../law/table-two";
import enAudit from "./en/audit.json";
import enCommon from "./en/common.json";
import enFeed from "./en/feed.json";
import enPortal from "./en/portal.json";
import enStaff from "./en/staff.json";
import zhCNAudit from "./zh-CN/audit.json";
import zhCNCommon from "./zh-CN/common.json";
import zhCNFeed from "./zh-CN/feed.json";
import zhCNPortal from "./zh-CN/portal.json";
import zhCNStaff from "./zh-CN/staff.json";
import zhTWAudit from "./zh-TW/audit.json";
import zhTWCommon from "./zh-TW/common.json";
import zhTWFeed from "./zh-TW/feed.json";
import zhTWPortal from "./zh-TW/portal.json";
import zhTWStaff from "./zh-TW/staff.json";

/**
 * One namespace, `disclosure`, kept in three files per language: shared words, the public portal, the
 * staff pages, the audit trail's labels (audit.json), items other plugins feed (feed.json); and the table 二 counting rules, from the law itself (law/table-two.ts).
 */
export const locales = {
  "zh-CN": { ...zhCNCommon, ...zhCNPortal, ...zhCNStaff, ...zhCNAudit, ...zhCNFeed, ...tableTwoLocale("zh-CN") },
  "zh-TW": { ...zhTWCommon, ...zhTWPortal, ...zhTWStaff, ...zhTWAudit, ...zhTWFeed, ...tableTwoLocale("zh-TW") },
  en: { ...enCommon, ...enPortal, ...enStaff, ...enAudit, ...enFeed, ...tableTwoLocale("en") },
};
