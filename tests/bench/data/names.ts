import * as OpenCC from "opencc-js";
import type { Random } from "./random";

/**
 * Fictional place names put together from characters common in Chinese place names, each with its
 * pinyin, so a name comes in all three locales. zh-TW is the character-level traditional rendering
 * (OpenCC cn → tw), as the project writes zh-TW.
 */

type Syllable = readonly [han: string, pinyin: string];

const FIRST: readonly Syllable[] = [
  ["青", "Qing"], ["云", "Yun"], ["江", "Jiang"], ["平", "Ping"], ["安", "An"], ["宁", "Ning"], ["清", "Qing"], ["明", "Ming"],
  ["嘉", "Jia"], ["永", "Yong"], ["昌", "Chang"], ["德", "De"], ["兴", "Xing"], ["华", "Hua"], ["广", "Guang"], ["丰", "Feng"],
  ["瑞", "Rui"], ["泰", "Tai"], ["通", "Tong"], ["临", "Lin"], ["汉", "Han"], ["沧", "Cang"], ["岳", "Yue"], ["庐", "Lu"],
  ["潭", "Tan"], ["松", "Song"], ["桐", "Tong"], ["枫", "Feng"], ["桂", "Gui"], ["柳", "Liu"], ["鹤", "He"], ["鹿", "Lu"],
  ["凤", "Feng"], ["龙", "Long"], ["金", "Jin"], ["玉", "Yu"], ["银", "Yin"], ["石", "Shi"], ["白", "Bai"], ["黄", "Huang"],
  ["碧", "Bi"], ["翠", "Cui"], ["蓝", "Lan"], ["梅", "Mei"], ["兰", "Lan"], ["荷", "He"], ["星", "Xing"], ["泉", "Quan"],
];
const SECOND: readonly Syllable[] = [
  ["州", "zhou"], ["阳", "yang"], ["川", "chuan"], ["江", "jiang"], ["山", "shan"], ["城", "cheng"], ["林", "lin"], ["原", "yuan"],
  ["平", "ping"], ["源", "yuan"], ["安", "an"], ["宁", "ning"], ["水", "shui"], ["河", "he"], ["湖", "hu"], ["溪", "xi"],
  ["岭", "ling"], ["陵", "ling"], ["沙", "sha"], ["泉", "quan"], ["门", "men"], ["浦", "pu"], ["坪", "ping"], ["丘", "qiu"],
];
const DISTRICT_FIRST: readonly Syllable[] = [
  ["东", "Dong"], ["西", "Xi"], ["南", "Nan"], ["北", "Bei"], ["中", "Zhong"], ["新", "Xin"], ["高", "Gao"], ["长", "Chang"],
  ["双", "Shuang"], ["三", "San"], ["五", "Wu"], ["上", "Shang"], ["下", "Xia"], ["前", "Qian"], ["后", "Hou"], ["滨", "Bin"],
];
const DISTRICT_SECOND: readonly Syllable[] = [
  ["城", "cheng"], ["湖", "hu"], ["山", "shan"], ["江", "jiang"], ["河", "he"], ["林", "lin"], ["港", "gang"], ["塘", "tang"],
  ["坪", "ping"], ["桥", "qiao"], ["关", "guan"], ["岗", "gang"], ["园", "yuan"], ["洲", "zhou"], ["峰", "feng"], ["田", "tian"],
  ["溪", "xi"], ["岸", "an"], ["庄", "zhuang"], ["镇", "zhen"],
];

export interface PlaceName {
  zh: string;
  en: string;
}

let toTraditional: ((s: string) => string) | null = null;

/** zh-CN text in traditional characters, for the zh-TW locale. */
export function traditional(text: string): string {
  toTraditional ??= OpenCC.Converter({ from: "cn", to: "tw" });
  return toTraditional(text);
}

/** Two-syllable names not yet in `taken` (names it returns are added). */
function uniqueName(random: Random, first: readonly Syllable[], second: readonly Syllable[], taken: Set<string>): PlaceName {
  for (let tries = 0; tries < 10_000; tries++) {
    const a = random.pick(first);
    const b = random.pick(second);
    const zh = a[0] + b[0];
    if (a[0] === b[0] || taken.has(zh)) continue;
    taken.add(zh);
    return { zh, en: a[1] + b[1] };
  }
  throw new Error("bench data: ran out of place names");
}

export const cityName = (random: Random, taken: Set<string>) => uniqueName(random, FIRST, SECOND, taken);
export const provinceName = cityName;
export const districtName = (random: Random, taken: Set<string>) => uniqueName(random, DISTRICT_FIRST, DISTRICT_SECOND, taken);
