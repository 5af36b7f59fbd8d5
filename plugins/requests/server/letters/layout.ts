/**
 * The 公文 page of GB/T 9704-2012《党政机关公文格式》, shared by the print stylesheet and the Word
 * file: A4, margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), the title in 2号小标宋, the
 * body in 3号仿宋 at 22 lines of 28 characters, the page number 「— N —」 in 4号宋体.
 */
export const GBT9704 = {
  margins: { top: 37, bottom: 35, left: 28, right: 26 },
  /** From the page's bottom edge to the page number's line (the number sits 7 mm under the text area). */
  footerMm: 28,
  titlePt: 22,
  bodyPt: 16,
  pageNumberPt: 14,
  linesPerPage: 22,
  charsPerLine: 28,
  /** Preferred faces first; the last is what a machine without the 方正 fonts has. */
  fonts: {
    title: ["方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "Noto Serif CJK SC", "serif"],
    body: ["仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "AR PL UKai CN", "Noto Serif CJK SC", "serif"],
  },
} as const;

/** A paragraph without the two full-width spaces Chinese text indents with: the layout indents it. */
export const indentless = (p: string) => p.replace(/^[\u3000 ]+/, "");
