import { definePlugin } from "../../app/plugin-api";
import * as reports from "./db/0001_reports";
import { locales } from "./locales";
import { onReportApproved } from "./server/publish/publish.server";
import { DEADLINE_CLOCK } from "./server/workflow/deadline-clock";
import { REPORT_TYPE, ReportPayload } from "./server/workflow/document";

const STAFF = ["drafter", "dept_reviewer", "classifier", "leader", "principal", "supervisor", "viewer"] as const;

/**
 * 政府信息公开工作年度报告 (条例第四十九条、第五十条; format 国办公开办函〔2021〕30号): the tables computed
 * from every enabled plugin's report figures, manual cells with their sources, the narrative, checks,
 * approval through the office's chain with 保密审查, publication into the catalogue under 年度报告 with
 * its 索引号 by 31 January. Pages come with the next session: no routes or menu entries yet.
 */
export default definePlugin({
  id: "annual-report",
  version: "0.1.0",
  host: "^0.1.0",
  name: "annual-report:name",
  description: "annual-report:description",
  permissions: [
    { key: "annual-report.reports.view", label: "annual-report:permissions.view", defaultRoles: [...STAFF] },
    { key: "annual-report.reports.draft", label: "annual-report:permissions.draft", defaultRoles: ["drafter"] },
  ],
  migrations: { "0001_reports": reports },
  documentTypes: [
    {
      key: REPORT_TYPE,
      label: "annual-report:documentTypes.report",
      requiresClassification: true,
      payload: ReportPayload,
      proposedAttribute: () => "proactive",
      onApproved: onReportApproved,
      approvedMessage: "annual-report:documentTypes.published",
    },
  ],
  auditEvents: ["annual-report.report.start", "annual-report.report.save", "annual-report.report.submit", "annual-report.report.publish", "annual-report.report.correct", "annual-report.past_file.add"],
  clockKinds: [DEADLINE_CLOCK],
  locales,
});
