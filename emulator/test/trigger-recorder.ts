/** Inline Lambda functions for trigger tests: each records the events it gets and does what the test says. */

// biome-ignore lint/suspicious/noExplicitAny: trigger events are plain JSON.
export type Event = any;

export function triggerRecorder() {
  /** Every event an inline function received, by function name; and what each does this test. */
  const events: Record<string, Event[]> = {};
  const behaviour: Record<string, (event: Event) => unknown> = {};
  const recorder = (name: string) => async (event: Event) => {
    (events[name] ??= []).push(structuredClone(event));
    const act = behaviour[name];
    return act ? act(event) : event;
  };
  /** The harness's `lambdas` option: one recording function per name. */
  const lambdas = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, recorder(n)]));
  return { events, behaviour, recorder, lambdas };
}
