import { defineTenant } from "../app/core/tenancy/definition";

export default defineTenant({
  code: "demo-nanling",
  parent: "demo-city",
  level: "county",
  regionCode: "361204",
  creditCode: "11361204015721249E",
  name: {
    "zh-CN": "示范市生态环境局南岭分局",
    "zh-TW": "示範市生態環境局南嶺分局",
    en: "Nanling Branch, Demo City Ecology and Environment Bureau",
  },
  plugins: ["disclosure", "requests", "annual-report"],
  hosts: ["nanling.gongkai.localhost"],
  settings: {
    contact: {
      address: { "zh-CN": "示范市南岭区岭南路210号", "zh-TW": "示範市南嶺區嶺南路210號", en: "210 Lingnan Road, Nanling District, Demo City" },
      postcode: "361003",
      hours: {
        "zh-CN": "工作日 上午9:00—12:00，下午13:30—17:30（法定节假日除外）",
        "zh-TW": "工作日 上午9:00—12:00，下午13:30—17:30（法定節假日除外）",
        en: "Working days 9:00–12:00 and 13:30–17:30 (closed on public holidays)",
      },
      fax: "0799-8000061",
      phone: "0799-8000040",
      email: "gongkai@nanling.example.gov.cn",
    },
    // The demo office that shows a second factor required of all its staff (等保 8.1.4.1 d).
    security: { mfa: "required" },
  },
});
