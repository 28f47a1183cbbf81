import { describe, expect, test } from "vitest";
import { allowedBeforePasswordChange, CHANGE_PASSWORD_PATH } from "./password-change";

describe("what someone who owes a password change may open", () => {
  test("only the change-password page", () => {
    expect(allowedBeforePasswordChange(CHANGE_PASSWORD_PATH)).toBe(true);
    for (const path of ["/", "/board", "/admin/users", "/change-password/elsewhere", "/leads/export"]) expect(allowedBeforePasswordChange(path), path).toBe(false);
  });
});
