// The reader's query with `coder` set: the view (the shared filters) stays, and so does any
// other parameter of the reader.
export function withCoder(params: URLSearchParams | null, coder: string): string {
  const next = new URLSearchParams(params?.toString() ?? "");
  next.set("coder", coder);
  return next.toString();
}
