import type { ChecklistGroup } from '../model/posture';

/** The seed's section titles (seed 003, "Production Profile"). */
export const GROUP_TITLES: Readonly<Record<ChecklistGroup, string>> = {
  'network-boundary': 'Network boundary',
  'secrets-and-signing': 'Secrets and signing material',
  'enrollment-and-identity': 'Enrollment and identity posture',
  'workload-trust': 'Workload trust posture',
  'change-management': 'Change-management features',
  'background-services': 'Background services',
  database: 'Database posture',
};
