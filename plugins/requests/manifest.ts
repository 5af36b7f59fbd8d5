import { definePlugin } from "../../app/plugin-api";
import * as requestsTables from "./db/0001_requests";
import * as applicantLocale from "./db/0002_applicant_locale";
import * as listIndex from "./db/0003_list_index";
import * as unreceivedWithdrawal from "./db/0004_unreceived_withdrawal";
import * as replyFiles from "./db/0006_reply_files";
import { REPLY_CLOCK } from "./law/reply-clock";
import { locales } from "./locales";
import { describeNotice } from "./server/describe.server";
import { NOTICE_TYPE, NoticePayload, REPLY_TYPE, ReplyPayload } from "./server/notice-schema";
import { onNoticeApproved, onReplyApproved } from "./server/notices.server";
import { reportFigures, widgets } from "./server/figures.server";
import { seedRequests } from "./server/seed.server";
import { urgentApplications } from "./server/staff/inbox.server";
import { RequestsSettings } from "./server/settings";

const STAFF = ["drafter", "dept_reviewer", "classifier", "leader", "principal", "requests_officer", "supervisor", "viewer"] as const;

/**
 * 依申请公开 (条例 Art 29–45): the public application and tracking pages, registration by staff,
 * the reply clock on the core ledger, notices and replies through the approval workflow, fees,
 * appeals, and the figures of annual report tables 三 and 四.
 */
export default definePlugin({
  id: "requests",
  version: "0.1.0",
  host: "^0.1.0",
  name: "requests:name",
  description: "requests:description",
  routes: [
    // Public, /t/:tenant/requests/…
    { area: "public", path: "", file: "routes/public/index.tsx" },
    { area: "public", path: "new", file: "routes/public/apply.tsx" },
    { area: "public", path: "track", file: "routes/public/track.tsx" },
    { area: "public", path: "track/file", file: "routes/public/reply-file.ts" },
    // Staff, /t/:tenant/admin/requests/…
    { area: "admin", path: "", file: "routes/admin/applications.tsx", permission: "requests.applications.view" },
    { area: "admin", path: "register", file: "routes/admin/register.tsx", permission: "requests.applications.handle" },
    { area: "admin", path: "applications/:id", file: "routes/admin/application.tsx", permission: "requests.applications.view" },
    { area: "admin", path: "applications/:id/notices/:kind", file: "routes/admin/notice.tsx", permission: "requests.applications.handle" },
    // A notice's printable letter and its Word file; the loaders also require handling or reading applicants (letter.server.ts).
    { area: "admin", path: "applications/:id/notices/:noticeId/letter", file: "routes/admin/letter.tsx", permission: "requests.applications.view" },
    { area: "admin", path: "applications/:id/notices/:noticeId/letter/docx", file: "routes/admin/letter-docx.ts", permission: "requests.applications.view" },
    { area: "admin", path: "applications/:id/files/:fileId", file: "routes/admin/reply-file.ts", permission: "requests.applications.view" },
    { area: "admin", path: "applications/:id/published", file: "routes/admin/published.tsx", permission: "requests.applications.handle" },
  ],
  nav: [
    { area: "admin", label: "requests:nav.applications", to: "", permission: "requests.applications.view", order: 200 },
    { area: "admin", label: "requests:nav.register", to: "register", permission: "requests.applications.handle", order: 210 },
    { area: "public", label: "requests:nav.onRequest", to: "", order: 200 },
    { area: "public", label: "requests:nav.track", to: "track", order: 210 },
  ],
  permissions: [
    { key: "requests.applications.view", label: "requests:permissions.view", defaultRoles: [...STAFF] },
    { key: "requests.applications.handle", label: "requests:permissions.handle", defaultRoles: ["requests_officer"] },
    { key: "requests.applicants.read", label: "requests:permissions.readApplicant", defaultRoles: ["requests_officer", "principal"] },
    { key: "requests.appeals.manage", label: "requests:permissions.appeals", defaultRoles: ["requests_officer", "principal"] },
  ],
  // 依申请公开专员: enters the workspace like every business role; holds the plugin's permissions above.
  roles: [{ key: "requests_officer", label: "requests:roles.officer", description: "requests:roles.officerDescription" }],
  migrations: { "0001_requests": requestsTables, "0002_applicant_locale": applicantLocale, "0003_list_index": listIndex, "0004_unreceived_withdrawal": unreceivedWithdrawal, "0006_reply_files": replyFiles },
  documentTypes: [
    // 补正, 延期, 征求意见 and 收费 notices: no material is released, so no 保密审查.
    { key: NOTICE_TYPE, label: "requests:documentTypes.notice", requiresClassification: false, drafterRole: "requests_officer", payload: NoticePayload, describe: describeNotice, onApproved: onNoticeApproved, approvedMessage: "requests:documentTypes.noticeSent" },
    // A reply is sent to its applicant, never published: 保密审查 records its declaration, no 公开属性.
    { key: REPLY_TYPE, label: "requests:documentTypes.reply", requiresClassification: true, requiresAttribute: false, drafterRole: "requests_officer", payload: ReplyPayload, describe: describeNotice, onApproved: onReplyApproved, approvedMessage: "requests:documentTypes.replySent" },
  ],
  auditEvents: [
    "requests.application.submit",
    "requests.application.register",
    "requests.application.confirm",
    "requests.applicant.read",
    "requests.notice.draft",
    "requests.notice.send",
    "requests.supplement.receive",
    "requests.consultation.answer",
    "requests.fee.paid",
    "requests.application.close",
    "requests.appeal.record",
    "requests.appeal.decide",
    "requests.reply_file.upload",
    "requests.reply_file.download",
    "requests.reply.already_published",
  ],
  settings: { schema: RequestsSettings },
  reportFigures,
  clockKinds: [REPLY_CLOCK],
  widgets,
  inbox: [{ key: "requests.urgent", label: "requests:inbox.title", permission: "requests.applications.handle", list: urgentApplications }],
  locales,
  seed: seedRequests,
});
