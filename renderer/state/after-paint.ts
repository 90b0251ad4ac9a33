/** How long a write waits at most for a frame: a hidden window paints none, and its writes must still go. */
const NO_FRAME_AFTER_MS = 50;

/**
 * Resolves once the browser has painted the next frame (or soon, when it paints none): a typed
 * edit's request to the back leaves just after the frame that shows it, so preparing the request
 * does not delay that frame. Outside a browser (tests on Node) it resolves at once.
 */
export function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    // A timer set inside the frame's callback runs after that frame is painted.
    requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, NO_FRAME_AFTER_MS);
  });
}
