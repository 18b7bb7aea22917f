// Typed application errors. Each has a stable `code`; `userMessage` is safe to show in Slack.

export type AppErrorCode =
  | "not_found"
  | "forbidden"
  | "invalid_input"
  | "conflict"
  | "no_connection"
  | "database_unavailable"
  | "event_send_failed"
  | "slack_api";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
    this.name = "AppError";
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;
