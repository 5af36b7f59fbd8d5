import { RoleCatalogue } from "../../app/core/permissions/role-catalogue";
import { discoverPlugins } from "../../app/plugin-host/discover";

/** The office whose users attack, the office attacked (its private data carries the canaries), and their city. */
export const ATTACKER = "demo-donghu";
export const VICTIM = "demo-xishan";
export const CITY = "demo-city";
export const OFFICES = ["demo-city", "demo-donghu", "demo-xishan", "demo-nanling"] as const;

export interface Role {
  /** "anonymous" or a demo account name. */
  name: string;
  username: string | null;
  platform: boolean;
  /** The office its pages are first read in (forms and ids to replay come from there). */
  home: string;
  /** Offices whose rows nothing this role sends may change; PLATFORM_TABLES adds the global tables. */
  protectedOffices: readonly string[];
  /** Offices whose private data it may read (its own; the city supervisor reads every branch office). */
  reads: readonly string[];
}

const others = (own: string) => OFFICES.filter((o) => o !== own);

/** Core's roles and every role the plugins declare: the demo gives each office one account per role. */
const BUSINESS_ROLES = new RoleCatalogue((await discoverPlugins()).roles()).keys();

/**
 * Who attacks: a visitor, each business role of one branch office, the city supervisor (who reads
 * every branch but may write in none), and the three platform administrators.
 */
export const ROLES: Role[] = [
  { name: "anonymous", username: null, platform: false, home: ATTACKER, protectedOffices: OFFICES, reads: [] },
  ...BUSINESS_ROLES.map((r) => ({
    name: `donghu.${r}`,
    username: `donghu.${r}`,
    platform: false,
    home: ATTACKER,
    protectedOffices: others(ATTACKER),
    reads: [ATTACKER],
  })),
  { name: "city.supervisor", username: "city.supervisor", platform: false, home: VICTIM, protectedOffices: others(CITY), reads: OFFICES },
  ...["sysadmin", "secadmin", "auditor"].map((r) => ({
    name: `platform.${r}`,
    username: `platform.${r}`,
    platform: true,
    home: ATTACKER,
    protectedOffices: OFFICES,
    reads: [],
  })),
];

/** The victim office's own staff, whose pages give the ids of the right kind to attack with. */
export const VICTIM_READERS = ["xishan.drafter", "xishan.dept_reviewer", "xishan.requests_officer", "xishan.principal"];
