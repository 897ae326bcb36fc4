/**
 * Runs `run` at most once every `everyMs` however often it is asked for, and always once after
 * the last ask (so what it shows ends up current). For page writes that would otherwise land in
 * every frame of a gesture.
 */
export function throttleTrailing(
  run: () => void,
  everyMs: number,
  now: () => number = () => performance.now(),
) {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    last = now();
    run();
  };
  return {
    request(): void {
      if (timer !== null) return;
      const wait = last + everyMs - now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel(): void {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
