import type { Kysely } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { DEFAULT_PASSWORD_HISTORY } from "../auth/accounts.server";
import { passwordProblems } from "../auth/password-policy";
import { PLATFORM_ROLES } from "../permissions/roles";
import { oneTimePassword } from "./one-time-password";
import {
  createPlatformAdmin,
  grantPlatformRole,
  listPlatformAdmins,
  OperatorRefusal,
  parseRole,
  resetAccountSecondFactor,
  resetPlatformPassword,
  revokePlatformRole,
  setPlatformAdminDisabled,
  unlockPlatformAdmin,
} from "./platform-admins.server";

export const USAGE = `Usage: npm run platform -- <command>

  list                                        the platform administrators and their state
  create <username> <${PLATFORM_ROLES.join("|")}> [--name <display name>] [--password-stdin]
  grant <username> <${PLATFORM_ROLES.join("|")}>          give an existing account (no office memberships) a platform role
  revoke <username>                           take the platform role away (the account stays, as office staff)
  reset-password <username> [--password-stdin]
  unlock <username>
  reset-second-factor <username>              any account whose holder lost both phone and recovery codes:
                                              clears the authenticator and recovery codes and ends the sessions;
                                              where a second factor is required, the next sign-in sets up a new one
  disable <username> | enable <username>

Without --password-stdin, create and reset-password print a generated one-time password.
Runs on the database the environment names (DATABASE_URL, else the embedded one in GONGKAI_DATA_DIR),
as its owner; every change is one transaction, audited on the platform chain with you as actor.`;

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  /** The whole of standard input, for --password-stdin. */
  readStdin(): Promise<string>;
}

/** Settings the commands follow (from the configuration, as the server does). */
export interface CommandSettings {
  /** PASSWORD_HISTORY: a reset password may not be one of the account's last this many. */
  passwordHistory: number;
}

class UsageError extends Error {}

/** Positional arguments and the two options; anything else is a usage error. */
function parseArgs(argv: readonly string[]) {
  const positional: string[] = [];
  let name: string | undefined;
  let passwordStdin = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--password-stdin") passwordStdin = true;
    else if (a === "--name") {
      name = argv[++i];
      if (!name?.trim()) throw new UsageError("--name needs a value.");
    } else if (a.startsWith("--")) throw new UsageError(`Unknown option ${a}.`);
    else positional.push(a);
  }
  return { positional, name: name?.trim(), passwordStdin };
}

function expectArgs(positional: string[], count: number): string[] {
  if (positional.length !== count + 1) throw new UsageError(`${positional[0]} takes ${count} argument${count === 1 ? "" : "s"}.`);
  return positional.slice(1);
}

/** The password to set: read from standard input (first line), or generated and printed once. */
async function passwordFor(username: string, fromStdin: boolean, io: CommandIo): Promise<{ password: string; generated: boolean }> {
  if (fromStdin) {
    const password = (await io.readStdin()).split(/\r?\n/)[0] ?? "";
    if (!password) throw new OperatorRefusal("No password on standard input.");
    return { password, generated: false };
  }
  let password = oneTimePassword();
  while (passwordProblems(password, username).length) password = oneTimePassword();
  return { password, generated: true };
}

function printGenerated(io: CommandIo, username: string, password: string) {
  io.out(`One-time password for ${username}: ${password}`);
  io.out("Hand it over in person or through a secure channel; its holder must replace it at first sign-in.");
}

/** Runs one command; returns the exit code (0 done, 1 refused, 2 usage). */
export async function runPlatformCommand(
  db: Kysely<CoreDatabase>,
  operator: string,
  argv: readonly string[],
  io: CommandIo,
  settings: CommandSettings = { passwordHistory: DEFAULT_PASSWORD_HISTORY },
): Promise<number> {
  try {
    const { positional, name, passwordStdin } = parseArgs(argv);
    const command = positional[0];
    switch (command) {
      case "list": {
        expectArgs(positional, 0);
        const admins = await listPlatformAdmins(db);
        if (!admins.length) io.out("No platform administrators yet: create them with npm run platform -- create <username> <role>.");
        for (const a of admins) {
          const state = a.disabled ? "disabled" : a.lockedUntil && a.lockedUntil > new Date() ? `locked until ${a.lockedUntil.toISOString()}` : "active";
          io.out(`${a.role.padEnd(9)} ${a.username.padEnd(24)} ${state.padEnd(10)} ${a.displayName}`);
        }
        return 0;
      }
      case "create": {
        const [username, roleName] = expectArgs(positional, 2) as [string, string];
        const role = parseRole(roleName);
        const { password, generated } = await passwordFor(username.toLowerCase(), passwordStdin, io);
        await createPlatformAdmin(db, operator, { username, displayName: name ?? username, role, password, mustChange: true });
        io.out(`Created ${username.toLowerCase()} as ${role}.`);
        if (generated) printGenerated(io, username.toLowerCase(), password);
        return 0;
      }
      case "grant": {
        const [username, roleName] = expectArgs(positional, 2) as [string, string];
        const role = parseRole(roleName);
        await grantPlatformRole(db, operator, username, role);
        io.out(`${username} now holds ${role}; their sessions were ended.`);
        return 0;
      }
      case "revoke": {
        const [username] = expectArgs(positional, 1) as [string];
        const role = await revokePlatformRole(db, operator, username);
        io.out(`${username} no longer holds ${role}; their sessions were ended.`);
        return 0;
      }
      case "reset-password": {
        const [username] = expectArgs(positional, 1) as [string];
        const { password, generated } = await passwordFor(username.toLowerCase(), passwordStdin, io);
        await resetPlatformPassword(db, operator, username, password, settings.passwordHistory);
        io.out(`The password of ${username} was reset and their sessions ended.`);
        if (generated) printGenerated(io, username.toLowerCase(), password);
        return 0;
      }
      case "unlock": {
        const [username] = expectArgs(positional, 1) as [string];
        await unlockPlatformAdmin(db, operator, username);
        io.out(`${username} was unlocked.`);
        return 0;
      }
      case "reset-second-factor": {
        const [username] = expectArgs(positional, 1) as [string];
        await resetAccountSecondFactor(db, operator, username);
        io.out(`The second factor of ${username} was cleared with its recovery codes, and their sessions ended.`);
        io.out("Where one is required, the next sign-in with their password sets up a new authenticator.");
        return 0;
      }
      case "disable":
      case "enable": {
        const [username] = expectArgs(positional, 1) as [string];
        await setPlatformAdminDisabled(db, operator, username, command === "disable");
        io.out(`${username} was ${command}d${command === "disable" ? " and signed out everywhere" : ""}.`);
        return 0;
      }
      default:
        throw new UsageError(command ? `Unknown command ${command}.` : "No command given.");
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof OperatorRefusal) {
      io.err(`Refused: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
