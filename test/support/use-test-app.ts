// Registers the usual hooks for a describe block that drives the real app: start it once, empty the
// database and the fakes before each test, stop it at the end.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startTestApp, type TestApp, type TestAppOptions } from "./app.js";

export async function resetTestApp(t: TestApp): Promise<void> {
  await t.db.exec(`TRUNCATE "Workspace" CASCADE`);
  t.slack.reset();
  t.inngestApi.reset();
}

/** `use(app)` receives the started app, e.g. `useTestApp(opts, (app) => { t = app; })`. */
export function useTestApp(opts: TestAppOptions, use: (app: TestApp) => void): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(opts);
    use(app);
  });
  afterAll(() => app?.stop());
  beforeEach(() => (app ? resetTestApp(app) : undefined));
}
