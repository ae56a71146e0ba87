import type { EvaluationReport, SetEvaluation } from './evaluateFixtures.ts';
import { confidencePolicy } from '../score/confidencePolicy.ts';
import { percent } from './evaluationFailures.ts';
import { formatBucketRows } from './formatCalibrationRows.ts';

/** Most misses listed per document (the rest are counted). */
const MISS_LIMIT = 25;

/** The evaluation as the readable text `npm run eval` prints. */
export function formatEvaluation(report: EvaluationReport, failures: readonly string[]): string {
  const lines: string[] = [];
  lines.push(...formatSet(report.seeds), '', ...formatSet(report.variants), '', ...formatSet(report.synthetic), '', ...formatSet(report.wildVerified), '', ...formatSet(report.printed), '');
  const wildCorrect = report.wild.filter((wild) => wild.templateCorrect && wild.expectedTemplate !== null).length;
  const wildAuto = report.wild.reduce((sum, wild) => sum + wild.auto, 0);
  const wildFields = report.wild.reduce((sum, wild) => sum + wild.fields, 0);
  lines.push(`== wild (${report.wild.length} reports, no gold): templates right ${wildCorrect}/${report.wild.length}; fields ${wildFields}, auto ${wildAuto}, review ${wildFields - wildAuto}`);
  for (const wild of report.wild) {
    const mark = wild.templateCorrect && wild.expectedTemplate !== null ? 'ok ' : 'BAD';
    const expected = wild.templateCorrect ? '' : ` (expected ${wild.expectedTemplate ?? 'not listed'})`;
    const error = wild.error ? `  error: ${wild.error}` : '';
    lines.push(`  ${mark} ${wild.document.padEnd(52)} ${wild.template.padEnd(8)}${expected}  auto ${String(wild.auto).padStart(3)}  review ${String(wild.review).padStart(3)}  ${wild.agency ?? '-'} ${wild.year ?? '-'}${error}`);
  }
  lines.push('');
  if (failures.length === 0) lines.push('evaluation: PASS');
  else {
    lines.push(`evaluation: FAIL (${failures.length})`);
    for (const failure of failures) lines.push(`  - ${failure}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatSet(set: SetEvaluation): string[] {
  const s = set.summary;
  const lines = [
    `== ${set.name} (${s.documents} documents, ${s.fields} fields)`,
    `  field accuracy   ${percent(s.accuracy)}  (${s.correct}/${s.fields})`,
    `  auto-precision   ${percent(s.autoPrecision)}  (${s.autoCorrect}/${s.auto} auto fields right; ${s.wrongAuto} wrong)`,
    `  review rate      ${percent(s.reviewRate)}  (${s.review}/${s.fields})`,
    `  templates        ${s.templatesCorrect}/${s.documents}   agency ${s.agenciesCorrect}/${s.documents}   year ${s.yearsCorrect}/${s.documents}`,
    `  inconsistencies  ${s.flagsFound}/${s.flagsExpected} flagged`,
    `  calibration      ${s.calibration.filter((band) => band.fields > 0).map((band) => `[${band.from.toFixed(2)},${Math.min(1, band.to).toFixed(2)}${band.to > 1 ? ']' : ')'} ${band.right}/${band.fields} right`).join('; ')}`,
    `  highest confidence of a wrong value: ${s.highestWrongConfidence === null ? 'none wrong' : s.highestWrongConfidence.toFixed(3)} (auto at ≥ ${confidencePolicy.autoThreshold})`,
  ];
  if (s.buckets.length > 0) lines.push('  calibration buckets on this set (`auto`: the committed calibration.json lets it be auto)', ...formatBucketRows(s.buckets));
  for (const document of set.documents) {
    const meta = [
      document.templateCorrect ? '' : `template ${document.template} (expected ${document.expectedTemplate})`,
      document.agencyCorrect ? '' : `agency ${JSON.stringify(document.agency)}`,
      document.yearCorrect ? '' : `year ${document.year ?? 'none'}`,
    ].filter(Boolean).join('; ');
    const flags = document.flags.map((flag) => `${flag.field} ${flag.flagged ? 'flagged' : 'NOT FLAGGED'}`).join(', ');
    lines.push(`  ${document.document}: ${document.correct}/${document.fields} right, auto ${document.auto}, review ${document.review}` +
      `${flags ? `; ${flags}` : ''}${meta ? `; ${meta}` : ''}`);
    for (const miss of document.misses.slice(0, MISS_LIMIT)) {
      const got = miss.got === undefined ? 'absent' : miss.got === null ? 'blank' : String(miss.got);
      const expected = miss.expected === null ? 'blank' : String(miss.expected);
      lines.push(`    miss ${miss.field}: expected ${expected}, got ${got} (${miss.status})${miss.status === 'auto' ? '  <-- WRONG AUTO' : ''}`);
    }
    if (document.misses.length > MISS_LIMIT) lines.push(`    … ${document.misses.length - MISS_LIMIT} more misses`);
  }
  return lines;
}
