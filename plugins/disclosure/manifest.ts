import { z } from "zod";
import { definePlugin } from "../../app/plugin-api";
import * as disclosureTables from "./db/0001_disclosure";
import * as itemCounts from "./db/0002_item_counts";
import * as issuerIndex from "./db/0003_issuer_index";
import * as itemSummary from "./db/0004_item_summary";
import * as bodyParagraphs from "./db/0005_body_paragraphs";
import * as importJobs from "./db/0006_import_jobs";
import * as fedItems from "./db/0007_fed_items";
import { locales } from "./locales";
import { describeItem } from "./server/describe.server";
import { IMPORT_TYPE, ImportPayload } from "./server/import/batch-schema";
import { describeBatch } from "./server/import/describe-batch.server";
import { onBatchPublished } from "./server/import/publish-batch.server";
import { lateThisYear, listCompleteness, publishedThisYear, tableTwoSection } from "./server/figures.server";
import { ITEM_TYPE, ItemPayload } from "./server/item-schema";
import { onTimeByMonth, onTimeThisYear, publishedByMonth } from "./server/figures-series.server";
import { reportFactsSection } from "./server/figures/report-facts.server";
import { isNewItem, onPublished } from "./server/publish.server";
import { catalogueOffer } from "./server/feed.server";
import { seedDisclosure } from "./server/seed.server";

const STAFF = ["drafter", "dept_reviewer", "classifier", "leader", "principal", "requests_officer", "supervisor", "viewer"] as const;

/**
 * 政府信息公开: the catalogue (目录), disclosure items through the approval workflow, the
 * disclosure list (清单) with timeliness, the public portal, feeds and the open-data API.
 */
export default definePlugin({
  id: "disclosure",
  version: "0.1.0",
  host: "^0.1.0",
  name: "disclosure:name",
  description: "disclosure:description",
  routes: [
    // Public portal, /t/:tenant/disclosure/…
    { area: "public", path: "", file: "routes/public/portal.tsx" },
    { area: "public", path: "guide", file: "routes/public/guide.tsx" },
    { area: "public", path: "catalogue", file: "routes/public/catalogue.tsx" },
    { area: "public", path: "categories/:key", file: "routes/public/category.tsx" },
    { area: "public", path: "items/:id", file: "routes/public/item.tsx" },
    { area: "public", path: "search", file: "routes/public/search.tsx" },
    { area: "public", path: "feeds/:key", file: "routes/public/feed.ts" },
    { area: "public", path: "attachments/:id", file: "routes/public/attachment.ts" },
    { area: "public", path: "open-data", file: "routes/public/open-data.tsx" },
    // Open data, /api/v1/t/:tenant/disclosure/…
    { area: "api", path: "items", file: "routes/api/items.ts" },
    { area: "api", path: "items/:id", file: "routes/api/item.ts" },
    { area: "api", path: "items.csv", file: "routes/api/items-csv.ts" },
    { area: "api", path: "datasets/:category/:file", file: "routes/api/dataset.ts" },
    // Staff, /t/:tenant/admin/disclosure/…
    { area: "admin", path: "", file: "routes/admin/items.tsx", permission: "disclosure.items.view" },
    { area: "admin", path: "new", file: "routes/admin/editor.tsx", permission: "disclosure.items.edit" },
    { area: "admin", path: "drafts/:id", file: "routes/admin/editor.tsx", permission: "disclosure.items.edit" },
    { area: "admin", path: "items/:id", file: "routes/admin/item.tsx", permission: "disclosure.items.view" },
    { area: "admin", path: "list", file: "routes/admin/list.tsx", permission: "disclosure.items.view" },
    { area: "admin", path: "catalogue", file: "routes/admin/catalogue.tsx", permission: "disclosure.catalogue.manage" },
    { area: "admin", path: "import", file: "routes/admin/import.tsx", permission: "disclosure.items.import" },
    { area: "admin", path: "dashboard", file: "routes/admin/dashboard.tsx", permission: "disclosure.items.view" },
  ],
  nav: [
    { area: "admin", label: "disclosure:nav.items", to: "", permission: "disclosure.items.view", order: 100 },
    { area: "admin", label: "disclosure:nav.list", to: "list", permission: "disclosure.items.view", order: 110 },
    { area: "admin", label: "disclosure:nav.dashboard", to: "dashboard", permission: "disclosure.items.view", order: 120 },
    { area: "admin", label: "disclosure:nav.catalogue", to: "catalogue", permission: "disclosure.catalogue.manage", order: 130 },
    // The office's public navigation, with requests' 依申请公开 (200) and 申请查询 (210) between 信息检索 and 年度报告.
    { area: "public", label: "disclosure:nav.portal", to: "", order: 100 },
    { area: "public", label: "disclosure:nav.guide", to: "guide", order: 110 },
    { area: "public", label: "disclosure:nav.publicCatalogue", to: "catalogue", order: 120 },
    { area: "public", label: "disclosure:nav.search", to: "search", order: 130 },
    // The statutory 年度报告 category until a plugin of its own declares `replaces: "disclosure.annual-report"`.
    { area: "public", key: "disclosure.annual-report", label: "disclosure:nav.annualReports", to: "categories/annual-report", order: 300 },
    { area: "public", label: "disclosure:nav.openData", to: "open-data", order: 400 },
  ],
  permissions: [
    { key: "disclosure.items.view", label: "disclosure:permissions.view", defaultRoles: [...STAFF] },
    { key: "disclosure.items.edit", label: "disclosure:permissions.edit", defaultRoles: ["drafter"] },
    { key: "disclosure.items.import", label: "disclosure:permissions.import", defaultRoles: ["drafter"] },
    { key: "disclosure.items.withdraw", label: "disclosure:permissions.withdraw", defaultRoles: ["leader", "principal"] },
    { key: "disclosure.catalogue.manage", label: "disclosure:permissions.catalogue", defaultRoles: ["principal"] },
  ],
  migrations: { "0001_disclosure": disclosureTables, "0002_item_counts": itemCounts, "0003_issuer_index": issuerIndex, "0004_item_summary": itemSummary, "0005_body_paragraphs": bodyParagraphs, "0006_import_jobs": importJobs, "0007_fed_items": fedItems },
  documentTypes: [
    // Published on approval: a new item takes the next 索引号, a correction keeps its item's.
    { key: ITEM_TYPE, label: "disclosure:documentType", requiresClassification: true, payload: ItemPayload, describe: describeItem, proposedAttribute: (p: ItemPayload) => p.attribute, publishOnApproval: { numbered: isNewItem }, onPublished },
    // An import: one batch of checked rows through the same chain and 保密审查 as an item.
    { key: IMPORT_TYPE, label: "disclosure:importDocumentType", requiresClassification: true, payload: ImportPayload, describe: describeBatch, publishOnApproval: { numbered: false }, onPublished: onBatchPublished },
  ],
  reportFigures: [tableTwoSection, reportFactsSection],
  // Any plugin's published document in this catalogue, with its 索引号 (an annual report under 年度报告).
  extensionPoints: [catalogueOffer],
  widgets: [
    // Counts carry no direction; late items, the on-time rate and the list's coverage do.
    {
      key: "disclosure.published",
      label: "disclosure:widgets.published",
      description: "disclosure:widgets.publishedAbout",
      compute: publishedThisYear,
      series: { label: "disclosure:widgets.publishedByMonth", over: "months", compute: publishedByMonth },
    },
    {
      key: "disclosure.onTime",
      label: "disclosure:widgets.onTime",
      description: "disclosure:widgets.onTimeAbout",
      format: "percent",
      better: "higher",
      compute: (ctx, ids) => onTimeThisYear(ctx, ids),
      series: { label: "disclosure:widgets.onTimeByMonth", over: "months", compute: onTimeByMonth },
    },
    { key: "disclosure.late", label: "disclosure:widgets.late", description: "disclosure:widgets.lateAbout", better: "lower", compute: lateThisYear },
    { key: "disclosure.completeness", label: "disclosure:widgets.completeness", description: "disclosure:widgets.completenessAbout", format: "percent", better: "higher", compute: listCompleteness },
  ],
  auditEvents: [
    "disclosure.item.publish",
    "disclosure.item.correct",
    "disclosure.item.withdraw",
    "disclosure.attachment.upload",
    "disclosure.catalogue.update",
    "disclosure.list.update",
    "disclosure.import.run",
  ],
  settings: {
    schema: z.object({
      // 公开指南 (条例第十二条): the office's own words before the standing text; its address,
      // hours, phone, fax and e-mail are the tenant's contact settings (ctx.tenant.contact).
      guideIntro: z.string().max(2000).default(""),
    }),
  },
  locales,
  seed: seedDisclosure,
});
