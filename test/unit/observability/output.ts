import { vi } from 'vitest';

/**
 * What the functions print, line by line, parsed: Powertools writes each log line and each EMF
 * document as one JSON line on standard output (errors on standard error).
 */
export function captureOutput(): { lines: () => Record<string, any>[]; restore: () => void } {
  const written: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }),
  );
  return {
    lines: () => written.join('').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, any>),
    restore: () => spies.forEach((s) => s.mockRestore()),
  };
}

/** The EMF documents among the lines, and the metric names with their values in each. */
export function emfDocuments(lines: Record<string, any>[]): Record<string, any>[] {
  return lines.filter((l) => l._aws?.CloudWatchMetrics);
}
