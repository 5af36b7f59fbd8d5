import { definePlugin } from "../../app/plugin-api";
import * as reports from "./db/0001_reports";
import * as pastReportApproval from "./db/0002_past_report_approval";
import { locales } from "./locales";
import { onPastReportApproved } from "./server/publish/past-report.server";
import { onReportApproved } from "./server/publish/publish.server";
import { reportsDue } from "./server/inbox.server";
import { seedReports } from "./server/seed.server";
import { describeReport } from "./server/workflow/describe.server";
import { DEADLINE_CLOCK } from "./server/workflow/deadline-clock";
import { REPORT_TYPE, ReportPayload } from "./server/workflow/document";
import { PAST_REPORT_TYPE, PastReportPayload } from "./server/workflow/past-report-document";
import { widgets } from "./server/widgets.server";

const STAFF = ["drafter", "dept_reviewer", "classifier", "leader", "principal", "supervisor", "viewer"] as const;

/**
 * 政府信息公开工作年度报告 (条例第四十九条、第五十条; format 国办公开办函〔2021〕30号): the tables computed
 * from every enabled plugin's report figures, manual cells with their sources, the narrative, checks,
 * approval through the office's chain with 保密审查, publication into the catalogue under 年度报告 with
 * its 索引号 by 31 January. Staff pages under routes/admin, public pages under routes/public.
 */
export default definePlugin({
  id: "annual-report",
  version: "0.1.0",
  host: "^0.1.0",
  name: "annual-report:name",
  description: "annual-report:description",
  routes: [
    // Public, /t/:tenant/annual-report/…: every year's report, the year's report as published, its Word file, a past year's kept file.
    { area: "public", path: "", file: "routes/public/index.tsx" },
    { area: "public", path: ":year", file: "routes/public/year.tsx" },
    { area: "public", path: ":year/report.docx", file: "routes/public/report-docx.ts" },
    { area: "public", path: ":year/past-report", file: "routes/public/past-file.ts" },
    // Staff, /t/:tenant/admin/annual-report/…: the years and their status; the year's report as drafted (its forms check the draft permission).
    { area: "admin", path: "", file: "routes/admin/index.tsx", permission: "annual-report.reports.view" },
    { area: "admin", path: ":year", file: "routes/admin/year.tsx", permission: "annual-report.reports.view" },
    // The city's consolidation: each office under it with its report's status, tables 二, 三 and 四 summed with each office's part.
    { area: "admin", path: "consolidation/:year", file: "routes/admin/consolidation.tsx", permission: "core.oversight.view" },
  ],
  nav: [
    // 年度报告 in the office's public navigation, in the slot of the catalogue's 年度报告 category where this plugin is enabled.
    { area: "public", key: "annual-report.reports", label: "annual-report:nav.reports", to: "", order: 300, replaces: "disclosure.annual-report" },
    { area: "admin", label: "annual-report:nav.reports", to: "", permission: "annual-report.reports.view", order: 400 },
  ],
  permissions: [
    { key: "annual-report.reports.view", label: "annual-report:permissions.view", defaultRoles: [...STAFF] },
    { key: "annual-report.reports.draft", label: "annual-report:permissions.draft", defaultRoles: ["drafter"] },
  ],
  migrations: { "0001_reports": reports, "0002_past_report_approval": pastReportApproval },
  documentTypes: [
    {
      key: REPORT_TYPE,
      label: "annual-report:documentTypes.report",
      requiresClassification: true,
      payload: ReportPayload,
      proposedAttribute: () => "proactive",
      describe: describeReport,
      onApproved: onReportApproved,
      approvedMessage: "annual-report:documentTypes.published",
    },
    {
      key: PAST_REPORT_TYPE,
      label: "annual-report:documentTypes.pastReport",
      requiresClassification: true,
      payload: PastReportPayload,
      proposedAttribute: () => "proactive",
      onApproved: onPastReportApproved,
      approvedMessage: "annual-report:documentTypes.pastPublished",
    },
  ],
  auditEvents: ["annual-report.report.start", "annual-report.report.save", "annual-report.report.submit", "annual-report.report.publish", "annual-report.report.correct", "annual-report.past_file.add", "annual-report.past_file.publish"],
  clockKinds: [DEADLINE_CLOCK],
  // The report due by the coming 31 January, from December, and a late one, in the drafter's 收件箱.
  inbox: [{ key: "annual-report.due", label: "annual-report:inbox.title", permission: "annual-report.reports.draft", list: (ctx) => reportsDue(ctx) }],
  // Last year's report, published or late, per office on the dashboard and summed on the oversight page.
  widgets,
  locales,
  seed: seedReports,
  // The demo's reports are of the year's catalogue and applications: those plugins' demo data first.
  seedAfter: ["disclosure", "requests"],
});
