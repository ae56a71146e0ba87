import { api, ApiError } from './api.ts';
import { h, replace } from './dom.ts';

interface UploadAnswer {
  readonly document: { readonly id: string; readonly name: string };
  readonly duplicate: boolean;
}

/**
 * Upload: choose or drop files; each is sent as multipart with its name, one after another, and its outcome
 * (queued, already stored, or the server's reason for refusing it) is listed.
 */
export function uploadPanel(onUploaded: () => void): HTMLElement {
  const results = h('ul', { class: 'upload-results', id: 'upload-results' });
  const input = h('input', { type: 'file', id: 'upload-input', multiple: true, accept: '.txt,.html,.htm,.pdf,.docx,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  const send = async (files: readonly File[]) => {
    for (const file of files) {
      const line = h('li', {}, file.name, ' — sending…');
      results.prepend(line);
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        const answer = await api<UploadAnswer>('/api/documents', { raw: form });
        replace(line, h('a', { href: `#/documents/${answer.document.id}` }, answer.document.name), answer.duplicate ? ' — already stored (same bytes)' : ' — queued for extraction');
        line.className = 'ok';
      } catch (error) {
        replace(line, file.name, ' — ', error instanceof ApiError ? error.message : String(error));
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
  const zone = h('div', { class: 'drop-zone' }, h('label', { for: 'upload-input' }, 'Upload reports (.txt / .html / .pdf / .docx): '), input, h('span', { class: 'muted' }, ' or drop files here'));
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
