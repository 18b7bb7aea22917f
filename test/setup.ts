// Vitest setup for every test file.
// 1. nock 15's interceptors call Promise.withResolvers, which Node 20 lacks (apis.md §6).
// 2. No test reaches the internet: only loopback connections are allowed.
import nock from "nock";
import { afterAll, afterEach } from "vitest";

if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== "function") {
  Object.defineProperty(Promise, "withResolvers", {
    configurable: true,
    writable: true,
    value<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);

afterEach(() => {
  nock.cleanAll();
});

afterAll(() => {
  nock.restore();
});
