"use client";
// "Copy link to this view": the URL is the view, so the link is the page's own address.
import { useState } from "react";

export function CopyLink() {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setState("copied");
    } catch {
      // No clipboard (an insecure origin, a refused permission): show the address to copy by hand.
      setState("failed");
    }
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-sm">
      <button type="button" onClick={copy} className="rounded border border-border px-3 py-1.5 hover:bg-surface" data-testid="copy-link">
        Copy link to this view
      </button>
      <span role="status" aria-live="polite" className="text-muted">
        {state === "copied" ? "Link copied." : state === "failed" ? "Copy this address from the address bar; the clipboard is not available here." : ""}
      </span>
    </span>
  );
}
