/**
 * Lets the event loop run other work (a server's other requests, a socket's writes) before
 * going on. The adapter's SQLite queries resolve synchronously, so a loop of awaited queries
 * never yields on its own.
 */
export const yieldToLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
