import { describe, expect, it } from "vitest";
import { AppError } from "../../errors.js";
import { failureMessage } from "./failure-message.js";

describe("failureMessage", () => {
  it("shows an AppError's own message", () => {
    expect(failureMessage(new AppError("forbidden", "Only <@U1> can cancel it."))).toBe(
      "Only <@U1> can cancel it.",
    );
  });

  it.each([
    ["PGlite is closed"],
    ['database "t_1" is not currently accepting connections'],
    ["Connection terminated unexpectedly"],
  ])("says the database didn't answer for %s", (message) => {
    expect(failureMessage(new Error(message), "Nothing was scheduled")).toBe(
      ":warning: The app's database didn't answer. Nothing was scheduled; please try again in a minute.",
    );
  });

  it("does not blame the database for another service's network error, and leaks no detail", () => {
    const text = failureMessage(new Error("A request error occurred: connect ECONNREFUSED 10.0.0.1:443"));
    expect(text).not.toContain("database");
    expect(text).not.toContain("10.0.0.1");
    expect(text).toContain("Something went wrong on our side. Nothing was changed");
  });
});
