// Paging of the Home tab's long lists: page sizes, the pager buttons' values ("queue:3") and the
// pages kept in the view's private_metadata.
import type { KnownBlock } from "@slack/types";
import { ACTION } from "../ids.js";
import { FIRST_PAGES, type HomePages, type HomeSection } from "./home-types.js";

export const PAGE_SIZE: Record<HomeSection, number> = { mine: 5, queue: 8, failures: 5 };

const SECTIONS: readonly HomeSection[] = ["mine", "queue", "failures"];
const MAX_PAGE = 100_000;

export const pageCount = (total: number, section: HomeSection): number =>
  Math.max(1, Math.ceil(total / PAGE_SIZE[section]));

/** Clamps a requested page to the pages that exist. */
export const clampPage = (page: number, total: number, section: HomeSection): number =>
  Math.min(Math.max(0, Math.floor(page)), pageCount(total, section) - 1);

export const pageValue = (section: HomeSection, page: number): string => `${section}:${page}`;

/** Parses a pager button's value; null for anything unexpected. */
export function parsePageValue(value: unknown): { section: HomeSection; page: number } | null {
  if (typeof value !== "string") return null;
  const match = /^(mine|queue|failures):(\d{1,6})$/.exec(value);
  if (!match) return null;
  const page = Number(match[2]);
  if (page > MAX_PAGE) return null;
  return { section: match[1] as HomeSection, page };
}

export const encodePages = (pages: HomePages): string => JSON.stringify(pages);

/** Reads the pages from a Home view's private_metadata; anything unexpected gives the first pages. */
export function decodePages(metadata: unknown): HomePages {
  if (typeof metadata !== "string" || metadata === "") return { ...FIRST_PAGES };
  try {
    const raw = JSON.parse(metadata) as Record<string, unknown>;
    const pages = { ...FIRST_PAGES };
    for (const section of SECTIONS) {
      const v = raw?.[section];
      if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= MAX_PAGE) pages[section] = v;
    }
    return pages;
  } catch {
    return { ...FIRST_PAGES };
  }
}

/** Previous/next buttons, or nothing when the list fits on one page. */
export function pagerBlock(section: HomeSection, page: number, pages: number): KnownBlock[] {
  if (pages <= 1) return [];
  const elements = [];
  if (page > 0) {
    elements.push({
      type: "button" as const,
      action_id: ACTION.pagePrev,
      text: { type: "plain_text" as const, text: "◀ Previous" },
      value: pageValue(section, page - 1),
    });
  }
  if (page < pages - 1) {
    elements.push({
      type: "button" as const,
      action_id: ACTION.page,
      text: { type: "plain_text" as const, text: "Next ▶" },
      value: pageValue(section, page + 1),
    });
  }
  return [{ type: "actions", block_id: `pager_${section}`, elements }];
}
