import { describe, expect, it } from "vitest";
import { formatNumber, readNumber } from "../../app/core/numbering/format";

const CODE = "11330100MB0000000X";
const parts = { creditCode: CODE, tenantCode: "demo-donghu" };

describe("readNumber", () => {
  it("reads back the year and sequence number of what the pattern produced", () => {
    for (const pattern of ["{credit_code}/{year}-{seq:5}", "{tenant}-{year}{seq:3}", "索引{year}第{seq}号", "{year}/{credit_code}/{year}-{seq:2}"]) {
      const number = formatNumber(pattern, { ...parts, year: 2019, seq: 123 });
      expect(readNumber(pattern, parts, number)).toEqual({ year: 2019, seq: 123 });
    }
  });

  it("refuses another office's, another system's or a differently padded number", () => {
    const pattern = "{credit_code}/{year}-{seq:5}";
    expect(readNumber(pattern, parts, "11330100MB0000001X/2019-00123")).toBeNull();
    expect(readNumber(pattern, parts, "000014349/2019-00123")).toBeNull();
    expect(readNumber(pattern, parts, `${CODE}/2019-123`)).toBeNull();
    expect(readNumber(pattern, parts, `${CODE}/2019-00000`)).toBeNull();
    expect(readNumber(pattern, parts, `${CODE}/2019-00123 `)).toBeNull();
    expect(readNumber("{year}/{year}-{seq}", parts, "2019/2020-1")).toBeNull();
    expect(readNumber("{tenant}-{year}-{seq}", { creditCode: CODE }, "demo-donghu-2019-1")).toBeNull();
  });
});
