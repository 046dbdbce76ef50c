/**
 * Runs `connect` (a fixture that connects elements) while the browser is never idle, so that parts an
 * element loads with core's OnDemand when the browser is idle load only when the element asks for them.
 */
export async function whileNeverIdle<T>(connect: () => Promise<T>): Promise<T> {
  const { requestIdleCallback } = window;
  window.requestIdleCallback = () => 0;
  try {
    return await connect();
  } finally {
    window.requestIdleCallback = requestIdleCallback;
  }
}
