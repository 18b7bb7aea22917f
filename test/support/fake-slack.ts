// A fake Slack Web API on loopback that records every call, built from the documented request and
// response shapes. Point SLACK_API_URL at `${fake.url}/api/`. Response URLs are `${fake.url}/response/<id>`.
import { type LoopbackServer, sendJson, startLoopback } from "./loopback.js";

export type SlackCall = { method: string; args: Record<string, unknown>; token?: string };
export type ResponseUrlCall = { id: string; body: Record<string, unknown> };
export type FakeUser = {
  id: string;
  tz?: string | null;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  real_name?: string;
  deleted?: boolean;
};
type Failure = { error: string; status?: number; retryAfter?: number; times: number };
type Handler = (args: Record<string, unknown>) => Record<string, unknown>;

export type FakeSlack = {
  url: string;
  apiUrl: string;
  calls: SlackCall[];
  responses: ResponseUrlCall[];
  users: Map<string, FakeUser>;
  /** The calls to one method. */
  callsTo(method: string): SlackCall[];
  /** Make a method fail the next `times` calls (default: always). */
  fail(
    method: string,
    failure: { error: string; status?: number; retryAfter?: number; times?: number },
  ): void;
  /** Replace a method's answer. */
  on(method: string, handler: Handler): void;
  responseUrl(id?: string): string;
  reset(): void;
  close(): Promise<void>;
};

function parseArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/json"))
    return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    if (/^[[{]/.test(value)) {
      try {
        args[key] = JSON.parse(value);
        continue;
      } catch {
        // keep the raw string
      }
    }
    args[key] = value;
  }
  return args;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const responses: ResponseUrlCall[] = [];
  const users = new Map<string, FakeUser>();
  const failures = new Map<string, Failure>();
  const handlers = new Map<string, Handler>();
  let seq = 0;
  const nextTs = () => `${1_700_000_000 + ++seq}.${String(seq).padStart(6, "0")}`;

  const defaults: Record<string, Handler> = {
    "auth.test": () => ({
      user_id: "UBOT",
      bot_id: "BBOT",
      team_id: "T0001",
      team: "Acme",
      url: "https://acme.slack.com/",
    }),
    "users.info": (args) => {
      const id = String(args.user);
      const u = users.get(id) ?? { id, tz: "America/New_York" };
      if (u.deleted) return { ok: false, error: "user_not_found" };
      const tz = u.tz === undefined ? "America/New_York" : u.tz;
      return {
        user: {
          id,
          name: id.toLowerCase(),
          real_name: u.real_name ?? `User ${id}`,
          ...(tz === null ? {} : { tz, tz_label: tz, tz_offset: 0 }),
          is_admin: u.is_admin ?? false,
          is_owner: u.is_owner ?? false,
          is_primary_owner: u.is_primary_owner ?? false,
        },
      };
    },
    "chat.postMessage": (args) => ({ channel: args.channel, ts: nextTs(), message: { text: args.text } }),
    "chat.update": (args) => ({ channel: args.channel, ts: args.ts, text: args.text }),
    "chat.postEphemeral": () => ({ message_ts: nextTs() }),
    "chat.getPermalink": (args) => ({ permalink: `https://acme.slack.com/archives/${args.channel}/p1` }),
    "views.open": () => ({ view: { id: `V${++seq}`, hash: `h${seq}` } }),
    "views.update": (args) => ({ view: { id: args.view_id ?? `V${++seq}`, hash: `h${++seq}` } }),
    "views.push": () => ({ view: { id: `V${++seq}`, hash: `h${seq}` } }),
    "views.publish": () => ({ view: { id: `V${++seq}`, hash: `h${seq}` } }),
    "conversations.open": () => ({ channel: { id: `D${++seq}` } }),
  };

  const server: LoopbackServer = await startLoopback((req, res, body) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname.startsWith("/response/")) {
      const id = url.pathname.slice("/response/".length);
      responses.push({ id, body: body ? (JSON.parse(body) as Record<string, unknown>) : {} });
      return sendJson(res, 200, { ok: true });
    }
    if (!url.pathname.startsWith("/api/")) return sendJson(res, 404, { ok: false, error: "unknown_path" });
    const method = url.pathname.slice("/api/".length);
    const args = parseArgs(body, req.headers["content-type"]);
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : (args.token as string | undefined);
    calls.push({ method, args, ...(token ? { token } : {}) });
    const failure = failures.get(method);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      const headers: Record<string, string> =
        failure.retryAfter !== undefined ? { "retry-after": String(failure.retryAfter) } : {};
      return sendJson(res, failure.status ?? 200, { ok: false, error: failure.error }, headers);
    }
    const handler = handlers.get(method) ?? defaults[method];
    const answer = handler ? handler(args) : {};
    sendJson(res, 200, { ok: true, ...answer });
  });

  return {
    url: server.url,
    apiUrl: `${server.url}/api/`,
    calls,
    responses,
    users,
    callsTo: (method) => calls.filter((c) => c.method === method),
    fail: (method, f) => failures.set(method, { ...f, times: f.times ?? Number.POSITIVE_INFINITY }),
    on: (method, handler) => handlers.set(method, handler),
    responseUrl: (id = `r${++seq}`) => `${server.url}/response/${id}`,
    reset: () => {
      calls.length = 0;
      responses.length = 0;
      failures.clear();
      handlers.clear();
      users.clear();
    },
    close: () => server.close(),
  };
}
