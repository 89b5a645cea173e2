import { describe, expect, it } from "vitest";
import { emailProblem, normalizeEmail } from "./member-email";
import { passwordProblem } from "./password-rules";

describe("an invited email", () => {
  it("is stored trimmed and lower-case", () => {
    expect(normalizeEmail("  Sam.Rivera@Brand.COM ")).toBe("sam.rivera@brand.com");
  });

  it.each([
    ["", "Enter the email address of the person to invite."],
    ["   ", "Enter the email address of the person to invite."],
    ["sam", "“sam” isn’t an email address, e.g. sam@yourbrand.com."],
    ["sam@brand", "“sam@brand” isn’t an email address, e.g. sam@yourbrand.com."],
    ["sam rivera@brand.com", "“sam rivera@brand.com” isn’t an email address, e.g. sam@yourbrand.com."],
    [`${"a".repeat(250)}@b.co`, "An email address is at most 254 characters; this one is 255."],
  ])("%j is refused in words", (email, message) => {
    expect(emailProblem(email)).toBe(message);
  });

  it("accepts an ordinary address", () => {
    expect(emailProblem(" Sam+parley@brand.co.uk ")).toBeNull();
  });
});

describe("a new password", () => {
  it("needs at least 10 characters and at most 200, and isn't the email", () => {
    expect(passwordProblem("123456789", "sam@brand.com")).toBe("Use at least 10 characters; this password has 9.");
    expect(passwordProblem("x".repeat(201), "sam@brand.com")).toBe("Use at most 200 characters; this password has 201.");
    expect(passwordProblem("Sam@Brand.com", "sam@brand.com")).toBe("Don’t use your email address as your password.");
    expect(passwordProblem("correct horse battery staple", "sam@brand.com")).toBeNull();
    // No composition rules: length is what makes a password strong.
    expect(passwordProblem("aaaaaaaaaa", "sam@brand.com")).toBeNull();
  });
});
