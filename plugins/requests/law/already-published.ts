import type { Localized } from "../../../app/plugin-api";

/**
 * 条例第三十六条第（一）项: 所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式和途径.
 * Such a reply is counted in table 三 under （一）予以公开 (the row names Art 36(一) beside 36(二);
 * see law/reply-types.ts), and its letter lists each published item with its 索引号 and address.
 */
export const ALREADY_PUBLISHED = {
  replyType: "disclosed",
  article: 36,
  item: 1,
  source: "《中华人民共和国政府信息公开条例》第三十六条第（一）项",
  /** The letter's own paragraph: what Art 36(一) requires the office to say. */
  note: {
    "zh-CN": "您申请获取的政府信息已经由本机关主动公开。根据《中华人民共和国政府信息公开条例》第三十六条第（一）项的规定，现告知您获取该政府信息的方式和途径。",
    "zh-TW": "您申請獲取的政府信息已經由本機關主動公開。根據《中華人民共和國政府信息公開條例》第三十六條第（一）項的規定，現告知您獲取該政府信息的方式和途徑。",
    en: "The information you asked for has already been made public by this office. Under Article 36(1) of the Regulation on Open Government Information, this office tells you how and where to obtain it.",
  } satisfies Localized,
  obtain: {
    "zh-CN": "上列信息已在本机关政府信息公开平台主动公开，您可通过所列网址按索引号查阅、下载，也可到本机关政府信息公开查阅场所查阅。",
    "zh-TW": "上列信息已在本機關政府信息公開平台主動公開，您可透過所列網址依索引號查閱、下載，也可到本機關政府信息公開查閱場所查閱。",
    en: "The items listed are published on this office's government information disclosure portal: read or download them at the addresses given, by their index numbers, or consult them at this office's reading room.",
  } satisfies Localized,
  /** One line of the letter per item: its title, 索引号 and address. */
  line: {
    "zh-CN": "《{title}》，索引号：{reference}，网址：{url}",
    "zh-TW": "《{title}》，索引號：{reference}，網址：{url}",
    en: "“{title}”, index number {reference}, at {url}",
  } satisfies Localized,
} as const;
