/**
 * The 公文 page of GB/T 9704-2012《党政机关公文格式》, the national standard every office's documents
 * follow: A4, margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm) leaving a 156 × 225 mm type
 * area, the title in 2号小标宋, the body in 3号仿宋 at 22 lines of 28 characters, level-1 headings
 * in 黑体 and level-2 in 楷体, the page number 「— N —」 in 4号宋体.
 */
export const GBT9704 = {
  page: { width: 210, height: 297 },
  margins: { top: 37, bottom: 35, left: 28, right: 26 },
  /** From the page's bottom edge to the page number's line (the number sits 7 mm under the text area). */
  footerMm: 28,
  titlePt: 22,
  bodyPt: 16,
  pageNumberPt: 14,
  linesPerPage: 22,
  charsPerLine: 28,
  /** Preferred faces first; the last is what a machine without the official fonts has. */
  fonts: {
    title: ["方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "Noto Serif CJK SC", "serif"],
    body: ["仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "AR PL UKai CN", "Noto Serif CJK SC", "serif"],
    heading1: ["黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "sans-serif"],
    heading2: ["楷体_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL KaitiM GB", "AR PL UKai CN", "serif"],
    song: ["宋体", "SimSun", "STSong", "AR PL SungtiL GB", "Noto Serif CJK SC", "serif"],
  },
} as const;

/** The 字号 of Chinese typesetting, in points. */
export const ZIHAO = { 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5 } as const;
