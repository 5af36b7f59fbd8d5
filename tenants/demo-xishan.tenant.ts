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
  hosts: ["xishan.gongkai.localhost"],
  settings: {
    contact: {
      phone: "0799-8000030",
      email: "gongkai@xishan.example.gov.cn",
    },
  },
});
