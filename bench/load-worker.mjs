// Worker entry: lets the TypeScript load generator run in a worker thread (tsx registered here,
// since worker threads do not take --import from execArgv on Node 20).
import { register } from "tsx/esm/api";

register();
await import("./load-worker.ts");
