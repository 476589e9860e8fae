import { describe, expect, it } from "vitest";
import { listenPlan } from "@/lib/coding/listen";

describe("where the server listens", () => {
  it("binds 127.0.0.1 and flags it when tagging is on without a secret", () => {
    const plan = listenPlan({ TAGGING_ENABLED: "1" }, ["-p", "4000"]);
    expect(plan).toMatchObject({ ok: true, args: ["-p", "4000", "-H", "127.0.0.1"], env: { TAGGING_LOOPBACK_ONLY: "1" } });
    expect(plan.ok && plan.notice).toMatch(/listening on 127\.0\.0\.1 only/);
  });

  it("keeps a loopback --hostname the user gave, and refuses any other", () => {
    expect(listenPlan({ TAGGING_ENABLED: "1" }, ["-H", "localhost"])).toMatchObject({ ok: true, args: ["-H", "localhost"] });
    expect(listenPlan({ TAGGING_ENABLED: "1" }, ["--hostname=127.0.0.2"])).toMatchObject({ ok: true, args: ["--hostname=127.0.0.2"] });
    const refused = listenPlan({ TAGGING_ENABLED: "1" }, ["-H", "0.0.0.0"]);
    expect(refused).toEqual({
      ok: false,
      error: "Tagging without TAGGING_SECRET listens on 127.0.0.1 only, but --hostname 0.0.0.0 was asked for. Set TAGGING_SECRET to serve other machines.",
    });
    expect(listenPlan({ TAGGING_ENABLED: "1" }, ["--hostname", "::"]).ok).toBe(false);
  });

  it("listens where asked, unflagged, in read-only and secret modes", () => {
    expect(listenPlan({}, [])).toMatchObject({ ok: true, args: [], env: { TAGGING_LOOPBACK_ONLY: "" } });
    expect(listenPlan({ TAGGING_ENABLED: "1", TAGGING_SECRET: "x" }, ["-H", "0.0.0.0"])).toMatchObject({
      ok: true,
      args: ["-H", "0.0.0.0"],
      env: { TAGGING_LOOPBACK_ONLY: "" },
    });
    // A flag set by hand in the environment does not survive a start in another mode.
    expect(listenPlan({ TAGGING_LOOPBACK_ONLY: "1" }, [])).toMatchObject({ env: { TAGGING_LOOPBACK_ONLY: "" } });
  });
});
