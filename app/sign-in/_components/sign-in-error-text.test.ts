import { describe, expect, it } from "vitest";
import { signInErrorText } from "./sign-in-error-text";

describe("signInErrorText", () => {
  it("says how long to wait after too many attempts, rounded up to whole minutes", () => {
    expect(signInErrorText("TooManyAttempts:900")).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    expect(signInErrorText("TooManyAttempts:61")).toBe("Too many sign-in attempts. Try again in 2 minutes.");
    expect(signInErrorText("TooManyAttempts:5")).toBe("Too many sign-in attempts. Try again in 1 minute.");
  });

  it("does not tell a wrong email from a wrong password", () => {
    expect(signInErrorText("CredentialsSignin")).toBe("Wrong email or password.");
    expect(signInErrorText(undefined)).toBe("Wrong email or password.");
  });
});
