import { createContext, useContext, type ReactNode } from 'react';
import type { LabContext } from '../checks/check-context.js';

/**
 * The adapters (Kinesis, CloudWatch …) for panels whose hooks fetch live data. Provided once by the
 * CLI around the app; views never build clients themselves.
 */
const LabServices = createContext<LabContext | undefined>(undefined);

export function LabServicesProvider({ context, children }: { context: LabContext; children: ReactNode }) {
  return <LabServices.Provider value={context}>{children}</LabServices.Provider>;
}

export function useLabServices(): LabContext {
  const context = useContext(LabServices);
  if (!context) throw new Error('useLabServices needs a LabServicesProvider above it');
  return context;
}
