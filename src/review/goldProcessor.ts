import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DocumentProcessor } from '../pipeline/DocumentProcessor.ts';
import type { ExtractionRecord, FieldRecord, TemplateId } from '../record/ExtractionRecord.ts';
import { decodeBytes } from '../ingest/decodeBytes.ts';
import { findTemplate } from '../templates/registry.ts';
import { describeRuleEvaluation, evaluateRule, ruleEvaluationFinding } from '../validate/evaluateRule.ts';

interface GoldFile {
  readonly template: TemplateId;
  readonly meta: { readonly agency: string | null; readonly year: number | null };
  readonly fields: Readonly<Record<string, number | null>>;
}

/**
 * Test helper: a DocumentProcessor that answers with the gold values of the seed corpus (matched by sha256),
 * the way the finished engine is meant to: fields in a failing hard rule go to review with the rule written
 * out, the rest are auto. Lets the service be tested independently of the extraction engine's progress.
 * Unknown bytes get an `unknown` record.
 */
export function createGoldProcessor(seedNames: readonly string[]): DocumentProcessor {
  const corpus = new URL('../../test/fixtures/', import.meta.url);
  const golds = new Map<string, GoldFile>();
  for (const name of seedNames) {
    const bytes = readFileSync(new URL(`corpus/${name}`, corpus));
    const gold = JSON.parse(readFileSync(new URL(`gold/${name.replace(/\.txt$/, '.json')}`, corpus), 'utf8')) as GoldFile;
    golds.set(createHash('sha256').update(bytes).digest('hex'), gold);
  }
  return {
    async process(input) {
      const sha256 = createHash('sha256').update(input.bytes).digest('hex');
      const decoded = decodeBytes(input.bytes);
      const gold = golds.get(sha256);
      const record: ExtractionRecord = gold
        ? recordFromGold(gold, input.name, sha256, decoded.text)
        : { document: input.name, sha256, template: 'unknown', meta: { agency: null, year: null }, fields: [] };
      return { record, decodedText: decoded.text, encoding: decoded.encoding, llm: 'off', usage: null, messages: ['gold processor (tests)'] };
    },
  };
}

function recordFromGold(gold: GoldFile, name: string, sha256: string, text: string): ExtractionRecord {
  const template = findTemplate(gold.template)!;
  const fields: FieldRecord[] = template.fields.map((definition) => {
    const value = gold.fields[definition.id] ?? null;
    const labelCore = definition.label.replace(/^[（(][一二三四五六七八九十][）)]|^\d+\.|^其中：/, '').slice(0, 6);
    const start = text.indexOf(labelCore);
    return {
      id: definition.id,
      value,
      raw: value === null ? '' : String(value),
      unit: definition.unit,
      method: 'table',
      confidence: 0.95,
      status: 'auto',
      evidence: start >= 0 ? { start, end: start + labelCore.length, text: labelCore } : null,
      issues: [],
      findings: [],
    };
  });
  const byId = new Map(fields.map((field) => [field.id, field]));
  for (const rule of template.rules) {
    const evaluation = evaluateRule(rule, (id) => byId.get(id)?.value);
    if (evaluation.outcome !== 'fail') continue;
    for (const id of [...rule.left, ...rule.right]) {
      const field = byId.get(id);
      if (!field) continue;
      field.issues.push(describeRuleEvaluation(evaluation));
      field.findings?.push(ruleEvaluationFinding(evaluation)!);
      if (rule.severity === 'hard') {
        field.status = 'review';
        field.confidence = 0.4;
      }
    }
  }
  return { document: name, sha256, template: gold.template, meta: { agency: gold.meta.agency, year: gold.meta.year }, fields };
}
