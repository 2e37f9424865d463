/**
 * Waits for a condition that something in the background (another connection, the server after a
 * client went away) brings about: looks every 20 ms, no fixed sleep; fails after 10 s.
 */
export async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (const started = Date.now(); !await condition();) {
    if (Date.now() - started > 10_000) throw new Error('condition not reached within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
