import { creditCodeCheckChar, orgCodeCheckChar } from "../../../app/core/tenancy/credit-code";
import { TenantDefinitionSchema, type TenantDefinition } from "../../../app/core/tenancy/definition";
import { cityName, districtName, provinceName, traditional, type PlaceName } from "./names";
import { stream, type Random } from "./random";

/**
 * The tenant tree: up to 100 tenants are one city bureau and its branch offices (分局); more are
 * provinces (厅) → cities (about one in ten tenants) → branch offices. Codes, 行政区划代码 and
 * 统一社会信用代码 are well formed (the credit code's check characters are computed), names are
 * fictional, in all three locales.
 */

export interface PlannedTenant {
  definition: TenantDefinition;
  /** Where applicants live, as they write it: 东城区, or 青州市 for a city bureau. */
  area: string;
  /** Prefix of the office's document numbers (文号): 青环东. */
  prefix: string;
  /** The short name titles use: 青州市 or 青州市东城区. */
  place: string;
}

const PROVINCE_PREFIXES = ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"];
const ROADS = ["人民路", "解放大道", "建设路", "滨河路", "中山路", "文化路", "环城东路", "新华街", "朝阳路", "湖滨大道"];
const HOURS = {
  "zh-CN": "工作日 上午9:00—12:00，下午14:00—17:30（法定节假日除外）",
  "zh-TW": "工作日 上午9:00—12:00，下午14:00—17:30（法定節假日除外）",
  en: "Working days 9:00–12:00 and 14:00–17:30 (closed on public holidays)",
};

const pad2 = (n: number) => String(n).padStart(2, "0");

/** 统一社会信用代码 of an organ of state (登记管理部门 1, 机关 1) in a region, organisation digits from the stream. */
function agencyCreditCode(random: Random, region: string, taken: Set<string>): string {
  for (;;) {
    const org8 = random.digits(8);
    const first17 = `11${region}${org8}${orgCodeCheckChar(org8)}`;
    const code = first17 + creditCodeCheckChar(first17);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

interface Shape {
  provinces: number;
  cities: number;
  offices: number;
}

/** How many of each level `count` tenants make. */
export function treeShape(count: number): Shape {
  if (count <= 100) return { provinces: 0, cities: 1, offices: count - 1 };
  const cities = Math.round(count / 10);
  const provinces = Math.ceil(cities / 30);
  if (provinces > PROVINCE_PREFIXES.length) throw new Error(`bench data: at most ${PROVINCE_PREFIXES.length * 300} tenants`);
  return { provinces, cities, offices: count - provinces - cities };
}

/** The tree for `count` tenants, parents before children; codes are `<codePrefix>-<行政区划代码>`. */
export function planTree(count: number, seed: number, codePrefix = "bench"): PlannedTenant[] {
  const random = stream(seed, "tree");
  // Credit codes are unique across the whole database, so they depend on the code prefix too.
  const codes = stream(seed, "credit", codePrefix);
  const takenCodes = new Set<string>();
  const shape = treeShape(count);
  const out: PlannedTenant[] = [];
  const takenPlaces = new Set<string>();
  const provincePrefixes = random.shuffle(PROVINCE_PREFIXES);

  const tenant = (level: TenantDefinition["level"], region: string, parent: PlannedTenant | null, zh: string, en: string, extra: Omit<PlannedTenant, "definition">) => {
    const code = `${codePrefix}-${region}`;
    const road = random.pick(ROADS);
    const number = random.int(1, 299);
    const address = `${extra.place}${road}${number}号`;
    const areaCode = `0${random.int(100, 999)}`;
    const definition = TenantDefinitionSchema.parse({
      code,
      parent: parent?.definition.code,
      level,
      regionCode: region,
      creditCode: agencyCreditCode(codes, region, takenCodes),
      name: { "zh-CN": zh, "zh-TW": traditional(zh), en },
      plugins: ["disclosure", "requests"],
      public: true,
      settings: {
        contact: {
          address: { "zh-CN": address, "zh-TW": traditional(address), en: `${number} ${road} (${extra.place}), ${en}` },
          postcode: `${region.slice(0, 4)}${pad2(random.int(0, 99))}`,
          hours: HOURS,
          phone: `${areaCode}-8${random.digits(6)}`,
          email: `gongkai@${code}.example.gov.cn`,
        },
      },
    });
    const planned = { definition, ...extra };
    out.push(planned);
    return planned;
  };

  const city = (region: string, parent: PlannedTenant | null, offices: number) => {
    const name: PlaceName = cityName(random, takenPlaces);
    const place = `${name.zh}市`;
    const bureau = tenant("city", region, parent, `${place}生态环境局`, `${name.en} Ecology and Environment Bureau`, {
      area: place,
      prefix: `${name.zh[0]}环`,
      place,
    });
    const takenDistricts = new Set<string>();
    for (let i = 1; i <= offices; i++) {
      const d = districtName(random, takenDistricts);
      tenant("county", `${region.slice(0, 4)}${pad2(i)}`, bureau, `${place}生态环境局${d.zh}分局`, `${d.en} Branch, ${name.en} Ecology and Environment Bureau`, {
        area: `${d.zh}区`,
        prefix: `${name.zh[0]}环${d.zh[0]}`,
        place: `${place}${d.zh}区`,
      });
    }
  };

  if (shape.provinces === 0) {
    city(`${provincePrefixes[0]}${pad2(random.int(1, 20))}00`, null, shape.offices);
    return out;
  }
  const citiesPer = spread(shape.cities, shape.provinces);
  const officesPer = spread(shape.offices, shape.cities);
  let cityIndex = 0;
  citiesPer.forEach((cities, p) => {
    const name = provinceName(random, takenPlaces);
    const prefix = provincePrefixes[p]!;
    const province = tenant("province", `${prefix}0000`, null, `${name.zh}省生态环境厅`, `${name.en} Provincial Department of Ecology and Environment`, {
      area: `${name.zh}省`,
      prefix: `${name.zh[0]}环`,
      place: `${name.zh}省`,
    });
    for (let c = 1; c <= cities; c++) city(`${prefix}${pad2(c)}00`, province, officesPer[cityIndex++]!);
  });
  return out;
}

/** `total` spread as evenly as possible over `parts`. */
function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}
