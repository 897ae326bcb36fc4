/**
 * Coalesces what sync tells the renderer: tasks changed and progress made are pushed at most once
 * every `everyMs`, so thousands of answers settling in a burst make one refresh, not thousands.
 */
export class ProgressBatcher {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly changed = new Set<string>();
  private stopped = false;

  constructor(
    private readonly everyMs: number,
    /** Told the tasks changed since the last push (possibly none: progress only). */
    private readonly push: (taskIds: string[]) => void,
  ) {}

  tasksChanged(taskIds: readonly string[]): void {
    if (this.stopped || taskIds.length === 0) return;
    for (const taskId of taskIds) this.changed.add(taskId);
    this.progressChanged();
  }

  progressChanged(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => this.flush(), this.everyMs);
    this.timer.unref?.();
  }

  /** Pushes now what is waiting. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped) return;
    const taskIds = [...this.changed];
    this.changed.clear();
    this.push(taskIds);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
