import { describe, expect, it } from "vitest";
import zhCN from "../../app/locales/zh-CN/core.json";
import { findingKey, FINDING_KINDS, type Finding } from "../../app/core/classification/finding";
import {
  DISCLOSURE_ATTRIBUTES,
  groundsFor,
  isGroundAllowed,
  NON_DISCLOSURE_GROUNDS,
  requiresGround,
} from "../../app/core/classification/grounds";
import {
  FINDING_LABELS,
  publishedRendition,
  unresolved,
  UnresolvedFindingsError,
  type Resolution,
} from "../../app/core/classification/redact";
import { scanText } from "../../app/core/classification/scan";
import { LOCALES } from "../../app/core/i18n/config";

const redactAll = (findings: Finding[]): Resolution[] =>
  findings.map((f) => ({ key: findingKey(f), action: "redact" }));

function render(text: string, sensitiveWords: string[] = []): string {
  const findings = scanText(text, { sensitiveWords });
  return publishedRendition(text, findings, redactAll(findings));
}

describe("published rendition", () => {
  it("keeps the first 6 and last 4 characters of an ID number", () => {
    expect(render("身份证号110101199003071233。")).toBe("身份证号110101********1233。");
    expect(render("身份证号11010519491231002X。")).toBe("身份证号110105********002X。");
  });

  it("keeps the first 3 and last 4 digits of a mobile, and the separators and country code as written", () => {
    expect(render("手机13812345678")).toBe("手机138****5678");
    expect(render("手机+86 138 1234 5678")).toBe("手机+86 138 **** 5678");
  });

  it("keeps the first 3 and last 4 digits of a landline, leaving the extension", () => {
    expect(render("电话010-62345678转801")).toBe("电话010-****5678转801");
    expect(render("电话：87654321")).toBe("电话：****4321");
  });

  it("keeps only the last 4 digits of a card", () => {
    expect(render("卡号6222021234567890128")).toBe("卡号***************0128");
    expect(render("卡号 6222 0212 3456 7890 128")).toBe("卡号 **** **** **** ***0 128");
  });

  it("keeps the first character and the domain of an e-mail address", () => {
    expect(render("邮箱zhangsan@example.com。")).toBe("邮箱z*******@example.com。");
  });

  it("blacks out secrecy markers and sensitive words character by character", () => {
    expect(render("机密★1年\n某某化工有限公司", ["某某化工"])).toBe("■■■■■\n■■■■有限公司");
  });

  it("leaves a finding kept with a reason exactly as written", () => {
    const text = "联系电话：0797-8123456，手机13812345678";
    const [office, mobile] = scanText(text);
    const rendition = publishedRendition(text, [office!, mobile!], [
      { key: findingKey(office!), action: "keep", reason: "本机关对外公开的办公电话" },
      { key: findingKey(mobile!), action: "redact" },
    ]);
    expect(rendition).toBe("联系电话：0797-8123456，手机138****5678");
  });

  it("returns the text unchanged when there is nothing to resolve", () => {
    expect(publishedRendition("无需处理的正文", [], [])).toBe("无需处理的正文");
  });

  it("refuses to render while a finding is unresolved", () => {
    const text = "手机13812345678";
    const findings = scanText(text);
    expect(() => publishedRendition(text, findings, [])).toThrow(UnresolvedFindingsError);
  });

  it("refuses findings that no longer match the text", () => {
    const findings = scanText("手机13812345678");
    expect(() => publishedRendition("手机13912345678", findings, redactAll(findings))).toThrow(/scan it again/);
  });

  it("refuses overlapping findings", () => {
    const a: Finding = { kind: "sensitive_word", start: 0, end: 2, match: "生态" };
    const b: Finding = { kind: "sensitive_word", start: 1, end: 3, match: "态环" };
    expect(() => publishedRendition("生态环境", [a, b], redactAll([a, b]))).toThrow(/overlaps/);
  });
});

describe("unresolved findings", () => {
  const text = "手机13812345678，邮箱a@b.cn，秘密级";
  const [mobile, email, marker] = scanText(text);

  it("lists every finding without a decision", () => {
    expect(unresolved([mobile!, email!, marker!], [])).toEqual([mobile, email, marker]);
  });

  it("does not accept keeping without a reason", () => {
    const resolutions: Resolution[] = [
      { key: findingKey(mobile!), action: "redact" },
      { key: findingKey(email!), action: "keep", reason: "   " },
      { key: findingKey(marker!), action: "keep", reason: "引用的是文件标题中的示例" },
    ];
    expect(unresolved([mobile!, email!, marker!], resolutions)).toEqual([email]);
  });

  it("does not let a decision recorded against other text settle a finding at the same position", () => {
    const stale: Resolution = { key: findingKey({ ...mobile!, match: "13912345678" }), action: "redact" };
    expect(unresolved([mobile!], [stale])).toEqual([mobile]);
  });
});

describe("labels", () => {
  it("names every finding kind in every locale", () => {
    for (const kind of FINDING_KINDS) {
      for (const locale of LOCALES) expect(FINDING_LABELS[kind][locale]).toMatch(/\S/);
    }
  });
});

describe("公开属性 and the grounds for not disclosing proactively", () => {
  it("offers the three attributes with their Chinese names", () => {
    expect(DISCLOSURE_ATTRIBUTES.map((a) => zhCN.classification.attributes[a])).toEqual([
      "主动公开",
      "依申请公开",
      "不予公开",
    ]);
  });

  it("requires a ground for anything short of 主动公开", () => {
    expect(requiresGround("proactive")).toBe(false);
    expect(requiresGround("on_request")).toBe(true);
    expect(requiresGround("withheld")).toBe(true);
    expect(groundsFor("proactive")).toEqual([]);
  });

  it("lists the Art 14, 15 and 16 grounds with the annual report's row labels", () => {
    expect(NON_DISCLOSURE_GROUNDS.map((g) => [g.article, g.reportLabel])).toEqual([
      [14, "属于国家秘密"],
      [14, "其他法律行政法规禁止公开"],
      [14, '危及"三安全一稳定"'],
      [15, "保护第三方合法权益"],
      [16, "属于三类内部事务信息"],
      [16, "属于四类过程性信息"],
      [16, "属于行政执法案卷"],
    ]);
    expect(new Set(NON_DISCLOSURE_GROUNDS.map((g) => g.key)).size).toBe(NON_DISCLOSURE_GROUNDS.length);
  });

  it("does not allow an Art 14 ground for 依申请公开, since such information may never be disclosed", () => {
    expect(isGroundAllowed("on_request", "art14.state_secret")).toBe(false);
    expect(isGroundAllowed("withheld", "art14.state_secret")).toBe(true);
    expect(isGroundAllowed("on_request", "art15.third_party")).toBe(true);
    expect(isGroundAllowed("withheld", "no.such.ground")).toBe(false);
  });
});
