import { h } from './dom.ts';

const downloads = [
  { label: 'CSV (wide)', query: 'format=csv&shape=wide' },
  { label: 'CSV (long)', query: 'format=csv&shape=long' },
  { label: 'XLSX', query: 'format=xlsx&shape=wide' },
  { label: 'XLSX (long)', query: 'format=xlsx&shape=long' },
  { label: 'JSONL', query: 'format=jsonl&shape=wide' },
  { label: 'Dictionary (CSV)', query: 'format=csv&shape=dictionary' },
] as const;

/** Download buttons for the committed dataset (plain links: the browser streams the file to disk). */
export function downloadLinks(): HTMLElement {
  return h(
    'div',
    { class: 'downloads' },
    h('span', { class: 'muted' }, 'Download the committed dataset: '),
    ...downloads.map((download) =>
      h('a', { class: 'button', href: `/api/export?${download.query}`, download: '', dataset: { export: download.query } }, download.label)),
  );
}
