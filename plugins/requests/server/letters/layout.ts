/** The 公文 page (GB/T 9704-2012) is the national standard, kept in the plugin API for every plugin's documents. */
export { GBT9704 } from "../../../../app/plugin-api/gongwen.server";

/** A paragraph without the two full-width spaces Chinese text indents with: the layout indents it. */
export const indentless = (p: string) => p.replace(/^[\u3000 ]+/, "");
