import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImpactRun, runImpact } from '../src/impact/impact.js';
import { mergeReports, runImpactOnWorkers } from '../src/impact/parallel.js';
import { loadPopulation } from '../src/impact/population.js';
import { impactJson } from '../src/impact/render.js';
import { prepareCatalogue, prepareScope } from '../src/pipeline.js';
import { fromRoot } from '../src/util/files.js';

describe('impact on worker threads', () => {
  it('gives the same report as one thread', async () => {
    const edited = join(mkdtempSync(join(tmpdir(), 'wijzer-workers-')), 'samen-doen');
    cpSync(fromRoot('catalogue', 'samen-doen'), edited, { recursive: true });
    cpSync(fromRoot('test', 'diff', 'versies', 'ib2-inzicht-strenger', 'producten'), join(edited, 'producten'), { recursive: true });
    const scope = prepareScope();
    const population = await loadPopulation(fromRoot('test', 'diff', 'versies', 'ib2-inzicht-strenger', 'populatie.jsonl'), scope.scope!.vocabulary);
    const profiles = population.profiles!;
    const base = { label: 'basis', folder: fromRoot('catalogue', 'samen-doen') };
    const current = { label: 'gewijzigd', folder: edited };
    const seen: number[] = [];
    // Chunks of 40: both workers get a share, so the merge is what is tested.
    const parallel = await runImpactOnWorkers(base, current, profiles, (done) => seen.push(done), 2, 40);
    const single = await runImpact(
      new ImpactRun({ label: 'basis', compiled: prepareCatalogue(base.folder, scope).compiled! }, { label: 'gewijzigd', compiled: prepareCatalogue(edited, scope).compiled! }),
      profiles,
    );
    const counts = (r: typeof single) => (impactJson({ ...r, seconds: 0 }) as { groepen: { groep: string; overgangen: { was: string; wordt: string; aantal: number; oorzaken: unknown }[] }[] }).groepen
      .map((g) => ({ groep: g.groep, overgangen: g.overgangen.map((o) => `${o.was}→${o.wordt}:${o.aantal}`).sort() }))
      .sort((a, b) => a.groep.localeCompare(b.groep));
    expect(parallel.total).toBe(profiles.length);
    expect(parallel.changedProfiles).toBe(single.changedProfiles);
    expect(counts(parallel)).toEqual(counts(single));
    expect(Math.max(...seen)).toBe(profiles.length);
    // Not only the counts: the whole report, in the same order, with the same examples.
    expect(impactJson({ ...parallel, seconds: 0 })).toEqual(impactJson({ ...single, seconds: 0 }));
  }, 60_000);

  it('merges partial reports in population order: chunks dealt out in turns give the one-thread report', async () => {
    const scope = prepareScope();
    const edited = join(mkdtempSync(join(tmpdir(), 'wijzer-workers-')), 'samen-doen');
    cpSync(fromRoot('catalogue', 'samen-doen'), edited, { recursive: true });
    cpSync(fromRoot('test', 'diff', 'versies', 'ib2-inzicht-strenger', 'producten'), join(edited, 'producten'), { recursive: true });
    const base = { label: 'basis', compiled: prepareCatalogue(fromRoot('catalogue', 'samen-doen'), scope).compiled! };
    const current = { label: 'gewijzigd', compiled: prepareCatalogue(edited, scope).compiled! };
    const population = await loadPopulation(fromRoot('test', 'diff', 'versies', 'ib2-inzicht-strenger', 'populatie.jsonl'), scope.scope!.vocabulary);
    const profiles = population.profiles!.slice(0, 150);
    const single = await runImpact(new ImpactRun(base, current), profiles);
    // Three "workers" taking chunks of 7 in turns, the last one first: the worst order to merge in.
    const parts = [new ImpactRun(base, current), new ImpactRun(base, current), new ImpactRun(base, current)];
    for (let i = 0; i < profiles.length; i++) await parts[2 - (Math.floor(i / 7) % 3)]!.add(profiles[i]!, i);
    const merged = mergeReports(parts.map((p) => p.report));
    expect(impactJson({ ...merged, seconds: 0 })).toEqual(impactJson({ ...single, seconds: 0 }));
  }, 60_000);
});
