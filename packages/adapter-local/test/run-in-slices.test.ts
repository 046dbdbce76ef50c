import { expect } from '@open-wc/testing';
import { ALONE, runInSlices, type SliceStep } from '../src/next-task.js';
import { longestBusyStretch } from './busy-stretch.js';

/** Keeps the main thread busy for `ms`. */
const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* busy */
  }
};

describe('runInSlices', () => {
  it('returns what the steps return, and gives the page a turn once a slice is used up', async () => {
    function* steps(): Generator<SliceStep, string> {
      for (let i = 0; i < 20; i++) {
        busyFor(3);
        yield;
      }
      return 'done';
    }
    let result = '';
    const { longest, turns } = await longestBusyStretch(async () => (result = await runInSlices(steps(), 10)));
    expect(result).to.equal('done');
    // 60 ms of work in slices of about 10 ms (a slice ends after the step that passes 10 ms).
    expect(turns).to.be.at.least(5);
    expect(longest).to.be.below(30);
  });

  it('runs a step that follows ALONE in a task of its own, whatever is left of the slice', async () => {
    /** The steps, each 1 ms, with a long one (20 ms) alone between them; the task of each step. */
    const taskOf: number[] = [];
    let task = 0;
    const channel = new MessageChannel();
    let counting = true;
    channel.port1.onmessage = () => {
      task++;
      if (counting) channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
    function* steps(): Generator<SliceStep, void> {
      busyFor(1);
      taskOf.push(task);
      yield ALONE;
      busyFor(20);
      taskOf.push(task);
      yield ALONE;
      busyFor(1);
      taskOf.push(task);
    }
    // Slices of 100 ms: without ALONE, all three steps would run in one task.
    await runInSlices(steps(), 100);
    counting = false;
    channel.port1.close();
    expect(taskOf[1]).to.be.above(taskOf[0]!);
    expect(taskOf[2]).to.be.above(taskOf[1]!);
  });
});
