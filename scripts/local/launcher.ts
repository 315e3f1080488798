/**
 * `npm start` runs as a chain of processes of one job: npm, a shell, tsx, and the node process
 * running the pipeline. A signal sent to the whole job (Ctrl-C, a closed terminal, `kill -- -PGID`)
 * reaches every one of them, but one sent to npm or tsx alone (`kill <pid>`, or a SIGKILL, which
 * they cannot pass on) would leave the pipeline running on its own, still holding its port and
 * its --data directory. So the pipeline watches the processes above it in its job, and stops
 * when one of them is gone.
 */
import { execFileSync } from 'node:child_process';

/** The processes above this one in its process group (nearest first); empty where `ps` is missing. */
export function jobAncestors(): number[] {
  let table: Map<number, { ppid: number; pgid: number }>;
  try {
    table = new Map(
      execFileSync('ps', ['-A', '-o', 'pid=,ppid=,pgid='], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .trim().split('\n')
        .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number])
        .map(([pid, ppid, pgid]) => [pid, { ppid, pgid }]),
    );
  } catch {
    return [];
  }
  const group = table.get(process.pid)?.pgid;
  const ancestors: number[] = [];
  for (let pid = process.ppid; pid > 1 && table.get(pid)?.pgid === group; pid = table.get(pid)!.ppid) ancestors.push(pid);
  return ancestors;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Calls `gone` once, when the parent or another process above this one in its job has exited. */
export function onLauncherGone(gone: () => void, everyMs = 1000): void {
  const parent = process.ppid;
  const ancestors = jobAncestors();
  const timer = setInterval(() => {
    if (process.ppid === parent && ancestors.every(alive)) return;
    clearInterval(timer);
    gone();
  }, everyMs);
  timer.unref();
}
