import { defineTenant } from "../app/core/tenancy/definition";

export default defineTenant({
  code: "demo-xishan",
  parent: "demo-city",
  level: "county",
  regionCode: "361203",
  creditCode: "11361203015721169C",
  name: {
    "zh-CN": "示范市生态环境局西山分局",
    "zh-TW": "示範市生態環境局西山分局",
    en: "Xishan Branch, Demo City Ecology and Environment Bureau",
  },
  plugins: ["disclosure", "requests", "annual-report"],
  hosts: ["xishan.gongkai.localhost"],
  settings: {
    contact: {
      address: { "zh-CN": "示范市西山区青山街3号", "zh-TW": "示範市西山區青山街3號", en: "3 Qingshan Street, Xishan District, Demo City" },
      postcode: "361002",
      hours: {
        "zh-CN": "工作日 上午9:00—12:00，下午13:30—17:30（法定节假日除外）",
        "zh-TW": "工作日 上午9:00—12:00，下午13:30—17:30（法定節假日除外）",
        en: "Working days 9:00–12:00 and 13:30–17:30 (closed on public holidays)",
      },
      fax: "0799-8000041",
      phone: "0799-8000030",
      email: "gongkai@xishan.example.gov.cn",
    },
  },
});
