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
  hosts: ["city.gongkai.localhost"],
  settings: {
    contact: {
      phone: "0799-8000000",
      email: "gongkai@city.example.gov.cn",
    },
  },
});
