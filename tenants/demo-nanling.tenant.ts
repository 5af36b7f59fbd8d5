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
  hosts: ["nanling.gongkai.localhost"],
  settings: {
    contact: {
      phone: "0799-8000040",
      email: "gongkai@nanling.example.gov.cn",
    },
  },
});
