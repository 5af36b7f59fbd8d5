import enCommon from "./en/common.json";
import enPublic from "./en/public.json";
import enStaff from "./en/staff.json";
import zhCNCommon from "./zh-CN/common.json";
import zhCNPublic from "./zh-CN/public.json";
import zhCNStaff from "./zh-CN/staff.json";
import zhTWCommon from "./zh-TW/common.json";
import zhTWPublic from "./zh-TW/public.json";
import zhTWStaff from "./zh-TW/staff.json";

/** One namespace, `requests`, kept in three files per language: shared words, the public pages, the staff pages. */
export const locales = {
  "zh-CN": { ...zhCNCommon, ...zhCNPublic, ...zhCNStaff },
  "zh-TW": { ...zhTWCommon, ...zhTWPublic, ...zhTWStaff },
  en: { ...enCommon, ...enPublic, ...enStaff },
};
