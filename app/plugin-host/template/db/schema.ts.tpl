import type { Generated } from "kysely";

/** The plugin's tables as Kysely sees them (the migrations are the source of truth): every context's transaction is typed by it. */
export type NotesDatabase = {
  __TABLE___notes: {
    tenant_id: string;
    id: Generated<string>;
    body: string;
    is_public: Generated<boolean>;
    created_by: string | null;
    created_at: Generated<Date>;
  };
};
