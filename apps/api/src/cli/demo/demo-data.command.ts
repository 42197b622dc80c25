/* eslint-disable no-console -- a command-line tool talks to its terminal */
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, parseCommand } from '@sot/domain';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createApp } from '../../app.factory';
import { UsersRepository, createUser } from '../../auth';
import { ExecuteCaseCommand } from '../../case-commands';
import { EVENT_STORE, loadConfig } from '../../platform';
import { PatientDataVault } from '../../patient-data';
import type { EventStore } from '@sot/event-store';
import { writeCaseInBulk } from './demo-bulk';
import { ProjectionsService } from '../../projections';
import { DEMO_PASSWORD, auditor, managers, supervisor } from './demo-catalogue';
import { demoStory, seeded } from './demo-story';
import type { Step } from './demo-story';
import { progressBar } from '../progress-bar';

export const usage = `Fill the database the api uses with realistic demo cases, through the command handler.

  npm run demo-data [-- --cases 300] [--seed 7] [--bulk]

  --bulk   decide each story in memory by the same rules and append its events in one round trip
           per case: the same events, for scale (100,000 cases)

Stop the api first when it runs on the embedded default (the two would share its database).`;

const ensureUsers = async (users: UsersRepository) => {
  for (const person of [...managers, supervisor, auditor]) {
    if (!(await users.findById(person.id))) {
      await createUser(users, {
        id: person.id,
        email: person.email,
        displayName: person.name,
        role: person.role,
        password: DEMO_PASSWORD,
      });
    }
  }
};

const send = async (bus: CommandBus, caseId: string, step: Step) => {
  const command = parseCommand(step.type, step.data, { now: step.at.toISOString(), actorId: step.actorId });
  try {
    await bus.execute(
      new ExecuteCaseCommand(caseId, command, {
        actor: { id: step.actorId, role: 'CASE_MANAGER' },
        commandId: randomUUID(),
        correlationId: randomUUID(),
      }),
    );
  } catch (error) {
    // The automatic conflict saga may have raised the same conflict first: that is the same fact.
    if (!(error instanceof DomainError && error.code === 'CONFLICT_ALREADY_EXISTS')) {
      throw error;
    }
  }
};

/** Runs `demo-data`; returns the exit code. */
export const demoDataCommand = async (argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      cases: { type: 'string', default: '300' },
      seed: { type: 'string', default: '7' },
      bulk: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const cases = Number(values.cases);
  if (values.help || !Number.isInteger(cases) || cases < 1 || cases > 1_000_000) {
    console.error(usage);
    return values.help ? 0 : 2;
  }
  // The progress bar is the output; the api's own log lines would break it (errors still show).
  const config = loadConfig({ LOG_LEVEL: 'error', ...env });
  const app = await createApp(config, pino({ level: config.LOG_LEVEL }));
  await app.init();
  try {
    const users = app.get(UsersRepository);
    await ensureUsers(users);
    const bus = app.get(CommandBus);
    const store = app.get<EventStore>(EVENT_STORE);
    const vault = app.get(PatientDataVault);
    const random = seeded(Number(values.seed));
    const now = new Date();
    const started = Date.now();
    const progress = progressBar('cases');
    let done = 0;
    const stories = Array.from({ length: cases }, () => demoStory(random, random.pick(managers).id, now));
    const worker = async () => {
      for (let story = stories.shift(); story; story = stories.shift()) {
        const caseId = randomUUID();
        if (values.bulk) {
          await writeCaseInBulk(store, vault, caseId, story.steps);
        } else {
          for (const step of story.steps) {
            await send(bus, caseId, step);
          }
        }
        done += 1;
        progress(done, cases);
      }
    };
    progress(0, cases);
    await Promise.all(Array.from({ length: values.bulk ? 8 : 4 }, worker));
    process.stderr.write('\n  waiting for the read models to catch up…\n');
    const projections = app.get(ProjectionsService);
    while ((await projections.status(1)).some((status) => !status.caughtUp)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    console.log(
      `\n  ${cases} demo cases written in ${Math.round((Date.now() - started) / 1000)} s. Sign in with (password ${DEMO_PASSWORD}):`,
    );
    console.log(`    case manager  ${managers[0]!.email}`);
    console.log(`    supervisor    ${supervisor.email}`);
    console.log(`    auditor       ${auditor.email}\n`);
    return 0;
  } finally {
    await app.close();
  }
};
