import en from "./en.json";
import zhCN from "./zh-CN.json";
import zhTW from "./zh-TW.json";

/** The `annual-report` namespace: the staff interface's words. The report itself is official Chinese (law/). */
export const locales = { "zh-CN": zhCN, "zh-TW": zhTW, en };
