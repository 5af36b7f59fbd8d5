/**
 * The plugin test kit: what a plugin's `tests/` import from the host, besides `app/plugin-api`
 * itself (and its `loaders.server`, `files.server`, `rich-text.server`, `ui`). Start with
 * `openTestbed({ plugins: ["<id>"] })`; tests/unit/plugin-tests-imports.test.ts keeps plugin tests
 * from importing anything else of the host, or another plugin.
 */
export { openTestbed, type Member, type Testbed, type TestbedOptions } from "./testbed";
export { loadPlugins, type TestPlugin } from "./plugins";
export { createTenantTree, enablePlugin, openTestDatabase, testCreditCode, uniq, type TenantTree } from "./database";
export { createUser, signedInRequest, testContext, TEST_PASSWORD } from "./accounts";
export { audited, formBody, runAction, statusOf, type Posted } from "./routes";
export { load, post } from "./calls";
export {
  actOn,
  approveChain,
  classify,
  decideFinding,
  documentOf,
  documentPage,
  draftDocument,
  recordReview,
  reviewOf,
  type ClassifyOptions,
  type DocumentView,
  type FindingDecision,
  type ReviewRecord,
  type ReviewState,
  type StepResult,
  type WorkflowDocument,
  type WorkflowResult,
} from "./workflow";
export { inboxSections, pluginRequest, publicSearch, reportContext, widgetContext, widgetValues, type InboxSection, type SearchResults, type WidgetResult } from "./host";
/** Test data and host checks a plugin's tests compare against. */
export { idNumberCheckChar } from "../../core/classification/checksums";
export { packageYears } from "../../core/calendar/holiday-data";
/** The State Council calendar without platform overrides, for unit tests of a clock kind's rules. */
export { WorkCalendar } from "../../core/calendar/work-calendar";
export { validateSettings } from "../../plugin-host/settings-form";
/** The twelve months a series widget is asked for (`YYYY-MM`, oldest first), as the host passes them. */
export { lastTwelveMonths } from "../../plugin-host/widgets.server";
