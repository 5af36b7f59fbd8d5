import enCommon from "./en/common.json";
import enPublic from "./en/public.json";
import enReport from "./en/report.json";
import enStaff from "./en/staff.json";
import zhCNCommon from "./zh-CN/common.json";
import zhCNPublic from "./zh-CN/public.json";
import zhCNReport from "./zh-CN/report.json";
import zhCNStaff from "./zh-CN/staff.json";
import zhTWCommon from "./zh-TW/common.json";
import zhTWPublic from "./zh-TW/public.json";
import zhTWReport from "./zh-TW/report.json";
import zhTWStaff from "./zh-TW/staff.json";

/** One namespace, `requests`, kept in four files per language: shared words, the public pages, the staff pages, the report figures and widgets. */
export const locales = {
  "zh-CN": { ...zhCNCommon, ...zhCNPublic, ...zhCNStaff, ...zhCNReport },
  "zh-TW": { ...zhTWCommon, ...zhTWPublic, ...zhTWStaff, ...zhTWReport },
  en: { ...enCommon, ...enPublic, ...enStaff, ...enReport },
};
