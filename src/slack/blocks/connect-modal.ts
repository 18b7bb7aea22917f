// The modal the "Connect LinkedIn" button opens for an admin: single-use sign-in links (or, while
// LinkedIn is not configured, how to configure it). Pure builders.
import type { ModalView } from "@slack/types";
import { ACTION, VIEW } from "../ids.js";
import { escapeMrkdwn } from "./format.js";

const title = { type: "plain_text" as const, text: "Connect LinkedIn" };
const close = { type: "plain_text" as const, text: "Close" };

export function connectLinkedInModal(links: {
  memberUrl: string;
  pagesUrl: string;
  validMinutes: number;
}): ModalView {
  return {
    type: "modal",
    callback_id: VIEW.connectLinkedIn,
    title,
    close,
    blocks: [
      {
        type: "section",
        block_id: "connect_member",
        text: {
          type: "mrkdwn",
          text: "*Post as yourself*\nSign in to LinkedIn and allow the app to post on your behalf.",
        },
        accessory: {
          type: "button",
          action_id: ACTION.openLinkedInUrl,
          text: { type: "plain_text", text: "Sign in with LinkedIn" },
          url: links.memberUrl,
          style: "primary",
        },
      },
      {
        type: "section",
        block_id: "connect_pages",
        text: {
          type: "mrkdwn",
          text: "*Post as a company page too*\nAlso asks to manage the pages you administer. Needs the Community Management API product on the LinkedIn app; without it LinkedIn refuses the sign-in.",
        },
        accessory: {
          type: "button",
          action_id: ACTION.openLinkedInUrl,
          text: { type: "plain_text", text: "Sign in with pages" },
          url: links.pagesUrl,
        },
      },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `Each link works once and for ${links.validMinutes} minutes. Signing in as an already connected member renews that connection.`,
          },
        ],
      },
    ],
  };
}

export function linkedInNotConfiguredModal(steps: string[]): ModalView {
  return {
    type: "modal",
    callback_id: VIEW.connectLinkedIn,
    title,
    close,
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: "*LinkedIn is not configured yet.* The app needs a LinkedIn app's client id and secret:",
        },
      },
      {
        type: "section",
        text: { type: "mrkdwn", text: steps.map((s, i) => `${i + 1}. ${escapeMrkdwn(s)}`).join("\n") },
      },
    ],
  };
}

/** A modal that only says something (refusals, "not found", LinkedIn errors). */
export function noticeModal(heading: string, message: string): ModalView {
  return {
    type: "modal",
    callback_id: VIEW.notice,
    title: { type: "plain_text", text: heading.slice(0, 24) },
    close: { type: "plain_text", text: "OK" },
    blocks: [{ type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(message) } }],
  };
}

export const ADMINS_ONLY =
  "Only admins can do this: Slack workspace admins and owners, and the admins named in the app's settings. Nothing was changed.";

export const adminsOnlyModal = (): ModalView => noticeModal("Admins only", ADMINS_ONLY);
