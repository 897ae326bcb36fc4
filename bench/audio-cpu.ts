/**
 * CPU time actually used by the renderer's main thread (Linux, from /proc), next to the wall-clock
 * figures: on a machine shared with other work, a frame can take long while waiting for a core,
 * and this tells that apart from work the app does. Null where /proc is not there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Fields after the command name (which may hold spaces): state, ppid, … utime, stime at 11, 12. */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** Milliseconds of CPU the renderers' main threads under the browser started with `marker` have used. */
export function rendererMainThreadCpuMs(marker: string): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  const parent = new Map<string, string>();
  let browser: string | null = null;
  for (const pid of pids) {
    const stat = read(`/proc/${pid}/stat`);
    if (stat) parent.set(pid, statFields(stat)[1] ?? '');
    const cmdline = read(`/proc/${pid}/cmdline`) ?? '';
    if (cmdline.includes(marker) && !cmdline.includes('--type=')) browser = pid;
  }
  if (browser === null) return null;
  const under = (pid: string): boolean => {
    for (let at = parent.get(pid); at && at !== '0' && at !== '1'; at = parent.get(at))
      if (at === browser) return true;
    return false;
  };
  let ticks = 0;
  for (const pid of pids) {
    if (!under(pid) || !(read(`/proc/${pid}/cmdline`) ?? '').includes('--type=renderer')) continue;
    // The main thread (CrRendererMain) is the process's first thread: its id is the process id.
    const fields = statFields(read(`/proc/${pid}/task/${pid}/stat`) ?? '');
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks * TICK_MS;
}
