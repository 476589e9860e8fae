"use client";
// Who is tagging (remembered on this device), the instance's secret when it needs one
// (remembered for this tab), and one way to send a write and read its answer.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";

export function useWriter() {
  const router = useRouter();
  const [annotator, setAnnotatorState] = useState("");
  const [secret, setSecretState] = useState("");
  useEffect(() => {
    // Restore after mount: storage does not exist during the server render.
    /* eslint-disable react-hooks/set-state-in-effect */
    setAnnotatorState(localStorage.getItem("ptt-annotator") ?? "");
    setSecretState(sessionStorage.getItem("ptt-secret") ?? "");
    /* eslint-enable react-hooks/set-state-in-effect */
  }, []);
  const setAnnotator = (v: string) => {
    setAnnotatorState(v);
    localStorage.setItem("ptt-annotator", v);
  };
  const setSecret = (v: string) => {
    setSecretState(v);
    sessionStorage.setItem("ptt-secret", v);
  };

  const send = useCallback(
    async (method: "POST" | "PATCH" | "DELETE", url: string, body?: object): Promise<string | null> => {
      const res = await fetch(url, {
        method,
        headers: { "Content-Type": "application/json", ...(secret ? { "x-tagging-secret": secret } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!res.ok) {
        const data = (await res.json().catch(() => ({}))) as { error?: string };
        return data.error ?? `The server answered ${res.status}.`;
      }
      router.refresh();
      return null;
    },
    [router, secret],
  );

  return { annotator, setAnnotator, secret, setSecret, send };
}
