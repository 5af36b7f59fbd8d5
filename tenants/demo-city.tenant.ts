import { defineTenant } from "../app/core/tenancy/definition";

export default defineTenant({
  code: "demo-city",
  level: "city",
  regionCode: "361200",
  creditCode: "11361200015720318W",
  name: {
    "zh-CN": "示范市生态环境局",
    "zh-TW": "示範市生態環境局",
    en: "Demo City Ecology and Environment Bureau",
  },
  plugins: ["disclosure", "requests", "annual-report"],
  hosts: ["city.gongkai.localhost"],
  settings: {
    contact: {
      address: { "zh-CN": "示范市滨江大道88号", "zh-TW": "示範市濱江大道88號", en: "88 Binjiang Avenue, Demo City" },
      postcode: "361000",
      hours: {
        "zh-CN": "工作日 上午9:00—12:00，下午13:30—17:30（法定节假日除外）",
        "zh-TW": "工作日 上午9:00—12:00，下午13:30—17:30（法定節假日除外）",
        en: "Working days 9:00–12:00 and 13:30–17:30 (closed on public holidays)",
      },
      fax: "0799-8000001",
      phone: "0799-8000000",
      email: "gongkai@city.example.gov.cn",
    },
  },
});
