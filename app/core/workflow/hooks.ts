import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import type { StaffContext } from "../tenancy/staff.server";
import type { WorkflowDocument } from "./service.server";

export type DocumentEvent = "onApproved" | "onPublished";

/**
 * Calls the declaring plugin's hook for a document that was just approved or published, inside the
 * transaction of that decision: if the hook throws, the decision is undone with it. The plugin
 * host provides it (core never imports plugin code).
 */
export type DocumentHookRunner = (trx: Transaction<CoreDatabase>, ctx: StaffContext, doc: WorkflowDocument, event: DocumentEvent) => Promise<void>;
