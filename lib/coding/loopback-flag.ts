/** Set to "1" by scripts/start.ts when it binds the server to 127.0.0.1 (tagging without a secret). */
export const LOOPBACK_FLAG_NAME = "TAGGING_LOOPBACK_ONLY";
