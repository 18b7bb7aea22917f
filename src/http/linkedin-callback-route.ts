// Wires GET /linkedin/oauth/callback to the connect service, and refreshes the admin's Home tab after.
import { completeLinkedInConnect } from "../connections/complete-connect.js";
import type { AppDeps } from "../container.js";
import { refreshHome } from "../home/refresh-home.js";
import { syncConnectionPosts } from "../posts/living-message.js";
import { oauthCallbackHandler } from "./oauth-callback.js";

export { OAUTH_CALLBACK_PATH } from "../connections/linkedin-app.js";

export function linkedInCallbackRoute(deps: AppDeps) {
  return oauthCallbackHandler({
    logger: deps.logger,
    complete: (params) => completeLinkedInConnect(deps, params),
    after: async (outcome) => {
      if (outcome.kind !== "connected") return;
      await refreshHome(deps, outcome.teamId, outcome.slackUserId);
      // A reconnected account's scheduled posts lose their "reconnect LinkedIn" warning.
      await syncConnectionPosts(deps, outcome.connectionId);
    },
  });
}
