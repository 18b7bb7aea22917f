import { describe, expect, it } from "vitest";
import { ACTION, BLOCK, VIEW } from "../ids.js";
import { adminsOnlyModal, connectLinkedInModal, linkedInNotConfiguredModal } from "./connect-modal.js";
import {
  organizationPickerModal,
  readOrganizationChoice,
  readOrganizationMetadata,
} from "./organization-modal.js";
import { readSettingsState, settingsModal } from "./settings-modal.js";

const CONNECTION_ID = "3f1d3c1e-8a4b-4c2d-9e6f-1a2b3c4d5e6f";

describe("connect modal", () => {
  it("carries both sign-in links as URL buttons", () => {
    const view = connectLinkedInModal({
      memberUrl: "https://li/a?state=1",
      pagesUrl: "https://li/b?state=2",
      validMinutes: 10,
    });
    expect(view.callback_id).toBe(VIEW.connectLinkedIn);
    const text = JSON.stringify(view);
    expect(text).toContain('"url":"https://li/a?state=1"');
    expect(text).toContain('"url":"https://li/b?state=2"');
    expect(text).toContain(ACTION.openLinkedInUrl);
    expect(text).toContain("10 minutes");
  });

  it("explains configuration when LinkedIn is not configured, and refusals plainly", () => {
    expect(JSON.stringify(linkedInNotConfiguredModal(["Set LINKEDIN_CLIENT_ID"]))).toContain(
      "1. Set LINKEDIN_CLIENT_ID",
    );
    const refused = adminsOnlyModal();
    expect(refused.title.text.length).toBeLessThanOrEqual(24);
    expect(JSON.stringify(refused)).toContain("Only admins");
  });
});

describe("settings modal", () => {
  it("pre-fills the current settings", () => {
    const view = settingsModal({ defaultChannelId: "C123", adminUserIds: ["U1", "U2"] });
    const text = JSON.stringify(view);
    expect(view.callback_id).toBe(VIEW.settings);
    expect(text).toContain('"initial_conversation":"C123"');
    expect(text).toContain('"initial_users":["U1","U2"]');
    expect(text).toContain("conversations_select");
    expect(text).toContain("multi_users_select");
  });

  it("reads a submission, deduplicating admins; empty fields clear the settings", () => {
    expect(
      readSettingsState({
        [BLOCK.settingsChannel]: { [ACTION.settingsChannel]: { selected_conversation: "C9" } },
        [BLOCK.settingsAdmins]: { [ACTION.settingsAdmins]: { selected_users: ["U1", "U1", "U2"] } },
      }),
    ).toEqual({ defaultChannelId: "C9", adminUserIds: ["U1", "U2"] });
    expect(
      readSettingsState({
        [BLOCK.settingsChannel]: { [ACTION.settingsChannel]: { selected_conversation: null } },
        [BLOCK.settingsAdmins]: { [ACTION.settingsAdmins]: { selected_users: [] } },
      }),
    ).toEqual({ defaultChannelId: null, adminUserIds: [] });
    expect(
      readSettingsState({
        [BLOCK.settingsChannel]: { [ACTION.settingsChannel]: { selected_conversation: "<script>" } },
      }),
    ).toBeNull();
  });
});

describe("company page picker", () => {
  const pages = Array.from({ length: 150 }, (_, i) => ({
    urn: `urn:li:organization:${10_000_000 + i}`,
    name: `Page ${i} ${"x".repeat(180)}`,
    connected: i === 0,
  }));

  it("offers at most 100 unconnected pages and keeps private_metadata under 3000 characters", () => {
    const view = organizationPickerModal(CONNECTION_ID, pages);
    expect((view.private_metadata ?? "").length).toBeLessThanOrEqual(3000);
    const select = JSON.stringify(view.blocks[0]);
    expect(select).not.toContain('urn:li:organization:10000000"');
    const meta = readOrganizationMetadata(view.private_metadata);
    expect(meta?.organizationIds).toHaveLength(100);
    expect(JSON.stringify(view)).toContain("Already connected: Page 0");
  });

  it("accepts only a page that was offered", () => {
    const view = organizationPickerModal(CONNECTION_ID, pages.slice(0, 3));
    const meta = readOrganizationMetadata(view.private_metadata);
    if (!meta) throw new Error("metadata");
    const chose = (value: string) => ({
      [BLOCK.organization]: {
        [ACTION.organization]: { selected_option: { value, text: { type: "plain_text", text: "Acme" } } },
      },
    });
    expect(readOrganizationChoice(chose("urn:li:organization:10000001"), meta)).toEqual({
      urn: "urn:li:organization:10000001",
      name: "Acme",
    });
    expect(readOrganizationChoice(chose("urn:li:organization:99"), meta)).toBeNull();
    expect(readOrganizationChoice(chose("urn:li:person:abc"), meta)).toBeNull();
    expect(readOrganizationMetadata("{bad")).toBeNull();
  });

  it("says so when there is nothing to add", () => {
    const view = organizationPickerModal(CONNECTION_ID, []);
    expect(view.submit).toBeUndefined();
    expect(JSON.stringify(view)).toContain("no company pages");
  });
});
