import { describe, expect, it } from 'vitest';
import { enqueue, flushWrites } from '../../../../renderer/state/write-queue';

/** A write that records when it starts and finishes only when told to. */
function controlledWrite(log: string[], name: string): { write: () => Promise<string>; finish: () => void; fail: () => void } {
  let finish: () => void = () => undefined;
  let fail: () => void = () => undefined;
  const write = () => {
    log.push(`start ${name}`);
    return new Promise<string>((resolve, reject) => {
      finish = () => resolve(name);
      fail = () => reject(new Error(`${name} refused`));
    });
  };
  return { write, finish: () => finish(), fail: () => fail() };
}

/** Lets every promise callback already due run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the write queue', () => {
  it('starts a write that asks to start at once in the caller’s task when nothing is queued', async () => {
    await flushWrites();
    const log: string[] = [];
    const first = controlledWrite(log, 'rename');
    const done = enqueue(first.write, true);
    expect(log).toEqual(['start rename']);
    first.finish();
    await expect(done).resolves.toBe('rename');
  });

  it('keeps a write that asks to start at once behind one still on its way, in order', async () => {
    await flushWrites();
    const log: string[] = [];
    const edit = controlledWrite(log, 'edit');
    const rename = controlledWrite(log, 'rename');
    const editDone = enqueue(edit.write);
    const renameDone = enqueue(rename.write, true);
    await settle();
    expect(log).toEqual(['start edit']);
    edit.finish();
    await editDone;
    await settle();
    expect(log).toEqual(['start edit', 'start rename']);
    rename.finish();
    await expect(renameDone).resolves.toBe('rename');
  });

  it('goes on after a refused write, and flushWrites waits for every write sent', async () => {
    await flushWrites();
    const log: string[] = [];
    const refused = controlledWrite(log, 'refused');
    const next = controlledWrite(log, 'next');
    const refusedDone = enqueue(refused.write, true);
    const nextDone = enqueue(next.write, true);
    let flushed = false;
    const flushing = flushWrites().then(() => (flushed = true));
    refused.fail();
    await expect(refusedDone).rejects.toThrow('refused refused');
    await settle();
    expect(log).toEqual(['start refused', 'start next']);
    expect(flushed).toBe(false);
    next.finish();
    await nextDone;
    await flushing;
    expect(flushed).toBe(true);
  });

  it('turns a write that throws before its promise into a refusal, and the queue is empty again after it', async () => {
    await flushWrites();
    const thrown = enqueue(() => {
      throw new Error('no version open');
    }, true);
    await expect(thrown).rejects.toThrow('no version open');
    await flushWrites();
    const log: string[] = [];
    const after = controlledWrite(log, 'after');
    const afterDone = enqueue(after.write, true);
    expect(log).toEqual(['start after']);
    after.finish();
    await afterDone;
  });
});
