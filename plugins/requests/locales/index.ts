import enCommon from "./en/common.json";
import enPublic from "./en/public.json";
import enReport from "./en/report.json";
import enStaff from "./en/staff.json";
import enReplyFiles from "./en/reply-files.json";
import zhCNCommon from "./zh-CN/common.json";
import zhCNPublic from "./zh-CN/public.json";
import zhCNReport from "./zh-CN/report.json";
import zhCNStaff from "./zh-CN/staff.json";
import zhCNReplyFiles from "./zh-CN/reply-files.json";
import zhTWCommon from "./zh-TW/common.json";
import zhTWPublic from "./zh-TW/public.json";
import zhTWReport from "./zh-TW/report.json";
import zhTWStaff from "./zh-TW/staff.json";
import zhTWReplyFiles from "./zh-TW/reply-files.json";

/** One namespace, `requests`, kept in four files per language: shared words, the public pages, the staff pages, the report figures and widgets. */
export const locales = {
  "zh-CN": { ...zhCNCommon, ...zhCNPublic, ...zhCNStaff, ...zhCNReport, ...zhCNReplyFiles },
  "zh-TW": { ...zhTWCommon, ...zhTWPublic, ...zhTWStaff, ...zhTWReport, ...zhTWReplyFiles },
  en: { ...enCommon, ...enPublic, ...enStaff, ...enReport, ...enReplyFiles },
};
