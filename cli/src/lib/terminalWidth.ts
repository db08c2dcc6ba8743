// The width tables fit. Only a terminal has one: in a pipe or a file kubectl never truncates, and neither do we.
// $COLUMNS wins over what the terminal reports (as in many CLIs), so `COLUMNS=120 kubectl storage report` and
// terminals that report no size still get a sensible layout.
export interface SizedStream {
  isTTY?: boolean;
  columns?: number;
}

/** Below this a table cannot show anything useful; a smaller $COLUMNS is taken as this. */
const NARROWEST = 40;
const DEFAULT_COLUMNS = 80;

export function terminalWidth(stream: SizedStream, env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (stream.isTTY !== true) return undefined;
  const fromEnv = Number(env.COLUMNS);
  const columns = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : stream.columns && stream.columns > 0 ? stream.columns : DEFAULT_COLUMNS;
  return Math.max(NARROWEST, columns);
}
