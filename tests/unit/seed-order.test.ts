import { describe, expect, it } from "vitest";
import type { LoadedPlugin } from "../../app/plugin-host/registry";
import { seedOrder } from "../../app/plugin-host/seed.server";

const plugin = (id: string, seedAfter: string[] = []) => ({ manifest: { id, seedAfter } }) as unknown as LoadedPlugin;
const ids = (plugins: LoadedPlugin[]) => plugins.map((p) => p.manifest.id);

describe("the order plugins' demo seeds run in", () => {
  it("keeps the dependency order and puts a seed after those whose demo data it reads", () => {
    const order = seedOrder([plugin("annual-report", ["disclosure", "requests"]), plugin("disclosure"), plugin("requests")]);
    expect(ids(order)).toEqual(["disclosure", "requests", "annual-report"]);
  });

  it("ignores a plugin named in seedAfter that is not installed", () => {
    expect(ids(seedOrder([plugin("b", ["absent"]), plugin("a")]))).toEqual(["b", "a"]);
  });

  it("refuses a cycle, naming the plugin", () => {
    expect(() => seedOrder([plugin("a", ["b"]), plugin("b", ["a"])])).toThrow(/seedAfter makes a cycle/);
  });
});
