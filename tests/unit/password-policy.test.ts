import { describe, expect, it } from "vitest";
import { passwordProblems } from "../../app/core/auth/password-policy";

describe("password policy", () => {
  it("accepts 8+ characters from 3 of the 4 classes", () => {
    expect(passwordProblems("Abcdefg1")).toEqual([]);
    expect(passwordProblems("abcdef1!")).toEqual([]);
    expect(passwordProblems("环保Abc12345")).toEqual([]);
  });

  it("names each problem", () => {
    expect(passwordProblems("Ab1!")).toEqual(["errors.password.tooShort"]);
    expect(passwordProblems("abcdefgh1")).toEqual(["errors.password.classes"]);
    expect(passwordProblems("Donghu.drafter1", "donghu.drafter")).toEqual(["errors.password.containsUsername"]);
  });
});
