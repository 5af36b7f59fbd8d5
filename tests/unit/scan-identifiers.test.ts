import { describe, expect, it } from "vitest";
import { scanFields, textFields } from "../../app/core/classification/document-text";

describe("the pre-review scan of a document's fields", () => {
  it("leaves a linked record's UUID alone even when its digits look like a mobile number", () => {
    const fields = scanFields(textFields("标题", { applicationId: "0c2a1f4e-8b7d-4e2f-9a1c-139123456780", body: "联系电话13912345678" }), { sensitiveWords: [] });
    expect(fields.find((f) => f.path === "payload.applicationId")?.findings).toEqual([]);
    expect(fields.find((f) => f.path === "payload.body")?.findings.map((f) => f.kind)).toEqual(["mobile"]);
  });
});
