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
  hosts: ["donghu.gongkai.localhost"],
  settings: {
    contact: {
      phone: "0799-8000020",
      email: "gongkai@donghu.example.gov.cn",
    },
  },
});
