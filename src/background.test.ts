import { describe, expect, it } from "vitest";
import { createBackground } from "./background.js";

describe("background queue", () => {
  it("runs tasks one at a time, in order, and drains", async () => {
    const bg = createBackground();
    const order: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const task = (name: string, ms: number) =>
      bg(async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, ms));
        order.push(name);
        running--;
        return name;
      });
    const results = Promise.all([task("a", 30), task("b", 5), task("c", 1)]);
    expect(await bg.drain(1_000)).toBe(true);
    expect(await results).toEqual(["a", "b", "c"]);
    expect(order).toEqual(["a", "b", "c"]);
    expect(maxRunning).toBe(1);
  });

  it("reports a drain that ran out of time", async () => {
    const bg = createBackground();
    void bg(() => new Promise((r) => setTimeout(r, 300)));
    expect(await bg.drain(50)).toBe(false);
    expect(await bg.drain(1_000)).toBe(true);
  });

  it("lets waiting HTTP-like work run between queued tasks", async () => {
    const bg = createBackground();
    const seen: string[] = [];
    void bg(async () => {
      seen.push("task 1");
    });
    void bg(async () => {
      seen.push("task 2");
    });
    setImmediate(() => seen.push("io"));
    await bg.drain(1_000);
    expect(seen.indexOf("io")).toBeLessThan(seen.indexOf("task 2"));
  });
});
