import { useState } from 'react';
import type { Input } from '../../../shared/ipc/types';
import type { NginxInstallPlan } from '../../../shared/model/nginx';
import { useCommandMutation } from '../../bridge/use-command';

export type InstallRequest = Required<Input<'nginx.install'>>;

/** idle → planning (asking main what install would do) → confirming (the dialog) → idle. */
export type InstallPhase = 'idle' | 'planning' | 'confirming';

/**
 * Install is plan, confirm, run: nothing changes on disk until the operator confirms the plan
 * they were shown, and the run sends exactly the request that plan was made for.
 */
export function useInstallFlow() {
  const planning = useCommandMutation('nginx.installPlan');
  const installing = useCommandMutation('nginx.install');
  const [phase, setPhase] = useState<InstallPhase>('idle');
  const [request, setRequest] = useState<InstallRequest | null>(null);

  const ask = (next: InstallRequest): void => {
    setRequest(next);
    planning.mutate(next, {
      onSuccess: () => setPhase((current) => (current === 'planning' ? 'confirming' : current)),
      onError: () => setPhase((current) => (current === 'planning' ? 'idle' : current)),
    });
  };

  const start = (text: string, deployedPath: string): void => {
    installing.reset();
    setPhase('planning');
    ask({ text, deployedPath, reload: request?.reload ?? true });
  };

  const setReload = (reload: boolean): void => {
    if (request !== null) ask({ ...request, reload });
  };

  const cancel = (): void => {
    setPhase('idle');
    planning.reset();
  };

  const confirm = (): void => {
    if (request === null || planning.data === undefined) return;
    setPhase('idle');
    planning.reset();
    installing.mutate(request);
  };

  const planMatches = planning.isSuccess && planning.variables?.reload === request?.reload;
  const plan: NginxInstallPlan | null = planMatches && planning.data !== undefined ? planning.data : null;

  return {
    phase,
    reload: request?.reload ?? true,
    plan,
    /** A plan error while the dialog is open shows in it; before that, beside the actions. */
    planError: planning.error,
    installing,
    start,
    setReload,
    cancel,
    confirm,
  };
}
