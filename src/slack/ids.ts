// Every Slack callback, action and block id, shared by builders, listeners and tests.

export const COMMAND = "/share";

export const VIEW = {
  compose: "compose_post",
  cancelConfirm: "cancel_post_confirm",
  settings: "home_settings",
  connectOrganization: "connect_organization",
  connectLinkedIn: "connect_linkedin",
  notice: "home_notice",
} as const;

export const BLOCK = {
  text: "post_text",
  when: "post_when",
  whenPreview: "post_when_preview",
  connection: "post_connection",
  channel: "post_channel",
  settingsChannel: "settings_channel",
  settingsAdmins: "settings_admins",
  organization: "organization",
} as const;

export const ACTION = {
  text: "post_text_input",
  when: "post_when_input",
  connection: "post_connection_select",
  channel: "post_channel_select",
  edit: "post_edit",
  cancel: "post_cancel",
  retry: "post_retry",
  openCompose: "open_compose",
  connectLinkedIn: "linkedin_connect",
  connectOrganization: "linkedin_connect_organization",
  disconnect: "linkedin_disconnect",
  openSettings: "open_settings",
  settingsChannel: "settings_channel_select",
  settingsAdmins: "settings_admins_select",
  organization: "organization_select",
  page: "home_page",
  pagePrev: "home_page_prev",
  /** URL buttons (LinkedIn authorization, post links): Slack still sends an action, which is only acked. */
  openLinkedInUrl: "linkedin_open_url",
} as const;
