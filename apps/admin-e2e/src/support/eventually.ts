/** Retries an assertion until it passes or the time is up (UI and API settle asynchronously; no fixed sleeps). */
export async function eventually<T>(
  assertion: () => Promise<T>,
  timeoutMs = 15_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
