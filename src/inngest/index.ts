// The functions served at /api/inngest.
import type { InngestFunction } from "inngest";
import type { AppDeps } from "../container.js";

export function createFunctions(_deps: AppDeps): InngestFunction.Like[] {
  return [];
}
