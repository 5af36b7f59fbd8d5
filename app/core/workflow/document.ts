import type { Selectable } from "kysely";
import type { WorkflowDocumentsTable } from "../../../db/schema";

/** A workflow document as read from its row; its own module so the review need not import the workflow service. */
export type WorkflowDocument = Selectable<WorkflowDocumentsTable>;
