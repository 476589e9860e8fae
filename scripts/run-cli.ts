/** Runs a command's main(), exits with its status, and turns a crash into one readable line. */
export function runCli(main: () => Promise<number>, failure = "Failed"): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`${failure}: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
