import { describe, expect, it } from "vitest";
import {
  clampPage,
  decodePages,
  encodePages,
  pageCount,
  pagerBlock,
  pageValue,
  parsePageValue,
} from "./home-paging.js";
import { FIRST_PAGES } from "./home-types.js";

describe("Home paging", () => {
  it("round-trips pager values and refuses anything else", () => {
    expect(parsePageValue(pageValue("queue", 12))).toEqual({ section: "queue", page: 12 });
    for (const bad of [
      undefined,
      3,
      "",
      "queue",
      "queue:-1",
      "other:1",
      "queue:1:2",
      "queue:9999999",
      "mine:1e3",
    ]) {
      expect(parsePageValue(bad)).toBeNull();
    }
  });

  it("keeps pages in private_metadata and falls back to the first pages on junk", () => {
    expect(decodePages(encodePages({ mine: 2, queue: 5, failures: 1 }))).toEqual({
      mine: 2,
      queue: 5,
      failures: 1,
    });
    expect(decodePages("not json")).toEqual(FIRST_PAGES);
    expect(decodePages(undefined)).toEqual(FIRST_PAGES);
    expect(decodePages('{"mine":-3,"queue":"x","failures":1.5}')).toEqual(FIRST_PAGES);
  });

  it("clamps to existing pages", () => {
    expect(pageCount(0, "queue")).toBe(1);
    expect(pageCount(17, "queue")).toBe(3);
    expect(clampPage(99, 17, "queue")).toBe(2);
    expect(clampPage(-4, 17, "queue")).toBe(0);
  });

  it("shows Previous and Next only where they lead somewhere", () => {
    expect(pagerBlock("mine", 0, 1)).toEqual([]);
    const first = JSON.stringify(pagerBlock("mine", 0, 3));
    expect(first).toContain("mine:1");
    expect(first).not.toContain("Previous");
    const last = JSON.stringify(pagerBlock("mine", 2, 3));
    expect(last).toContain("mine:1");
    expect(last).not.toContain("Next");
  });
});
