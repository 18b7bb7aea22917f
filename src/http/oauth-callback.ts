// GET /linkedin/oauth/callback: LinkedIn sends the browser here after consent (?code&state) or after
// a refusal (?error&error_description&state). Answers with a small HTML page and a fitting status.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CallbackParams, ConnectFailure, ConnectOutcome } from "../connections/complete-connect.js";
import type { Logger } from "../logger.js";
import { htmlPage, type PageContent } from "./html-page.js";

const BACK = "Go back to Slack and open the app's Home tab to try again.";

const FAILURES: Record<ConnectFailure, { status: number; page: Omit<PageContent, "ok"> }> = {
  not_configured: {
    status: 503,
    page: {
      title: "LinkedIn is not configured",
      paragraphs: [
        "This app has no LinkedIn client id and secret yet. An admin can see how to set them up in the app's Home tab.",
      ],
    },
  },
  missing_state: {
    status: 400,
    page: {
      title: "This link is incomplete",
      paragraphs: ["The sign-in link is missing its security code.", BACK],
    },
  },
  unknown_state: {
    status: 400,
    page: {
      title: "This sign-in link is not valid",
      paragraphs: ["The link was not created by this app, or it was changed. Nothing was connected.", BACK],
    },
  },
  expired_state: {
    status: 400,
    page: {
      title: "This sign-in link has expired",
      paragraphs: ["Sign-in links are valid for 10 minutes. Nothing was connected.", BACK],
    },
  },
  reused_state: {
    status: 400,
    page: {
      title: "This sign-in link was already used",
      paragraphs: ["Each sign-in link works once. Nothing new was connected.", BACK],
    },
  },
  denied: {
    status: 403,
    page: {
      title: "LinkedIn was not connected",
      paragraphs: ["The LinkedIn authorization was cancelled or declined, so nothing was connected.", BACK],
    },
  },
  missing_code: {
    status: 400,
    page: { title: "LinkedIn sent no authorization", paragraphs: ["Nothing was connected.", BACK] },
  },
  not_admin: {
    status: 403,
    page: {
      title: "Only admins can connect LinkedIn",
      paragraphs: ["You are no longer an admin of this app in Slack, so nothing was connected."],
    },
  },
  linkedin: {
    status: 502,
    page: { title: "LinkedIn could not be connected", paragraphs: [] },
  },
};

export function callbackPage(outcome: ConnectOutcome): { status: number; html: string } {
  if (outcome.kind === "connected") {
    const paragraphs = [`${outcome.displayName} is connected. You can return to Slack.`];
    if (!outcome.canPost) {
      paragraphs.push(
        "LinkedIn did not grant permission to post (w_member_social): the LinkedIn app needs the “Share on LinkedIn” product.",
      );
    }
    if (outcome.pagesAvailable)
      paragraphs.push("You can now add the company pages you administer from the Home tab.");
    return { status: 200, html: htmlPage({ ok: true, title: "Connected", paragraphs }) };
  }
  const failure = FAILURES[outcome.reason];
  const paragraphs = outcome.message
    ? [outcome.message, ...failure.page.paragraphs]
    : failure.page.paragraphs;
  return { status: failure.status, html: htmlPage({ ok: false, ...failure.page, paragraphs }) };
}

export function callbackParams(req: IncomingMessage): CallbackParams {
  const query = new URL(req.url ?? "/", "http://callback").searchParams;
  const value = (name: string) => query.get(name) ?? undefined;
  return {
    code: value("code"),
    state: value("state"),
    error: value("error"),
    errorDescription: value("error_description"),
  };
}

export function oauthCallbackHandler(opts: {
  complete: (params: CallbackParams) => Promise<ConnectOutcome>;
  /** Called after the page is sent, e.g. to refresh the admin's Home tab. */
  after?: (outcome: ConnectOutcome) => Promise<void>;
  logger: Logger;
}) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    let outcome: ConnectOutcome | undefined;
    let page: { status: number; html: string };
    try {
      outcome = await opts.complete(callbackParams(req));
      page = callbackPage(outcome);
    } catch (err) {
      opts.logger.error({ err }, "LinkedIn OAuth callback failed");
      page = {
        status: 500,
        html: htmlPage({
          ok: false,
          title: "Something went wrong",
          paragraphs: ["The app could not finish connecting LinkedIn. Nothing was connected.", BACK],
        }),
      };
    }
    res.writeHead(page.status, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    });
    res.end(page.html);
    if (outcome && opts.after) {
      await opts.after(outcome).catch((err: unknown) => {
        opts.logger.warn({ err }, "after LinkedIn OAuth callback: follow-up failed");
      });
    }
  };
}
