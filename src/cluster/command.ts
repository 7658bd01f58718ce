// `kg cluster`: builds on a Dask cluster (build.ts), and the partition merge its workers run (merge-part.ts).
import { Command, InvalidArgumentError, Option } from 'commander';
import { parseIsoDate } from '../read/index.js';
import type { EdgeMode, GexfVersion } from '../export/gexf.js';
import { clusterBuild, LOCAL_KG, reportSkipped, type ClusterBuildOptions } from './build.js';
import { mergePartCommand } from './merge-part.js';

function whole(min: number, max: number, what: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected ${what} ${min}-${max}`);
    return n;
  };
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 86_400) throw new InvalidArgumentError('expected a number of seconds (0-86400]');
  return n;
}

function isoDate(value: string): string {
  if (!parseIsoDate(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return value;
}

function scheduler(value: string): string {
  if (!/^(tcp|tls):\/\/[^\s/:]+:\d{1,5}$/.test(value)) throw new InvalidArgumentError('expected a Dask scheduler address, tcp://HOST:PORT');
  return value;
}

type Opts = Omit<ClusterBuildOptions, 'workerKg'> & { workerKg?: string; gexfVersion: GexfVersion; edgeMode: EdgeMode };

export function clusterCommand(): Command {
  const cluster = new Command('cluster').description('build a graph on a Dask cluster (python3-distributed): same files as kg build')
    // an added command does not inherit kg's output settings: its errors are one line, like kg's
    .configureOutput({ outputError: (str, write) => write(`kg: ${str.split('\n')[0]!.replace(/^error: /, '')} (see kg cluster build --help)\n`) });

  cluster.command('build')
    .description('extract and merge JSON Lines corpora on the Dask workers of SCHEDULER; write DIR/graph.json and graph.gexf, ' +
      'byte-identical to kg build of the same corpus. Each worker needs node and this repository, built, at the same path (or --worker-kg). ' +
      'Exit code 2: built, but some rows were skipped')
    .argument('<corpora...>', '*.jsonl files or directories of them')
    .requiredOption('--scheduler <address>', 'the Dask scheduler, tcp://HOST:PORT', scheduler)
    .requiredOption('--out <dir>', 'output directory')
    .option('--partitions <n>', 'merge partitions (tasks of the merge stage)', whole(1, 4096, 'a number of partitions'), 8)
    .option('--shard-size <n>', 'articles per extraction task', whole(1, 1_000_000, 'a number of articles'), 1000)
    .option('--workers <n>', 'wait for this many workers before starting', whole(1, 10_000, 'a number of workers'), 1)
    .option('--connect-timeout <s>', 'seconds to reach the scheduler', seconds, 10)
    .option('--worker-timeout <s>', 'seconds to wait for --workers workers', seconds, 60)
    .option('--worker-kg <path>', 'dist/cli/kg.js on the workers (default: this one\'s path)')
    .option('--worker-node <path>', 'node on the workers', 'node')
    .option('--python <path>', 'the Python with python3-distributed that runs the driver', '/usr/bin/python3')
    .option('--wait', 'when another build is writing DIR, wait for it instead of stopping with exit 1')
    .addOption(new Option('--date <YYYY-MM-DD>', 'publication date for articles without one').argParser(isoDate))
    .addOption(new Option('--lang <lang>', 'force the language instead of detecting it').choices(['it', 'en']))
    .addOption(new Option('--gexf-version <version>', 'GEXF version').choices(['1.3', '1.2draft']).default('1.3'))
    .addOption(new Option('--edge-mode <mode>', 'GEXF edges: directed or mixed').choices(['directed', 'mixed']).default('directed'))
    .action(async (corpora: string[], opts: Opts) => {
      const r = await clusterBuild(corpora, { ...opts, workerKg: opts.workerKg ?? LOCAL_KG });
      process.stderr.write(
        `kg: ${r.merged} article(s) added${r.duplicates ? `, ${r.duplicates} already in the graph` : ''}${r.skipped.length ? `, ${r.skipped.length} skipped` : ''}` +
          ` → ${r.nodes} nodes, ${r.edges} edges in ${opts.out}/graph.json and graph.gexf\n`,
      );
      // as kg build reports them: the summary, then what was skipped
      reportSkipped(r.skipped);
      process.exitCode = r.skipped.length ? 2 : 0;
    });

  cluster.command('merge-part', { hidden: true })
    .description('(run by Dask workers) merge one partition: SEQ<TAB>fragment-part lines on stdin, merged elements on stdout')
    .action(async () => {
      await mergePartCommand(process.stdin, process.stdout);
    });
  return cluster;
}
