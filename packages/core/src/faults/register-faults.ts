import type { Register } from '../model/register.js';
import { faultsById, type Fault } from './fault-catalogue.js';

/** The faults a register's causes may name: crr's catalogue and the register's own `faults.add`. */
export function registerFaults(register: Pick<Register, 'manifest'>): Map<string, Fault> {
  const added = (register.manifest?.faults?.add ?? []).map((a): Fault => ({ ...a, origin: 'register' }));
  return faultsById(added);
}
