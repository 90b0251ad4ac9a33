// Writes (and the reloads that follow structure changes) go to the back one after another, in
// the order the user made them, so a reload never overtakes an edit still on its way.
let writeQueue: Promise<unknown> = Promise.resolve();
let writesInQueue = 0;
/**
 * Queues `write` after every write before it. With `startAtOnce`, a write that finds the queue
 * empty starts right away, in the caller's task: a rename's request then leaves inside the key
 * press, before AG Grid's own work for that key (closing the editor, moving the cursor: about 10 ms).
 */
export function enqueue<T>(write: () => Promise<T>, startAtOnce = false): Promise<T> {
  writesInQueue += 1;
  const next = startAtOnce && writesInQueue === 1 ? startNow(write) : writeQueue.then(write, write);
  writeQueue = next.then(
    () => void (writesInQueue -= 1),
    () => void (writesInQueue -= 1),
  );
  return next;
}

function startNow<T>(write: () => Promise<T>): Promise<T> {
  try {
    return write();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Resolves once every write sent so far has been answered: call before switching files. */
export function flushWrites(): Promise<void> {
  return writeQueue.then(() => undefined);
}
