import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaYear } from "../../app/core/calendar/china-time";
import { tenantNav, type PluginNavEntry } from "../../app/core/navigation";
import { validateManifest } from "../../app/plugin-host/discover";
import { sectionOf } from "../../app/ui/public-site/nav";
import { ensureBuild } from "../helpers/build";
import { startAttackServer, type AttackServer } from "../attack/harness";

/**
 * Issue 16: an office's public pages are one site — one navigation (the enabled plugins' public entries, in the
 * statutory order), breadcrumbs, the office's contact in the footer — and an unknown path under an office is a 404
 * inside that frame. Served by the production build over the real HTTP stack, on the demo data.
 */
const OFFICE = "/t/demo-donghu";
const NAV = [
  ["政府信息公开", `${OFFICE}/disclosure`],
  ["公开指南", `${OFFICE}/disclosure/guide`],
  ["公开目录", `${OFFICE}/disclosure/catalogue`],
  ["信息检索", `${OFFICE}/disclosure/search`],
  ["依申请公开", `${OFFICE}/requests`],
  ["申请查询", `${OFFICE}/requests/track`],
  // The annual-report plugin's pages, in the slot of the catalogue's 年度报告 category (enabled in every demo office).
  ["年度报告", `${OFFICE}/annual-report`],
  ["开放数据", `${OFFICE}/disclosure/open-data`],
] as const;

let server: AttackServer;

async function get(path: string): Promise<{ status: number; html: string }> {
  const res = await fetch(`${server.baseUrl}${path}`, { headers: { "accept-language": "zh-CN" } });
  return { status: res.status, html: await res.text() };
}

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'").replace(/&amp;/g, "&");

/** The main navigations of a page: each as its links [label, href, aria-current]. */
function mainNavs(html: string): [string, string, string | null][][] {
  return [...html.matchAll(/<nav[^>]*aria-label="主导航"[^>]*>([\s\S]*?)<\/nav>/g)].map((m) =>
    [...m[1]!.matchAll(/<a ([^>]*)>([\s\S]*?)<\/a>/g)].map((a) => [text(a[2]!), /href="([^"]*)"/.exec(a[1]!)![1]!, /aria-current="([^"]*)"/.exec(a[1]!)?.[1] ?? null]),
  );
}

function breadcrumbs(html: string): string[] {
  const nav = /<nav[^>]*aria-label="当前位置"[^>]*>([\s\S]*?)<\/nav>/.exec(html);
  return nav ? [...nav[1]!.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((li) => text(li[1]!)) : [];
}

const main = (html: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)![1]!;

function footer(html: string): string {
  return text(/<footer[^>]*>([\s\S]*?)<\/footer>/.exec(html)?.[1] ?? "");
}

describe("one public site per office", () => {
  beforeAll(async () => {
    await ensureBuild();
    server = await startAttackServer();
  }, 600_000);
  afterAll(async () => server?.close());

  const pages: [string, string | null][] = [
    [OFFICE, null],
    ...NAV.map(([label, href]) => [href, label] as [string, string]),
    [`${OFFICE}/requests/new`, "依申请公开"],
    [`${OFFICE}/annual-report/${chinaYear() - 1}`, "年度报告"],
  ];

  it.each(pages)("%s has the one navigation, in order, with its entry current, and the office's footer", async (path, current) => {
    const { status, html } = await get(path);
    expect(status).toBe(200);
    const navs = mainNavs(html);
    expect(navs).toHaveLength(1);
    expect(navs[0]!.map(([label, href]) => [label, href])).toEqual(NAV.map(([l, h]) => [l, h]));
    const marked = navs[0]!.filter(([, , c]) => c !== null);
    if (current === null) {
      expect(marked).toEqual([]);
    } else {
      expect(marked.map(([label]) => label)).toEqual([current]);
      // The entry itself is the page; a page below it (the application form, a year's report) marks its section, not as the page.
      expect(marked[0]![2]).toBe(NAV.some(([, href]) => href === path) ? "page" : "true");
    }
    expect((html.match(/class="skip-link"/g) ?? []).length).toBe(1);
    const foot = footer(html);
    expect(foot).toContain("政府信息公开工作机构");
    expect(foot).toContain("示范市东湖区湖滨路16号");
    expect(foot).toContain("0799-8000020");
    expect(foot).toContain("gongkai@donghu.example.gov.cn");
    expect(foot).toContain("工作人员登录");
  });

  it("the request pages reach the portal, and the portal reaches 申请查询", async () => {
    const { html } = await get(`${OFFICE}/requests/track`);
    expect(html).toContain(`href="${OFFICE}/disclosure"`);
    const portal = await get(`${OFFICE}/disclosure`);
    expect(portal.html).toContain(`href="${OFFICE}/requests/track"`);
  });

  it("依申请公开 is a page of its own: who may apply, how, the time limits, the office's channels, links to apply and track", async () => {
    const { status, html } = await get(`${OFFICE}/requests`);
    expect(status).toBe(200);
    const body = text(main(html));
    expect(body).toContain("依申请公开");
    expect(body).toContain("谁可以申请");
    expect(body).toContain("20个工作日");
    expect(body).toContain("7个工作日");
    expect(body).toContain("当面提交");
    expect(body).toContain("示范市东湖区湖滨路16号");
    expect(body).toContain("0799-8000021");
    expect(html).toContain(`href="${OFFICE}/requests/new"`);
    expect(html).toContain(`href="${OFFICE}/requests/track"`);
  });

  it("breadcrumbs: office home › section › the page's own crumbs; none on the office home", async () => {
    expect(breadcrumbs((await get(OFFICE)).html)).toEqual([]);
    expect(breadcrumbs((await get(`${OFFICE}/disclosure/guide`)).html)).toEqual(["本机关首页", "公开指南"]);
    expect(breadcrumbs((await get(`${OFFICE}/requests/new`)).html)).toEqual(["本机关首页", "依申请公开", "政府信息公开申请"]);
    const catalogue = main((await get(`${OFFICE}/disclosure/catalogue`)).html);
    const href = /href="(\/t\/demo-donghu\/disclosure\/categories\/(?!annual-report")[^"]+)"/.exec(catalogue)![1]!;
    const category = breadcrumbs((await get(href)).html);
    expect(category.slice(0, 2)).toEqual(["本机关首页", "政府信息公开"]);
    expect(category.length).toBeGreaterThanOrEqual(3);
    const portal = main((await get(`${OFFICE}/disclosure`)).html);
    const item = /href="(\/t\/demo-donghu\/disclosure\/items\/[^"]+)"/.exec(portal)![1]!;
    const itemPage = await get(item);
    const crumbs = breadcrumbs(itemPage.html);
    expect(crumbs.slice(0, 2)).toEqual(["本机关首页", "政府信息公开"]);
    expect(crumbs.at(-1)).toBe(text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(itemPage.html)![1]!));
    expect(itemPage.html).toMatch(/<span aria-current="page">/);
  });

  it("the navigation speaks the reader's language", async () => {
    const res = await fetch(`${server.baseUrl}${OFFICE}/disclosure?lng=en`);
    const html = await res.text();
    const nav = /<nav[^>]*aria-label="Main navigation"[^>]*>([\s\S]*?)<\/nav>/.exec(html)![1]!;
    expect(text(nav)).toContain("Track a request");
    expect(text(nav)).toContain("Annual reports");
    expect(footer(html)).toContain("Government information disclosure office");
  });

  it.each([`${OFFICE}/no/such/page`, `${OFFICE}/disclosure/items/00000000-0000-4000-8000-000000000000`, `${OFFICE}/requests/nope`])(
    "%s is a 404 inside the office's frame",
    async (path) => {
      const { status, html } = await get(path);
      expect(status).toBe(404);
      expect(mainNavs(html)).toHaveLength(1);
      expect(footer(html)).toContain("0799-8000020");
      expect(text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!)).toBe("页面不存在");
      expect(breadcrumbs(html)).toEqual(["本机关首页", "页面不存在"]);
      expect(html).toMatch(/<code>[^<]+<\/code>/); // the request id
      expect(html).not.toMatch(/aria-current="page"[^>]*>(?!页面不存在)/);
    },
  );

  it("an office that does not exist gets the platform's 404, not an office frame", async () => {
    const { status, html } = await get("/t/no-such-office/disclosure");
    expect(status).toBe(404);
    expect(mainNavs(html)).toHaveLength(0);
    expect(html).not.toContain("政府信息公开工作机构");
    expect(html).toContain("页面不存在");
  });
});

describe("public navigation entries", () => {
  const entries: PluginNavEntry[] = [
    { pluginId: "disclosure", label: "disclosure:nav.portal", to: "", order: 100 },
    { pluginId: "disclosure", key: "disclosure.annual-report", label: "disclosure:nav.annualReports", to: "categories/annual-report", order: 300 },
    { pluginId: "requests", label: "requests:nav.track", to: "track", order: 210 },
    { pluginId: "annual-report", label: "annual-report:nav.reports", to: "", order: 300, replaces: "disclosure.annual-report" },
  ];

  it("lists only the enabled plugins' entries, by order", () => {
    expect(tenantNav([], entries, ["disclosure", "requests"], "public").map((e) => e.to)).toEqual(["disclosure", "requests/track", "disclosure/categories/annual-report"]);
    expect(tenantNav([], entries, ["requests"], "public").map((e) => e.to)).toEqual(["requests/track"]);
  });

  it("a plugin's entry replaces another's by key only where both are enabled", () => {
    expect(tenantNav([], entries, ["disclosure", "annual-report"], "public").map((e) => e.to)).toEqual(["disclosure", "annual-report"]);
    expect(tenantNav([], entries, ["annual-report"], "public").map((e) => e.to)).toEqual(["annual-report"]);
  });

  it("a manifest's nav key must carry its plugin's id", () => {
    const manifest = (key: string) => ({
      id: "annual-report",
      version: "0.1.0",
      host: "^0.1.0",
      name: "annual-report:name",
      locales: { "zh-CN": {}, "zh-TW": {}, en: {} },
      nav: [{ area: "public", label: "annual-report:nav.reports", to: "", order: 300, key, replaces: "disclosure.annual-report" }],
    });
    expect(() => validateManifest("annual-report", manifest("annual-report.reports"))).not.toThrow();
    expect(() => validateManifest("annual-report", manifest("disclosure.annual-report"))).toThrow('plugins/annual-report/manifest.ts: nav.0.key: "disclosure.annual-report" must start with "annual-report."');
  });

  it("a page sits under the entry with the longest whole-segment prefix of its path", () => {
    const nav = NAV.map(([label, to]) => ({ label, to }));
    expect(sectionOf(nav, `${OFFICE}/requests/new`)).toEqual({ entry: { label: "依申请公开", to: `${OFFICE}/requests` }, exact: false });
    expect(sectionOf(nav, `${OFFICE}/requests/track/`)?.exact).toBe(true);
    expect(sectionOf(nav, `${OFFICE}/annual-report/2025`)?.entry.label).toBe("年度报告");
    expect(sectionOf(nav, `${OFFICE}/disclosure/categories/annual-report`)?.entry.label).toBe("政府信息公开");
    expect(sectionOf(nav, `${OFFICE}/disclosure/categories/quality`)?.entry.label).toBe("政府信息公开");
    expect(sectionOf(nav, `${OFFICE}/disclosurex`)).toBeNull();
    expect(sectionOf(nav, OFFICE)).toBeNull();
  });
});
