import type { VerifyProgress, VerifyReport } from "./verify.server";

/**
 * The auditor's chain verification, run in the background of the server process so the page can
 * show its progress while it reads every chain: one job per auditor at a time, its state kept in
 * memory (a restart forgets it; the verification itself is on the platform chain once it ends).
 */
export interface VerifyJob {
  id: string;
  userId: string;
  startedAt: Date;
  progress: VerifyProgress;
  report: VerifyReport | null;
  failed: boolean;
  finished: Promise<void>;
}

const jobs = new Map<string, VerifyJob>();
/** A finished job's result stays readable this long. */
const KEEP_MS = 60 * 60 * 1000;

function sweep(now = Date.now()) {
  for (const [userId, job] of jobs) {
    if ((job.report || job.failed) && now - job.startedAt.getTime() > KEEP_MS) jobs.delete(userId);
  }
}

/** This auditor's latest verification, running or finished within the hour. */
export function verifyJobOf(userId: string): VerifyJob | null {
  sweep();
  return jobs.get(userId) ?? null;
}

export function isRunning(job: VerifyJob | null): boolean {
  return !!job && !job.report && !job.failed;
}

/**
 * Starts `run` for this auditor unless one of theirs is still running (that one is returned).
 * `run` reports progress through the callback it is given; its report, or its failure, ends the job.
 */
export function startVerifyJob(userId: string, run: (onProgress: (p: VerifyProgress) => void) => Promise<VerifyReport>, log?: (e: unknown) => void): VerifyJob {
  const current = jobs.get(userId);
  if (current && isRunning(current)) return current;
  const job: VerifyJob = {
    id: crypto.randomUUID(),
    userId,
    startedAt: new Date(),
    progress: { done: 0, total: 0, chain: null },
    report: null,
    failed: false,
    finished: Promise.resolve(),
  };
  jobs.set(userId, job);
  job.finished = run((p) => {
    job.progress = p;
  }).then(
    (report) => {
      job.report = report;
    },
    (e: unknown) => {
      job.failed = true;
      log?.(e);
    },
  );
  return job;
}
