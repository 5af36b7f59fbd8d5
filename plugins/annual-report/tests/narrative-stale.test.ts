import { describe, expect, it } from "vitest";
import { t3Key } from "../law/table-three-2021";
import { draftNarrative } from "../server/narrative/draft";
import { confirmQuoted, narrativeParagraphs, staleInReport, staleParagraphs } from "../server/narrative/stale";
import { narrativeFromParts, narrativeParts } from "../server/narrative/stored";
import { traditionalModel } from "../server/report/traditional.server";
import { realisticFigures, without } from "./narrative-fixture";

const RECEIVED = t3Key("received", "total");
const drafted = () => draftNarrative({ office: "示范市生态环境局东湖分局", year: 2025, figures: realisticFigures() });
const sectionsOf = (n: ReturnType<typeof drafted>) => [n.overview, n.problems, n.other];

describe("figures quoted in the narrative stay tied to the tables", () => {
  it("flags nothing while the figures are those the text was drafted from", () => {
    const n = drafted();
    expect(staleInReport(sectionsOf(n), undefined, realisticFigures())).toEqual([]);
  });

  it("flags the paragraph that quotes a changed cell, and only it, naming the cell with both values", () => {
    const n = drafted();
    const now = { ...realisticFigures(), [RECEIVED]: 59 };
    expect(staleInReport(sectionsOf(n), undefined, now)).toEqual([
      { place: { section: "overview", part: 2, paragraph: 0 }, changes: [{ key: RECEIVED, then: 58, now: 59 }] },
    ]);
  });

  it("still flags it after the drafter rewrote the text, from the values the paragraph recorded", () => {
    const n = drafted();
    const paragraph = n.overview.parts[2]!.paragraphs[0]!;
    const edited = { ...paragraph, text: "2025年，本局共收到政府信息公开申请58件，均依法按时答复。" };
    expect(staleParagraphs([edited], {}, { ...realisticFigures(), [RECEIVED]: 60 })).toEqual([{ index: 0, changes: [{ key: RECEIVED, then: 58, now: 60 }] }]);
  });

  it("flags a quoted figure that is no longer provided (its plugin turned off)", () => {
    const n = drafted();
    const stale = staleInReport(sectionsOf(n), undefined, without(realisticFigures(), "requests"));
    expect(stale.map((s) => s.place)).toEqual(
      expect.arrayContaining([
        { section: "overview", part: 2, paragraph: 0 },
        { section: "other", part: 0, paragraph: 0 },
      ]),
    );
    expect(stale.find((s) => s.place.section === "other")!.changes).toContainEqual({ key: "requests.facts.feesFen", then: 4350, now: undefined });
  });

  it("uses the figures of the drafting time for a paragraph that recorded no values", () => {
    const plain = { text: "本年度新收申请58件。", quotes: [RECEIVED] };
    const then = realisticFigures();
    expect(staleParagraphs([plain], then, then)).toEqual([]);
    expect(staleParagraphs([plain], then, { ...then, [RECEIVED]: 57 })).toEqual([{ index: 0, changes: [{ key: RECEIVED, then: 58, now: 57 }] }]);
  });

  it("clears the flag once the drafter confirms the paragraph against the new figures", () => {
    const now = { ...realisticFigures(), [RECEIVED]: 59 };
    const paragraph = drafted().overview.parts[2]!.paragraphs[0]!;
    const confirmed = confirmQuoted(paragraph, now);
    expect(confirmed.quoted![RECEIVED]).toBe(59);
    expect(staleParagraphs([confirmed], undefined, now)).toEqual([]);
  });

  it("keeps the ties and the todo marks through the zh-TW conversion", () => {
    const n = drafted();
    const model = traditionalModel({ title: "", officeName: "", year: 2025, meta: [], sections: sectionsOf(n) });
    const paragraphs = narrativeParagraphs(model.sections).map((p) => p.paragraph);
    expect(paragraphs.find((p) => p.quotes?.includes(RECEIVED))).toMatchObject({ quoted: { [RECEIVED]: 58 } });
    expect(paragraphs.find((p) => p.todo)!.text).toContain("【待補充】");
    expect(staleInReport(model.sections, undefined, { ...realisticFigures(), [RECEIVED]: 59 })).toHaveLength(1);
  });
});

describe("the narrative as a report row stores it", () => {
  it("saves each section's parts with the quoted values and todo marks, and reads them back over a fresh draft", () => {
    const n = drafted();
    const saved = narrativeParts(n);
    expect(Object.keys(saved)).toEqual(["overview", "problems", "other"]);
    const edited = { other: [{ paragraphs: [{ text: "本机关无其他需要报告的事项。" }] }] };
    const back = narrativeFromParts({ ...JSON.parse(JSON.stringify(saved)), ...edited }, drafted());
    expect(back.overview).toEqual(n.overview);
    expect(back.other).toEqual({ ...n.other, parts: edited.other });
    expect(narrativeFromParts({}, n)).toEqual(n);
  });
});
