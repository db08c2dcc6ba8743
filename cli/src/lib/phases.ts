/** PersistentVolume phases, for `pv --phase` and its shell completion. */
export const PV_PHASES = ['Pending', 'Available', 'Bound', 'Released', 'Failed'] as const;
