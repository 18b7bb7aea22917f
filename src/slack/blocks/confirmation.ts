// The private confirmation a user gets after scheduling or editing.
export function scheduledConfirmation(
  verb: "Scheduled" | "Updated",
  result: {
    post: { shortId: string; channelId: string };
    display: string;
    notes: string[];
    eventAccepted: boolean;
    messagePosted?: boolean;
    duplicate?: boolean;
  },
): string {
  const input = {
    verb,
    ...result,
    shortId: result.post.shortId,
    channelId: result.post.channelId,
    messagePosted: result.messagePosted ?? true,
  };
  if (input.duplicate) {
    return `:information_source: That was already scheduled as post \`${input.shortId}\`; nothing new was created.`;
  }
  const lines = [
    `:white_check_mark: ${input.verb}: your LinkedIn post goes out *${input.display}* (id \`${input.shortId}\`).`,
    `Edit or cancel it from its status message in <#${input.channelId}>, or with \`/share cancel ${input.shortId}\`.`,
  ];
  for (const note of input.notes) lines.push(`:information_source: ${note}`);
  if (!input.messagePosted) {
    lines.push(
      `:warning: I couldn't post its status message in <#${input.channelId}> (is the app in that channel? \`/invite @linkedin-share\`). The post is still scheduled.`,
    );
  }
  if (!input.eventAccepted) {
    lines.push(
      ":warning: The post is saved, but the scheduler didn't confirm it yet. It is retried automatically within a few minutes; you don't need to do anything.",
    );
  }
  return lines.join("\n");
}
