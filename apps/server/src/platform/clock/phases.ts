// Where a start-up's time goes (issue 12 §8): each phase's duration since the previous mark, printed by main.ts.
export interface Phases {
  mark(name: string): void;
  /** "modules 1.2 s, initdb 3.4 s, …" */
  summary(): string;
}

/** `sinceProcessStart`: the first phase counts from the process's start (module loading), not from now. */
export function phaseTimer(sinceProcessStart = true): Phases {
  let last = sinceProcessStart ? performance.timeOrigin : Date.now();
  const marks: Array<[string, number]> = [];
  return {
    mark(name) {
      const now = Date.now();
      marks.push([name, now - last]);
      last = now;
    },
    summary: () => marks.map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)} s`).join(', '),
  };
}
