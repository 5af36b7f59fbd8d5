import { afterEach, vi } from "vitest";
import { installTestAuditKey } from "./audit-key";

// recordAudit refuses to write without the audit key, which the server installs at start.
installTestAuditKey();

// A console.error during a test is a bug we have not looked at: fail loudly.
const original = console.error;
afterEach(() => {
  console.error = original;
});
vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  original(...args);
  throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
});
