import { readFileSync } from "node:fs";

/** Resident set size of a process in MiB, from /proc (Linux); null once it is gone. */
export function rssMiB(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; reports the peak and the last sample. */
export function sampleRss(pid: number, everyMs = 200) {
  let peak = rssMiB(pid) ?? 0;
  let last = peak;
  const timer = setInterval(() => {
    const now = rssMiB(pid);
    if (now === null) return;
    last = now;
    peak = Math.max(peak, now);
  }, everyMs);
  timer.unref();
  return {
    stop(): { peakMiB: number; lastMiB: number } {
      clearInterval(timer);
      return { peakMiB: round1(peak), lastMiB: round1(last) };
    },
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
