import { describe, expect, it } from "vitest";
import { scanText } from "../../app/core/classification/scan";

// GB 11643-1999, computed here independently of the module under test.
function withIdCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return first17 + "10X98765432"[sum % 11];
}

function withLuhnCheck(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = body + d;
    const sum = [...candidate]
      .reverse()
      .map(Number)
      .reduce((acc, n, i) => acc + (i % 2 === 1 ? (n * 2 > 9 ? n * 2 - 9 : n * 2) : n), 0);
    if (sum % 10 === 0) return candidate;
  }
  throw new Error("unreachable");
}

function wrongLast(s: string): string {
  const last = s.at(-1)!;
  const next = last === "X" ? "0" : last === "9" ? "X" : String(Number(last) + 1);
  return s.slice(0, -1) + next;
}

const kinds = (text: string, sensitiveWords: string[] = []) =>
  scanText(text, { sensitiveWords }).map((f) => [f.kind, f.match]);

describe("resident ID numbers", () => {
  const valid = withIdCheck("44030419900307123");
  const withX = "11010519491231002X";

  it("flags a number whose GB 11643 check digit is right", () => {
    expect(kinds(`申请人身份证号码：${valid}。`)).toEqual([["id_number", valid]]);
  });

  it("accepts an X check character in either case", () => {
    expect(withIdCheck("11010519491231002")).toBe(withX);
    expect(kinds(`证件号${withX}`)).toEqual([["id_number", withX]]);
    expect(kinds(`证件号${withX.toLowerCase()}`)).toEqual([["id_number", withX.toLowerCase()]]);
  });

  it("does not flag a number with a wrong check digit, as an ID number or as anything else", () => {
    expect(kinds(`身份证号码：${wrongLast(valid)}`)).toEqual([]);
    expect(kinds(`身份证号码：${wrongLast(withX)}`)).toEqual([]);
  });

  it("does not flag an impossible birth date even when the check digit fits", () => {
    expect(kinds(withIdCheck("44030419901332123"))).toEqual([]);
    expect(kinds(withIdCheck("44030418500307123"))).toEqual([]);
    expect(kinds(withIdCheck("44030420230229123"))).toEqual([]);
  });

  it("does not match an ID number inside a longer run of digits", () => {
    expect(kinds(`编号1${valid}`)).toEqual([]);
    expect(kinds(`编号${valid}0`)).toEqual([]);
  });
});

describe("phone numbers", () => {
  it("flags mobiles written plainly, with +86 or 86, and with spaces or hyphens", () => {
    for (const m of ["13812345678", "+86 138 1234 5678", "+8613812345678", "86-138-1234-5678", "199 0000 1111"]) {
      expect(kinds(`联系人张某，${m}，工作日可联系。`)).toEqual([["mobile", m]]);
    }
  });

  it("flags landlines with an area code, with or without an extension", () => {
    for (const l of ["0571-87654321", "010-62345678-123", "0571-87654321转801", "(010)62345678", "（0797）8123456", "020 81234567"]) {
      expect(kinds(`联系电话：${l}。`)).toEqual([["landline", l]]);
    }
  });

  it("flags a bare local number only where a label says it is a phone number", () => {
    expect(kinds("传真：87654321")).toEqual([["landline", "87654321"]]);
    expect(kinds("共87654321株")).toEqual([]);
  });

  it("does not flag other numbers that merely look like phones", () => {
    expect(kinds("12345678901")).toEqual([]);
    expect(kinds("单号138123456789")).toEqual([]);
    expect(kinds("编号2013812345678")).toEqual([]);
    expect(kinds("总投资15000000000元")).toEqual([]);
    expect(kinds("人民币13812345678")).toEqual([]);
    expect(kinds("金额1.3812345678")).toEqual([]);
  });
});

describe("bank card numbers", () => {
  const card = withLuhnCheck("622202123456789");
  const long = withLuhnCheck("621700001000123456");

  it("flags Luhn-valid 16 and 19 digit numbers, plain or grouped", () => {
    expect(kinds(`开户账号${card}`)).toEqual([["bank_card", card]]);
    expect(kinds(`账号：${long}`)).toEqual([["bank_card", long]]);
    const grouped = card.replace(/(\d{4})(?=\d)/g, "$1 ");
    expect(kinds(`卡号 ${grouped}。`)).toEqual([["bank_card", grouped]]);
  });

  it("does not flag Luhn-invalid numbers", () => {
    expect(kinds(`卡号${wrongLast(card)}`)).toEqual([]);
    expect(kinds(`卡号${wrongLast(long)}`)).toEqual([]);
  });

  it("does not flag an all-digit 统一社会信用代码 that happens to pass Luhn", () => {
    expect(withLuhnCheck("91350100100000163")).toBe("913501001000001632");
    expect(kinds("统一社会信用代码：913501001000001632")).toEqual([]);
  });

  it("does not flag part of a longer digit run", () => {
    expect(kinds(`流水号${card}1234`)).toEqual([]);
  });

  it("reports an ID number that also passes Luhn as an ID number only", () => {
    let id = "";
    for (let seq = 100; seq < 999 && !id; seq++) {
      const candidate = withIdCheck(`44030419900307${seq}`);
      if (/\d$/.test(candidate) && withLuhnCheck(candidate.slice(0, 17)) === candidate) id = candidate;
    }
    expect(id).not.toBe("");
    expect(kinds(id)).toEqual([["id_number", id]]);
  });
});

describe("e-mail addresses", () => {
  it("flags addresses and stops at the surrounding prose", () => {
    expect(kinds("请发送至zhangsan@example.com。")).toEqual([["email", "zhangsan@example.com"]]);
    expect(kinds("邮箱：li.si+gk@mail.hb.gov.cn，")).toEqual([["email", "li.si+gk@mail.hb.gov.cn"]]);
  });

  it("does not flag a bare @ or a domain on its own", () => {
    expect(kinds("@生态环境局 www.mee.gov.cn")).toEqual([]);
  });
});

describe("secrecy markers", () => {
  it("flags classification marks with ★ or 级", () => {
    for (const m of ["机密★1年", "秘密★6个月", "绝密★长期", "秘密★", "秘密级", "机密级", "绝密级"]) {
      expect(kinds(`${m}\n关于某项工作的报告`)).toEqual([["secrecy_marker", m]]);
    }
    expect(kinds("本文件定为机密级，")).toEqual([["secrecy_marker", "机密级"]]);
  });

  it("flags a 密级 field and a level standing alone on a line", () => {
    expect(kinds("密级：机密\n正文")).toEqual([["secrecy_marker", "密级：机密"]]);
    expect(kinds("  秘密  \n关于……的请示")).toEqual([["secrecy_marker", "秘密"]]);
  });

  it("flags handling instructions that stand apart", () => {
    expect(kinds("内部资料 注意保存")).toEqual([["secrecy_marker", "内部资料"]]);
    expect(kinds("（内部使用）")).toEqual([["secrecy_marker", "内部使用"]]);
    expect(kinds("【内部文件】")).toEqual([["secrecy_marker", "内部文件"]]);
    expect(kinds("本材料系内部资料，不得外传。")).toEqual([
      ["secrecy_marker", "内部资料"],
      ["secrecy_marker", "不得外传"],
    ]);
    expect(kinds("请各单位收到后，注意保密。")).toEqual([["secrecy_marker", "注意保密"]]);
    expect(kinds("仅供内部使用")).toEqual([["secrecy_marker", "内部使用"]]);
  });

  it("does not flag the same words in ordinary prose", () => {
    const prose = [
      "依据《中华人民共和国保守国家秘密法》，信息发布前须经保密审查。",
      "涉及商业秘密、个人隐私的信息不予公开，属于国家秘密的除外。",
      "业主大会采取秘密投票方式表决。",
      "严禁将内部资料上传至互联网。",
      "各单位要注意保密工作，涉密文件和内部文件不得外传。",
      "按照国家秘密级别确定保密期限。",
      "内部使用的办公系统另行部署。",
    ];
    for (const p of prose) expect(kinds(p)).toEqual([]);
  });
});

describe("sensitive words", () => {
  it("matches every occurrence as a substring, ignoring Latin case, keeping the text as written", () => {
    expect(kinds("某某化工有限公司与ABC公司、abc集团", ["某某化工", "abc"])).toEqual([
      ["sensitive_word", "某某化工"],
      ["sensitive_word", "ABC"],
      ["sensitive_word", "abc"],
    ]);
  });

  it("ignores blank entries and finds nothing without a list", () => {
    expect(kinds("某某化工", ["", "  "])).toEqual([]);
    expect(kinds("某某化工")).toEqual([]);
  });
});

describe("clean official prose", () => {
  it("yields no findings for a bureau's notice with dates, 文号, amounts and 索引号", () => {
    const notice = [
      "索引号：11361200015720318W/2025-00001    发布机构：某市生态环境局    发布日期：2025-03-18",
      "文号：环办〔2024〕12号",
      "关于开展2025年度重点排污单位环境信息依法披露专项检查的通知",
      "各县（市、区）生态环境分局，局机关各科室：",
      "根据《企业环境信息依法披露管理办法》（生态环境部令第24号）和《关于印发〈2025年生态环境执法工作要点〉的通知》（环执法〔2025〕3号）要求，",
      "我局定于2025年4月1日至2025年6月30日开展专项检查，涉及重点排污单位136家，其中排污许可证编号为91350100M000100Y43001P的企业须于4月15日前提交自查报告。",
      "本次检查安排专项资金1,250,000.00元，市级财政补助850000元，项目总投资15000000000元；2024年共办理行政处罚案件27件，罚没款3456789元，同比下降12.5%。",
      "公众可拨打12369环保举报热线或登录www.mee.gov.cn反映问题。本信息依据《中华人民共和国政府信息公开条例》第二十条主动公开，已经保密审查，不涉及国家秘密、商业秘密和个人隐私。",
      "某市生态环境局办公室",
      "2025年3月18日",
    ].join("\n");
    expect(scanText(notice, { sensitiveWords: ["某某化工"] })).toEqual([]);
  });
});

describe("overlaps and order", () => {
  it("lets an e-mail address swallow the mobile number in its local part", () => {
    expect(kinds("13812345678@163.com")).toEqual([["email", "13812345678@163.com"]]);
  });

  it("prefers a structured finding over a sensitive word inside it, and the longer of two words", () => {
    const id = withIdCheck("44030419900307123");
    expect(kinds(`${id}，生态环境局`, ["1990", "环境", "生态环境局"])).toEqual([
      ["id_number", id],
      ["sensitive_word", "生态环境局"],
    ]);
  });

  it("returns findings sorted by position with a redaction suggestion", () => {
    const findings = scanText("邮箱a@b.cn，秘密★1年，手机13812345678", { sensitiveWords: ["手机"] });
    expect(findings.map((f) => f.start)).toEqual([...findings.map((f) => f.start)].sort((a, b) => a - b));
    expect(findings.map((f) => [f.kind, f.suggestion])).toEqual([
      ["email", "a@b.cn"],
      ["secrecy_marker", "■■■■■"],
      ["sensitive_word", "■■"],
      ["mobile", "138****5678"],
    ]);
    for (const f of findings) expect(f.end).toBeGreaterThan(f.start);
  });
});
