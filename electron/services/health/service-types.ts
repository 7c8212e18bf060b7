import type { ParsedInput } from '../../../shared/ipc/types';
import type { ProbeReport, ProfileStatus } from '../../../shared/model/probe';

/** The Health area's main-process side: profiles, history, scheduled probing, pushed updates. */
export interface HealthService {
  run(input: ParsedInput<'probe.run'>): Promise<ProbeReport>;
  list(): Promise<readonly ProfileStatus[]>;
  save(input: ParsedInput<'health.save'>): Promise<ProfileStatus>;
  remove(input: ParsedInput<'health.delete'>): Promise<{ readonly deleted: boolean }>;
  schedule(input: ParsedInput<'health.schedule'>): Promise<ProfileStatus>;
  /**
   * Resumes the stored schedules. Only long-running hosts (Electron, the web host) call this;
   * a CLI run must not leave timers that keep it alive.
   */
  startSchedules(): Promise<void>;
  /** Clears every timer (on quit, and in tests). */
  stopSchedules(): void;
}
