import { useEffect, useState, type ReactNode } from 'react';
import type { LabRunner } from '../runner/lab-runner.js';
import { LabServicesProvider } from './lab-services.js';

export interface RunnerServicesProviderProps {
  runner: LabRunner;
  children: ReactNode;
}

/**
 * Provides the runner's current adapters to panels: a switch-region or switch-stream fix gives the
 * runner new ones, and a metrics panel must read the region the lab runs in now.
 */
export function RunnerServicesProvider({ runner, children }: RunnerServicesProviderProps) {
  const [context, setContext] = useState(runner.context);
  useEffect(() => runner.subscribe(() => setContext(runner.context)), [runner]);
  return <LabServicesProvider context={context}>{children}</LabServicesProvider>;
}
