// Backstage writes durations as HumanDuration objects ({ minutes: 5 }); this plugin only needs milliseconds.
import { z } from 'zod';

const UNIT_MS = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1_000, milliseconds: 1 } as const;

export const humanDurationSchema = z
  .object({
    days: z.number().nonnegative().optional(),
    hours: z.number().nonnegative().optional(),
    minutes: z.number().nonnegative().optional(),
    seconds: z.number().nonnegative().optional(),
    milliseconds: z.number().nonnegative().optional(),
  })
  .strict()
  .refine((d) => Object.keys(d).length > 0, { message: 'a duration needs at least one of days, hours, minutes, seconds, milliseconds' });

export type HumanDurationInput = z.infer<typeof humanDurationSchema>;

export function durationMs(duration: HumanDurationInput): number {
  let ms = 0;
  for (const [unit, factor] of Object.entries(UNIT_MS)) ms += (duration[unit as keyof typeof UNIT_MS] ?? 0) * factor;
  return ms;
}
