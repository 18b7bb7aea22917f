// What to tell a Slack user when a request could not be completed: specific for known errors,
// honest and safe (no internals, no secrets) for the rest.
import { isAppError } from "../../errors.js";
import { Prisma } from "../../generated/prisma/client.js";

export function failureMessage(err: unknown, nothingChanged = "Nothing was changed"): string {
  if (isAppError(err)) return err.userMessage;
  if (isDatabaseError(err)) {
    return `:warning: The app's database didn't answer. ${nothingChanged}; please try again in a minute.`;
  }
  return `:warning: Something went wrong on our side. ${nothingChanged}; please try again, and tell an admin if it keeps happening.`;
}

/**
 * Errors from the database layer: Prisma's own, and the driver adapters' (PostgreSQL refusing or
 * dropping connections, the embedded database closed). Network errors of Slack or Inngest calls
 * ("connect ECONNREFUSED" from an HTTP client) are not the database and must not be reported as it.
 */
export function isDatabaseError(err: unknown): boolean {
  if (
    err instanceof Prisma.PrismaClientInitializationError ||
    err instanceof Prisma.PrismaClientKnownRequestError ||
    err instanceof Prisma.PrismaClientUnknownRequestError ||
    err instanceof Prisma.PrismaClientRustPanicError
  ) {
    return true;
  }
  if (!(err instanceof Error)) return false;
  return (
    err.name === "DriverAdapterError" ||
    /\bdatabase\b|PGlite is closed|Connection terminated|too many clients/i.test(err.message)
  );
}

/** Resolves with the promise's value, or rejects with a timeout after `ms` (for Slack's 3-second limit). */
export async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(ms)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export class DeadlineError extends Error {
  constructor(ms: number) {
    super(`took longer than ${ms} ms`);
    this.name = "DeadlineError";
  }
}
