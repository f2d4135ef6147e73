import 'reflect-metadata';
import { setTimeout as delay } from 'node:timers/promises';
import { runScript } from '../src/scripts/run-script';
import { sampleProcess } from './benchmark/process-stats';
import { startSoakEnvironment } from './soak/environment';
import { skillCountProblems, statesInTables, statesThroughApi } from './soak/final-state';
import { Ledger } from './soak/ledger';
import { medianRss } from './soak/memory';
import { parseSoakOptions } from './soak/options';
import { runReads } from './soak/reads';
import { failures, printReport, type SoakResult } from './soak/report';
import { Tally } from './soak/tally';
import { runWriters, type WriteFigures } from './soak/writers';

// npm run soak -- [--duration 60] [--warmup 20] [--connections 16] [--people 200] [--writers 8] [--profiles 4]
// Holds a steady load on the production build for a while: the UIs' reads, and writers editing a
// few profiles at once (conflicts included). Fails (exit 1) on any error but CONFLICT, on a write
// the ledger cannot find in the database as acknowledged, and on server memory that does not
// stay within 20% of what it was after warm-up. It starts its own PostgreSQL and server.

async function main(): Promise<number> {
  const options = parseSoakOptions(process.argv.slice(2));
  if (!options) return 0;
  const environment = await startSoakEnvironment(options);
  const { server, targets, databaseUrl } = environment;
  let result: Omit<SoakResult, 'serverExitCode'>;
  try {
    const handles = targets.map((target) => target.handle);
    const ledger = new Ledger();
    for (const [handle, state] of await statesThroughApi(server.url, handles)) ledger.open(handle, state);
    if (ledger.handles.length !== handles.length) throw new Error('the profiles to edit are not all there');

    console.log(
      `Soaking ${server.url} for ${options.duration} s (${options.warmup} s warm-up): ${options.connections} read connections, ` +
        `${options.writers} writers on ${options.profiles} of ${options.people + 1} profiles...`,
    );
    const tally = new Tally();
    const writes: WriteFigures = { acknowledged: 0, conflicts: 0, retries: 0 };
    const started = Date.now();
    // Both while the load runs, each over a quarter of the time after the warm-up: the first
    // quarter and the last. Under load RSS swings by tens of MiB between garbage collections that
    // come every few tens of seconds; a median over a long window is not at the mercy of one.
    // NaN if it cannot be read: the memory check then fails rather than passes.
    const window = (options.duration - options.warmup) / 4;
    const rss = (atSecond: number) =>
      delay(atSecond * 1000)
        .then(() => medianRss(server.pid, window))
        .catch(() => Number.NaN);
    const rssAfterWarmup = rss(options.warmup);
    const rssAtEnd = rss(options.duration - window);
    await Promise.all([
      runReads({ url: server.url, connections: options.connections, seconds: options.duration, people: options.people, tally }),
      runWriters({
        url: server.url,
        targets,
        writers: options.writers,
        until: started + options.duration * 1000,
        tally,
        ledger,
        figures: writes,
      }),
    ]);
    const seconds = (Date.now() - started) / 1000;
    const memory = { afterWarmup: await rssAfterWarmup, end: await rssAtEnd, peak: (await sampleProcess(server.pid)).peakRssBytes };

    const ledgerProblems = ledger.check({
      'the API': await statesThroughApi(server.url, handles),
      'the tables': await statesInTables(databaseUrl, handles),
    });
    ledgerProblems.push(...(await skillCountProblems(databaseUrl)));
    result = { options, seconds, tally, writes, ledgerProfiles: handles.length, ledgerProblems, memory };
  } catch (error) {
    console.error(`The server's last output:\n${server.output()}`);
    await environment.close();
    throw error;
  }
  const report = { ...result, serverExitCode: await environment.close() };
  printReport(report);
  if (failures(report).length > 0 && server.output()) console.log(`\nThe server's last output:\n${server.output()}`);
  return failures(report).length === 0 ? 0 : 1;
}

runScript(main);
