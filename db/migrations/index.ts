import type { Migration } from "kysely";
import * as scope from "./0001_scope";
import * as tenancyAccounts from "./0002_tenancy_accounts";
import * as audit from "./0003_audit";
import * as tenantPlugins from "./0004_tenant_plugins";
import * as calendarOverrides from "./0005_calendar_overrides";
import * as sequences from "./0006_sequences";
import * as search from "./0007_search";
import * as workflow from "./0008_workflow";
import * as sensitiveWords from "./0009_sensitive_words";
import * as reviewPublicationClocks from "./0010_review_publication_clocks";
import * as rateLimits from "./0011_rate_limits";
import * as loginThrottleIntoRateLimits from "./0012_login_throttle_into_rate_limits";
import * as searchMatchLeakproof from "./0013_search_match_leakproof";
import * as separationOfDuties from "./0014_separation_of_duties";
import * as credentials from "./0015_credentials";
import * as calendarNoticeYear from "./0016_calendar_notice_year";
import * as searchReference from "./0017_search_reference";
import * as readTenantsOnce from "./0018_read_tenants_once";
import * as reviewAttributeOptional from "./0019_review_attribute_optional";

/** Core migrations, frozen in time: never edit one that has shipped; add the next. */
export const coreMigrations: Record<string, Migration> = {
  "0001_scope": scope,
  "0002_tenancy_accounts": tenancyAccounts,
  "0003_audit": audit,
  "0004_tenant_plugins": tenantPlugins,
  "0005_calendar_overrides": calendarOverrides,
  "0006_sequences": sequences,
  "0007_search": search,
  "0008_workflow": workflow,
  "0009_sensitive_words": sensitiveWords,
  "0010_review_publication_clocks": reviewPublicationClocks,
  "0011_rate_limits": rateLimits,
  "0012_login_throttle_into_rate_limits": loginThrottleIntoRateLimits,
  "0013_search_match_leakproof": searchMatchLeakproof,
  "0014_separation_of_duties": separationOfDuties,
  "0015_credentials": credentials,
  "0016_calendar_notice_year": calendarNoticeYear,
  "0017_search_reference": searchReference,
  "0018_read_tenants_once": readTenantsOnce,
  "0019_review_attribute_optional": reviewAttributeOptional,
};
