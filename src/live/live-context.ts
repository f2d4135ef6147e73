import type { ChangeEvents } from '../change-events/change-events';
import type { Context } from '../context';

/** A subscription's context: a query's, plus where the news of committed writes comes from. */
export interface LiveContext extends Context {
  changes: ChangeEvents;
}

export function isLiveContext(context: Context): context is LiveContext {
  return 'changes' in context;
}
