/** Stops the moto_server the global setup started for the run, if it started one. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { stopSharedMoto?: () => Promise<void> }).stopSharedMoto?.();
}
