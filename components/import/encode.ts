// The bytes of a chosen file as base64, so the server reads exactly them (and can refuse what is
// not UTF-8, as the command line does) instead of a browser's lossy decoding.
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  const CHUNK = 0x8000; // String.fromCharCode takes a bounded number of arguments
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export type UploadFile = { name: string; content: string };
export type Correction = { title?: string; date?: string; source?: string; publisher?: string };
export type NearMode = "report" | "replace" | "keep-both";

/** POST /api/import; the answer's JSON, or the server's reason as an Error. */
export async function postImport<T>(body: { files: UploadFile[]; dryRun: boolean; corrections: Record<string, Correction>; nearDuplicates: NearMode }, secret: string): Promise<T> {
  const res = await fetch("/api/import", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(secret ? { "x-tagging-secret": secret } : {}) },
    body: JSON.stringify(body),
  });
  const data = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(data.error ?? `The server answered ${res.status}.`);
  return data;
}
