// One in-process read of a data folder on one thread; prints CPU ms. argv: <ingest src index> <core src index> <dir>
const [, , ingestPath, corePath, dir] = process.argv as [string, string, string, string, string];
const ingest = (await import(ingestPath)) as typeof import('../src/index.ts');
const core = (await import(corePath)) as typeof import('@ekoraportti/core');
const agreement = core.getAgreement('2025');
const known = new Set(core.AGREEMENT_VERSIONS.flatMap((v) => core.getAgreement(v).kpis.map((k) => k.id)));
const t0 = process.cpuUsage();
const w0 = performance.now();
const tally = new core.KpiTally(agreement.kpis, '2025-12-31', core.targetDeadlines(agreement));
const r = await ingest.readDataFolder(dir, { agreement, asOf: '2025-12-31', lang: 'fi', kpiTally: tally, threads: 1, knownKpis: known });
const c = process.cpuUsage(t0);
console.log(JSON.stringify({ cpu: Math.round((c.user + c.system) / 1000), wall: Math.round(performance.now() - w0), used: r.inputs['indicators.csv'].rowsUsed, rej: r.inputs['indicators.csv'].rowsRejected }));
