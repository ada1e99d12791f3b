// Work that must not hold up the frame being drawn: it runs in a task after the next paint.
// requestAnimationFrame fires just before the paint; the timeout it starts runs just after it.

/** Runs `work` after the browser has painted the current frame; the function returned cancels it. */
export function afterPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
