import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { PersonChangedEvent } from '../change-events/change-events';
import { notFound } from '../common/errors';
import { checkText } from '../common/input-text';
import { forgetProfileReads, type Context } from '../context';
import { Person } from '../person/person.entity';
import { noSections, profileSections } from '../person/profile-lookahead';
import { isLiveContext } from './live-context';

/**
 * The person's news until the profile is deleted, which ends the subscription. Not an async
 * generator: a generator waiting for the next event would hold a client's `return()` (its
 * unsubscribe, or its socket closing) until another event came, keeping the listener and the
 * subscription's place for good. The change events' iterator ends a pending wait at once.
 */
function untilDeleted(events: AsyncIterableIterator<PersonChangedEvent>): AsyncIterableIterator<PersonChangedEvent> {
  const finished: IteratorReturnResult<undefined> = { done: true, value: undefined };
  const stop = async (): Promise<IteratorReturnResult<undefined>> => {
    await events.return?.();
    return finished;
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const result = await events.next();
      return !result.done && result.value.deleted ? stop() : result;
    },
    return: stop,
  };
}

async function personChanges({
  args,
  context,
}: SubscribeResolverData<unknown, { handle: string }, Context>): Promise<AsyncIterableIterator<PersonChangedEvent>> {
  if (!isLiveContext(context)) throw new Error('personUpdated needs a subscription context (graphql-ws)');
  checkText({ handle: args.handle });
  // Found by handle once; followed by id, so that a change of handle does not lose the subscriber.
  const person = await context.loaders.personByHandle.load({ key: args.handle, sections: noSections });
  if (!person) throw notFound('Person', JSON.stringify(args.handle));
  return untilDeleted(context.changes.personChanges(person.id));
}

@Resolver()
export class PersonUpdatedResolver {
  @Subscription(() => Person, {
    description:
      'The profile with this handle, each time a write to it commits (through any instance), as the subscriber may see it: ' +
      'contact details only for its owner and admins, by the token given when connecting. Ends when the profile is deleted.',
    subscribe: personChanges,
  })
  async personUpdated(
    @Arg('handle') _handle: string,
    @Root() event: PersonChangedEvent,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Person> {
    // One context serves every event of a subscription: each must read the profile afresh.
    forgetProfileReads(context.loaders);
    const person = await context.loaders.personById.load({ key: event.personId, sections: profileSections(info) });
    if (!person) throw notFound('Person', String(event.personId));
    return person;
  }
}
