// Runs before routing. A path that is not valid percent-encoding (`/articles/%ZZ`) would make
// Next's own parameter decoding throw a 500: answer 400 here instead, as JSON under /api.
import { NextResponse, type NextRequest } from "next/server";

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad address</title></head>
<body><h1>Bad address</h1><p>This address is not valid: it holds a broken %-escape.</p><p><a href="/">Go to the dashboard</a></p></body></html>`;

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (decodes(path)) return NextResponse.next();
  if (path.startsWith("/api/")) {
    return NextResponse.json({ error: "Bad request: the path holds an invalid percent-encoding (a % not followed by two hex digits of valid UTF-8).", issues: [] }, { status: 400 });
  }
  return new NextResponse(PAGE, { status: 400, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

export const config = {
  // Static assets have fixed names; everything else is checked.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
