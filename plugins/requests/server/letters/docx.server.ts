import type { Paragraph } from "docx";
import { gongwenBlankLine, gongwenDocx, gongwenParagraph, gongwenSignature, gongwenTitle } from "../../../../app/plugin-api/gongwen.server";
import type { LetterView } from "./letter.server";
import { indentless } from "./layout";

/** The letter as a Word file in 公文 layout (GB/T 9704-2012): A4, the standard margins, title, body, signature with room for the seal. */
export async function letterDocx(letter: LetterView, labels: { address: string | null }): Promise<Buffer> {
  const chinese = letter.locale !== "en";
  const paragraphs: Paragraph[] = [gongwenTitle(letter.title)];
  if (letter.salutation) paragraphs.push(gongwenParagraph(letter.salutation, { indent: false }));
  for (const p of letter.paragraphs) paragraphs.push(gongwenParagraph(indentless(p), { indent: chinese }));
  paragraphs.push(...gongwenSignature(letter.office, letter.date));
  if (labels.address) paragraphs.push(gongwenBlankLine(), gongwenParagraph(labels.address, { indent: false }));
  return gongwenDocx({ title: letter.title, creator: letter.office, children: paragraphs });
}
