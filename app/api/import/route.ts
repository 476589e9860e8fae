// Import in the app: POST the files (JSON, base64 contents) with `dryRun: true` to see what would
// be stored, then again with the user's corrections and `dryRun: false` to store it. Behind the
// same authority as every write (lib/http/routes.ts handleWrite: tagging on, same origin, JSON,
// the secret); a body over the upload limit is refused with 413 before it is read.
import { handleWrite } from "@/lib/http/routes";
import { importRequestSchema, MAX_REQUEST_BYTES, runUpload } from "@/lib/http/import-upload";

function tooLarge(): Response {
  return Response.json(
    { error: `The upload is larger than ${MAX_REQUEST_BYTES.toLocaleString("en")} bytes; import fewer files at once (or use npm run import).`, issues: [] },
    { status: 413 },
  );
}

/** The request with its body cut off at `limit` bytes (an error past it), whatever Content-Length says. */
function capped(request: Request, limit: number): Request | null {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return request;
  let seen = 0;
  const body = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) controller.error(new Error("too large"));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request.url, { method: request.method, headers: request.headers, body, duplex: "half" } as RequestInit);
}

export async function POST(request: Request) {
  const limited = capped(request, MAX_REQUEST_BYTES);
  if (!limited) return tooLarge();
  return handleWrite(limited, importRequestSchema, runUpload);
}

export const dynamic = "force-dynamic";
