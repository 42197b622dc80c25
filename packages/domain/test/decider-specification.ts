import { DomainError, decide, fold } from '../src';
import type { CaseCommand, CaseEvent, CaseState, DomainErrorCode } from '../src';

/** `given(events).when(command).then(events)`: the decider's rules read as the domain states them. */
export const given = (events: readonly CaseEvent[]) => {
  const state: CaseState = fold(events);
  return {
    when: (command: CaseCommand) => {
      const run = (): CaseEvent[] => decide(command, state);
      return {
        then: (expected: readonly CaseEvent[]): void => {
          expect(run()).toEqual(expected);
        },
        thenThrows: (code: DomainErrorCode, message?: RegExp): DomainError => {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(DomainError);
          const domainError = thrown as DomainError;
          expect(domainError.code).toBe(code);
          if (message) {
            expect(domainError.message).toMatch(message);
          }
          return domainError;
        },
        thenState: (): CaseState => fold(run(), state),
        /** The events alone, to build on in a longer history. */
        run,
      };
    },
  };
};

/** What a function throws, for assertions on its fields. */
export const thrownBy = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the function to throw');
};
