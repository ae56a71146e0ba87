import type { DocumentSummary } from '../src/store/storeSchemas.ts';
import { api } from './api.ts';
import { h, replace } from './dom.ts';
import { errorText, stateLabel } from './format.ts';
import { t } from './i18n/locale.ts';

interface UploadAnswer {
  readonly document: DocumentSummary;
  readonly duplicate: boolean;
}

/** How often an upload still extracting is looked at again. */
const FOLLOW_MS = 1500;

/**
 * Upload: choose or drop files; each is sent as multipart with its name, one after another, and its line
 * follows it to its end state (in review with n fields, committed, failed with the reason), or says why the
 * server refused it.
 */
export function uploadPanel(onUploaded: () => void): HTMLElement {
  const results = h('ul', { class: 'upload-results', id: 'upload-results' });
  const input = h('input', { type: 'file', id: 'upload-input', multiple: true, accept: '.txt,.csv,.html,.htm,.pdf,.docx,text/plain,text/csv,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document' });

  const showState = (line: HTMLElement, summary: DocumentSummary, duplicate: boolean) => {
    const state = summary.state === 'failed' ? t.uploadFailed(summary.error ?? t.unknownError) : summary.state === 'queued' ? t.uploadQueued : stateLabel(summary);
    replace(line, h('a', { href: `#/documents/${summary.id}` }, summary.name), ' — ', duplicate ? `${t.uploadDuplicate} · ` : '', h('span', { class: `state state-${summary.state}` }, state));
    line.className = summary.state === 'failed' ? 'error' : 'ok';
    line.dataset.state = summary.state;
  };

  const follow = (line: HTMLElement, id: string, duplicate: boolean) => {
    const look = () => {
      // Stop when the line left the page (another screen opened).
      if (!line.isConnected) return;
      api<{ summary: DocumentSummary }>(`/api/documents/${id}`).then((view) => {
        showState(line, view.summary, duplicate);
        if (view.summary.state === 'queued') setTimeout(look, FOLLOW_MS);
        else onUploaded();
      }, () => setTimeout(look, FOLLOW_MS * 2));
    };
    setTimeout(look, FOLLOW_MS);
  };

  const send = async (files: readonly File[]) => {
    for (const file of files) {
      const line = h('li', {}, file.name, ` — ${t.uploadSending}`);
      results.prepend(line);
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        const answer = await api<UploadAnswer>('/api/documents', { raw: form });
        showState(line, answer.document, answer.duplicate);
        if (answer.document.state === 'queued') follow(line, answer.document.id, answer.duplicate);
      } catch (error) {
        replace(line, file.name, ' — ', errorText(error));
        line.className = 'error';
      }
    }
    onUploaded();
  };
  input.addEventListener('change', () => {
    void send([...(input.files ?? [])]).then(() => {
      input.value = '';
    });
  });
  const zone = h('div', { class: 'drop-zone' }, h('label', { for: 'upload-input' }, t.uploadLabel), input, h('span', { class: 'muted' }, t.uploadDrop));
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    void send([...(event.dataTransfer?.files ?? [])]);
  });
  return h('section', { class: 'upload' }, zone, results);
}
