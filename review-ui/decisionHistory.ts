import type { Decision } from '../src/store/storeSchemas.ts';
import { h } from './dom.ts';
import { formatTime, formatValue } from './format.ts';
import { t } from './i18n/locale.ts';

/** A field's audit trail, oldest decision first: who, when, what, the value before and after, and what was shown. */
export function decisionHistory(decisions: readonly Decision[]): HTMLElement {
  if (decisions.length === 0) return h('p', { class: 'muted' }, t.noDecisionYet);
  return h('ol', { id: 'history-list' }, ...decisions.map((decision) =>
    h('li', {},
      `${formatTime(decision.at)} · ${decision.by} · ${t.actions[decision.action] ?? decision.action} · `,
      decision.old && decision.new
        ? `${formatValue(decision.old.value)}${t.parens(t.fieldStatuses[decision.old.status] ?? decision.old.status)} → ${formatValue(decision.new.value)}${t.parens(t.fieldStatuses[decision.new.status] ?? decision.new.status)}`
        : '',
      t.onVersion(decision.version),
      decision.note ? h('div', { class: 'muted' }, decision.note) : null,
      decision.reasonShown.length > 0 ? h('div', { class: 'muted' }, t.shown(decision.reasonShown.join(' | '))) : null,
      decision.confirmedRules.length > 0 ? h('div', { class: 'warning' }, t.confirmedBreaking(decision.confirmedRules.join(', '))) : null)));
}
