// The functions served at /api/inngest.
import type { InngestFunction } from "inngest";
import type { AppDeps } from "../container.js";
import { createPreflightFunction } from "./functions/preflight.js";
import { createPublishPost } from "./functions/publish-post.js";
import { createSweepPosts } from "./functions/sweep-posts.js";
import { createTokenExpiryFunction } from "./functions/token-expiry.js";

export function createFunctions(deps: AppDeps): InngestFunction.Like[] {
  return [
    createPublishPost(deps),
    createSweepPosts(deps),
    createTokenExpiryFunction(deps),
    createPreflightFunction(deps),
  ];
}
