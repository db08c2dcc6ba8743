// Request timeouts a test controls: inject `timeoutSignal` (ConnectOptions) and expire the timeouts of the requests
// it chooses, once the fake server has seen them arrive. Timeouts are proven without waiting for one, however
// loaded the machine is.
export interface ManualTimeouts {
  timeoutSignal(ms: number, request: { url: string }): AbortSignal;
  /** Times out the pending requests whose URL matches (default: all); returns how many. */
  expire(match?: (url: string) => boolean): number;
  /** Requests whose timeout has neither fired nor been expired. */
  pending(): string[];
}

export function manualTimeouts(): ManualTimeouts {
  const live: { url: string; controller: AbortController }[] = [];
  return {
    timeoutSignal(_ms, request) {
      const controller = new AbortController();
      live.push({ url: request.url, controller });
      return controller.signal;
    },
    expire(match = () => true) {
      let n = 0;
      for (const t of live.splice(0)) {
        if (match(t.url) && !t.controller.signal.aborted) {
          // What AbortSignal.timeout aborts with.
          t.controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
          n++;
        } else if (!t.controller.signal.aborted) live.push(t);
      }
      return n;
    },
    pending: () => live.filter((t) => !t.controller.signal.aborted).map((t) => t.url),
  };
}
