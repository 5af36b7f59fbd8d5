import { describe, expect, it } from "vitest";
import { loadPlugins } from "../../../app/plugin-api/testing";
import { FORMAT_2021 } from "../law/format-2021";
import { fillTable } from "../server/report/fill";
import { cellPath, layOut } from "../server/report/grid";
import type { GridCell } from "../server/report/model";
import { traditionalModel, traditionalTable } from "../server/report/traditional.server";

describe("the report on zh-TW pages", () => {
  it("converts table 三 and 四 labels to the traditional wording the requests plugin writes by hand", async () => {
    const registry = await loadPlugins(["requests"]);
    const tw = registry.get("requests")!.manifest.locales["zh-TW"] as Record<string, unknown>;
    const label = (key: string) => key.replace(/^requests\./, "figures.").split(".").reduce<unknown>((n, p) => (n as Record<string, unknown>)?.[p], tw);
    for (const key of ["t3", "t4"] as const) {
      const table = traditionalTable(fillTable(FORMAT_2021.tables[key], {}));
      const grid = layOut<GridCell>(table.head, table.body);
      for (const p of grid.cells) {
        if (p.cell.kind !== "value") continue;
        const path = cellPath(grid, p);
        expect([...path.block, ...path.row, ...path.column].join(" / "), p.cell.key).toBe(label(p.cell.key));
      }
    }
  });

  it("converts the title, headings, paragraphs and notes, and leaves the figures", () => {
    const t2 = fillTable(FORMAT_2021.tables.t2, { "disclosure.rules.issued": 3 }, { "fees.t2.charges": { value: 1.25, note: "财务科收费台账" } });
    const model = traditionalModel({
      title: "东湖区生态环境分局2025年政府信息公开工作年度报告",
      officeName: "东湖区生态环境分局",
      year: 2025,
      meta: [{ label: "索引号", value: "DH-2026-0001" }],
      sections: [
        { key: "overview", kind: "narrative", heading: "一、总体情况", parts: [{ heading: "（一）主动公开", paragraphs: [{ text: "本机关主动公开政府信息120条。" }] }] },
        { key: "proactive", kind: "table", heading: "二、主动公开政府信息情况", table: t2 },
      ],
    });
    expect(model.title).toBe("東湖區生態環境分局2025年政府信息公開工作年度報告");
    expect(model.sections[0]).toMatchObject({ heading: "一、總體情況", parts: [{ heading: "（一）主動公開", paragraphs: [{ text: "本機關主動公開政府信息120條。" }] }] });
    const table = model.sections[1]!.kind === "table" ? model.sections[1]!.table : null;
    expect(table!.title).toBe("二、主動公開政府信息情況");
    const values = table!.body.flat().filter((c) => c.kind === "value");
    expect(values.find((c) => c.key === "disclosure.rules.issued")).toMatchObject({ value: 3, manual: false });
    expect(values.find((c) => c.key === "fees.t2.charges")).toMatchObject({ value: 1.25, note: "財務科收費臺賬" });
  });
});
