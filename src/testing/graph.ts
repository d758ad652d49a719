/** Helpers for generated-path tests over the machines (xstate/graph). */
import type { AnyActorRef, EventObject, Snapshot } from 'xstate';

interface NodeLike {
  path: string[];
  states: Record<string, NodeLike>;
}

/** The leaf states of a machine, as dotted paths. */
export function leafPaths(root: unknown): string[] {
  const walk = (node: NodeLike): string[] => {
    const children = Object.values(node.states);
    return children.length === 0 ? [node.path.join('.')] : children.flatMap(walk);
  };
  return walk(root as NodeLike);
}

/** A snapshot's state value as a dotted path. */
export const valuePath = (value: unknown): string =>
  typeof value === 'string' ? value : Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}.${valuePath(v)}`)[0];

/** Done events (one per sample output) and error events for every actor the snapshot has running. */
export function actorEvents(snapshot: Snapshot<unknown> & { children: Record<string, AnyActorRef | undefined> }, outputs: Record<string, unknown[]>, errors: unknown[]): EventObject[] {
  const events: EventObject[] = [];
  for (const [id, child] of Object.entries(snapshot.children)) {
    const src = (child as unknown as { src: string }).src;
    for (const output of outputs[src] ?? []) events.push({ type: `xstate.done.actor.${id}`, output } as EventObject);
    for (const error of errors) events.push({ type: `xstate.error.actor.${id}`, error } as EventObject);
  }
  return events;
}

export const namedError = (name: string, message: string) => Object.assign(new Error(message), { name });
