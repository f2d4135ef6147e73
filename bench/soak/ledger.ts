import { describeState, sameState, type ProfileState } from './profile-state';

interface Acknowledged {
  operation: string;
  /** The version the write named (the one its writer had read). */
  baseVersion: number;
  /** The profile as the server's answer gave it. */
  state: ProfileState;
}

/**
 * Every write the server acknowledged, by profile. At the end the database must hold, for each
 * profile, exactly the last acknowledged state, and the acknowledged versions must run on from the
 * starting one by one, without gaps or repeats: a write that was acknowledged and then lost, or
 * applied twice, or applied on top of something other than what its writer read, shows up here.
 */
export class Ledger {
  private readonly profiles = new Map<string, { initial: ProfileState; acknowledged: Acknowledged[] }>();

  open(handle: string, initial: ProfileState): void {
    this.profiles.set(handle, { initial, acknowledged: [] });
  }

  acknowledge(handle: string, write: Acknowledged): void {
    const profile = this.profiles.get(handle);
    if (!profile) throw new Error(`no ledger for ${handle}`);
    profile.acknowledged.push(write);
  }

  get handles(): string[] {
    return [...this.profiles.keys()];
  }

  get acknowledged(): number {
    return [...this.profiles.values()].reduce((sum, profile) => sum + profile.acknowledged.length, 0);
  }

  /** What is wrong, one line each; `finals` holds the state each profile was read in at the end, by source. */
  check(finals: Record<string, Map<string, ProfileState>>): string[] {
    const problems: string[] = [];
    for (const [handle, { initial, acknowledged }] of this.profiles) {
      const inOrder = [...acknowledged].sort((a, b) => a.state.version - b.state.version);
      let expectedVersion = initial.version;
      for (const write of inOrder) {
        expectedVersion++;
        if (write.state.version !== expectedVersion) {
          problems.push(`${handle}: acknowledged version ${write.state.version} where ${expectedVersion} comes next (a gap or a repeat)`);
          expectedVersion = write.state.version;
        }
        if (write.state.version !== write.baseVersion + 1) {
          problems.push(`${handle}: ${write.operation} on version ${write.baseVersion} was acknowledged as version ${write.state.version}`);
        }
      }
      const last = inOrder[inOrder.length - 1]?.state ?? initial;
      for (const [source, states] of Object.entries(finals)) {
        const final = states.get(handle);
        if (!final) problems.push(`${handle}: not found through ${source} at the end`);
        else if (!sameState(final, last)) {
          problems.push(
            `${handle}: through ${source} ${describeState(final)}, but the last acknowledged write left ${describeState(last)}`,
          );
        }
      }
    }
    return problems;
  }
}
