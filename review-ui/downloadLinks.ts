import { api, loginAgain } from './api.ts';
import { h } from './dom.ts';
import { errorText } from './format.ts';
import { t } from './i18n/locale.ts';
import { templates } from '../src/templates/registry.ts';

/**
 * Starts a download only while the caller may download: a session that ended meanwhile first gets the login
 * form, so the browser never saves an error page as the dataset.
 */
export async function startDownload(href: string, status: HTMLElement, publicAllowed = href.startsWith('/api/export')): Promise<void> {
  try {
    const me = await api<{ user: unknown; publicDownloads: boolean }>('/api/auth/me');
    if (!me.user && !(publicAllowed && me.publicDownloads)) await loginAgain();
    const link = h('a', { href, download: '' });
    document.body.append(link);
    link.click();
    link.remove();
    status.textContent = t.downloadStarted;
  } catch (error) {
    status.textContent = errorText(error);
  }
}

/**
 * The download section: a header choice (Chinese label with unit, field id, or both), then one line per file
 * with what it contains: wide CSV/XLSX per form, the whole workbook, the long table, JSONL, the dictionary, and the
 * panel (agency key × year × harmonised indicator) with its indicators.
 */
export function downloadLinks(): HTMLElement {
  const status = h('span', { class: 'muted', id: 'download-status' });
  const header = h('select', { id: 'download-header', name: 'header' },
    ...(['', 'label', 'id', 'both'] as const).map((style) => h('option', { value: style }, t.headerStyles[style] ?? style)));
  const button = (label: string, query: string, id: string) => h('a', {
    class: 'button', id, href: `/api/export?${query}`, dataset: { export: query },
    on: {
      click: (event) => {
        event.preventDefault();
        void startDownload(`/api/export?${query}${header.value === '' ? '' : `&header=${header.value}`}`, status);
      },
    },
  }, label);
  const line = (cells: (HTMLElement | string)[], description: string) =>
    h('tr', {}, ...cells.map((cell) => h('td', {}, cell)), h('td', { class: 'description' }, description));
  return h(
    'section',
    { class: 'downloads', id: 'downloads' },
    h('h3', {}, t.downloadsTitle),
    h('p', { class: 'muted' }, t.downloadsIntro, ' ', h('label', { for: 'download-header' }, t.headerChoice), header, ' ', status),
    h('table', {}, h('tbody', {},
      ...templates.map((template) => line(
        [`${t.templateNames[template.id] ?? template.id}${t.parens(template.id)}`,
          button(t.wideCsv, `format=csv&shape=wide&template=${template.id}`, `download-csv-${template.id}`),
          button(t.wideXlsx, `format=xlsx&shape=wide&template=${template.id}`, `download-xlsx-${template.id}`)],
        t.wideDescription(template.fields.length))),
      line(['', button(t.allXlsx, 'format=xlsx&shape=wide', 'download-xlsx-all'), ''], t.allXlsxDescription),
      line(['', button(t.longCsv, 'format=csv&shape=long', 'download-csv-long'), ''], t.longCsvDescription),
      line(['', button(t.jsonl, 'format=jsonl&shape=wide', 'download-jsonl'), ''], t.jsonlDescription),
      line(['', button(t.dictionaryCsv, 'format=csv&shape=dictionary', 'download-dictionary'), ''], t.dictionaryDescription),
      line([t.panelName, button(t.panelCsv, 'format=csv&shape=panel', 'download-panel-csv'), button(t.panelXlsx, 'format=xlsx&shape=panel', 'download-panel-xlsx')], t.panelDescription),
      line(['', button(t.panelJsonl, 'format=jsonl&shape=panel', 'download-panel-jsonl'), button(t.panelDictionaryCsv, 'format=csv&shape=panel-dictionary', 'download-panel-dictionary')], t.panelDictionaryDescription))),
  );
}
