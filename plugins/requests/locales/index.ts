import enAudit from "./en/audit.json";
import enCommon from "./en/common.json";
import enPublic from "./en/public.json";
import enReport from "./en/report.json";
import enStaff from "./en/staff.json";
import enReplyFiles from "./en/reply-files.json";
import zhCNAudit from "./zh-CN/audit.json";
import zhCNCommon from "./zh-CN/common.json";
import zhCNPublic from "./zh-CN/public.json";
import zhCNReport from "./zh-CN/report.json";
import zhCNStaff from "./zh-CN/staff.json";
import zhCNReplyFiles from "./zh-CN/reply-files.json";
import zhTWAudit from "./zh-TW/audit.json";
import zhTWCommon from "./zh-TW/common.json";
import zhTWPublic from "./zh-TW/public.json";
import zhTWReport from "./zh-TW/report.json";
import zhTWStaff from "./zh-TW/staff.json";
import zhTWReplyFiles from "./zh-TW/reply-files.json";

/** One namespace, `requests`, kept in several files per language: shared words, the public pages, the staff pages, the report figures and widgets, the reply files, the audit trail's labels. */
export const locales = {
  "zh-CN": { ...zhCNCommon, ...zhCNPublic, ...zhCNStaff, ...zhCNReport, ...zhCNReplyFiles, ...zhCNAudit },
  "zh-TW": { ...zhTWCommon, ...zhTWPublic, ...zhTWStaff, ...zhTWReport, ...zhTWReplyFiles, ...zhTWAudit },
  en: { ...enCommon, ...enPublic, ...enStaff, ...enReport, ...enReplyFiles, ...enAudit },
};
