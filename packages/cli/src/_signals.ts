import { removeOwnTemporaries } from '@ekoraportti/runner';

// The signals a run is stopped with when it is not killed outright: a timeout's SIGTERM (systemd,
// `timeout`, a CI job), Ctrl-C's SIGINT, a closed terminal's SIGHUP.
const STOPS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/**
 * For the command's own process: a run stopped by a signal first removes its temporary files and its
 * lock (the previous report stays as it was), then dies of that signal as it would have, so whatever
 * started it sees a run stopped by its signal, not an exit code of ours.
 */
export function stopCleanlyOnSignals(): void {
  for (const signal of STOPS) {
    process.once(signal, () => {
      removeOwnTemporaries();
      for (const s of STOPS) process.removeAllListeners(s);
      process.kill(process.pid, signal);
    });
  }
}
