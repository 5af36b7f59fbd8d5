import { defineTenant } from "../app/core/tenancy/definition";

export default defineTenant({
  code: "demo-donghu",
  parent: "demo-city",
  level: "county",
  regionCode: "361202",
  creditCode: "11361202015721089A",
  name: {
    "zh-CN": "示范市生态环境局东湖分局",
    "zh-TW": "示範市生態環境局東湖分局",
    en: "Donghu Branch, Demo City Ecology and Environment Bureau",
  },
  plugins: ["disclosure", "requests", "annual-report"],
  hosts: ["donghu.gongkai.localhost"],
  settings: {
    contact: {
      address: { "zh-CN": "示范市东湖区湖滨路16号", "zh-TW": "示範市東湖區湖濱路16號", en: "16 Hubin Road, Donghu District, Demo City" },
      postcode: "361001",
      hours: {
        "zh-CN": "工作日 上午9:00—12:00，下午13:30—17:30（法定节假日除外）",
        "zh-TW": "工作日 上午9:00—12:00，下午13:30—17:30（法定節假日除外）",
        en: "Working days 9:00–12:00 and 13:30–17:30 (closed on public holidays)",
      },
      fax: "0799-8000021",
      phone: "0799-8000020",
      email: "gongkai@donghu.example.gov.cn",
    },
  },
});
