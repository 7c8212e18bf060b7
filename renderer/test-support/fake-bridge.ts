import { COMMANDS, type CommandName, type EventName } from '../../shared/ipc/channels';
import type { AppInfo } from '../../shared/model/app-info';
import type { Result } from '../../shared/ipc/result';
import type { Bridge, EventPayload, Input } from '../../shared/ipc/types';

/** What `app.info` answers in renderer tests unless a test overrides it. */
export const SAMPLE_INFO: AppInfo = {
  name: 'sentinel-console',
  version: '0.1.0',
  host: 'web',
  platform: 'linux',
  arch: 'x64',
  dataDir: '/tmp/sentinel-data',
  versions: { node: '20.19.4', electron: null, chromium: null, v8: '12.4.254.21-node.27' },
};

/** Handlers a test supplies for commands other than `app.info`. */
export type FakeCommands = Partial<Omit<Bridge['commands'], 'app.info'>>;

/** One recorded command call, in order, with the exact input the renderer sent. */
export interface RecordedCall {
  readonly name: CommandName;
  readonly input: unknown;
}

const notFaked = async (): Promise<Result<never>> => ({
  ok: false,
  error: { code: 'UNAVAILABLE', message: 'This command is not faked in this test.' },
});

/**
 * A Bridge whose `app.info` answers with `answer` (or waits on it); counts calls for assertions.
 * Other commands answer through `commands`, or UNAVAILABLE when a test did not supply them;
 * every call is recorded in `calls.log`.
 */
export function fakeBridge(
  answer: () => Promise<Result<AppInfo>> = async () => ({ ok: true, value: SAMPLE_INFO }),
  commands: FakeCommands = {},
) {
  const calls = { appInfo: 0, log: [] as RecordedCall[] };
  const record = <K extends Exclude<CommandName, 'app.info'>>(name: K) => {
    const handler = commands[name] as ((input: Input<K>) => Promise<Result<never>>) | undefined;
    return (input: Input<K>) => {
      calls.log.push({ name, input });
      return handler ? handler(input) : notFaked();
    };
  };
  const others = Object.fromEntries(COMMANDS.filter((name) => name !== 'app.info').map((name) => [name, record(name)]));
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const bridge: Bridge = {
    commands: {
      ...(others as Omit<Bridge['commands'], 'app.info'>),
      'app.info': (input) => {
        calls.appInfo += 1;
        calls.log.push({ name: 'app.info', input });
        return answer();
      },
    },
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => void set.delete(listener as (payload: never) => void);
    },
  };
  /** Pushes an event to the screen as main would. */
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const listener of listeners.get(event) ?? []) (listener as (p: EventPayload<E>) => void)(payload);
  };
  /** The inputs of every call to `name`, in order. */
  const inputsOf = <K extends CommandName>(name: K): Input<K>[] =>
    calls.log.filter((call) => call.name === name).map((call) => call.input as Input<K>);
  return { bridge, calls, inputsOf, emit };
}
