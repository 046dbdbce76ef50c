// What the tests of work in slices measure: how long the page goes without a turn.

/**
 * Runs `work` while a ticker re-arms itself as a fresh task: returns the longest time the page went
 * without a turn, the whole time and the number of turns it had.
 */
export async function longestBusyStretch(work: () => Promise<unknown>) {
  let last = performance.now();
  let longest = 0;
  let turns = 0;
  let running = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const time = performance.now();
    longest = Math.max(longest, time - last);
    last = time;
    turns++;
    if (running) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  const start = performance.now();
  await work();
  running = false;
  const total = performance.now() - start;
  longest = Math.max(longest, performance.now() - last);
  channel.port1.close();
  return { longest, total, turns };
}
