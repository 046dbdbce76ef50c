/**
 * Gives the main thread back to the page (input, timers, rendering) before the next piece of work:
 * a message to itself is a fresh task, without the 4 ms clamp of nested timers.
 */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof MessageChannel === 'undefined') return void setTimeout(resolve);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
