import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { GongkaiError } from '../../errors/GongkaiError.ts';
import { sniffInputKind } from '../../ingest/detectInputKind.ts';
import { decisionRequestSchema } from '../../review/decisionRequest.ts';
import { documentFilterSchema } from '../../review/documentFilter.ts';
import type { AppDependencies, AppEnv } from '../AppEnv.ts';
import { parseInput, readJsonBody } from '../readJsonBody.ts';
import { actorOf, requireAccess, requireSession } from '../requireAccess.ts';

/** Extra bytes a multipart body may carry around the file itself (boundaries and part headers). */
const MULTIPART_MARGIN = 64 * 1024;

const idSchema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * Documents, the review queue, decisions, history and stats.
 * - POST /api/documents — session or token: raw body (name in ?name= or X-File-Name) or multipart `file`;
 *   202 (new, extraction queued) or 200 (same bytes already stored), Location: /api/documents/<id>.
 * - GET /api/documents — session or token: filtered list (state, template, year, agency, reason, q, offset, limit).
 * - GET /api/documents/:id — session or token: entry, record, processing info (LLM state, usage, messages),
 *   decoded text, pending LLM work.
 * - GET /api/documents/:id/raw — session or token: the bytes exactly as submitted (as a download).
 * - GET /api/documents/:id/pdf — session or token: a PDF document's bytes as application/pdf, inline (the review
 *   UI draws its pages with pdf.js); 404 for a document that is not a PDF.
 * - GET /api/documents/:id/history — reviewer/admin: audit trail (?field= for one field).
 * - POST /api/documents/:id/decisions — reviewer/admin: approve / correct / blank / approve-auto / reject / meta.
 * - POST /api/documents/:id/retry — reviewer/admin: extract a failed document again.
 * - GET /api/queue — reviewer/admin: documents in review, with the same filters and facet counts.
 * - GET /api/stats — reviewer/admin: counts, the processor's status (LLM on/off, pending LLM work) and LLM usage
 *   (calls, tokens in/out, estimated cost) summed over all documents and per template.
 */
export function documentRoutes({ service, config }: AppDependencies): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const documentId = (raw: string) => {
    const parsed = idSchema.safeParse(raw);
    if (!parsed.success) throw new GongkaiError('not-found', `no document ${raw.slice(0, 80)}`);
    return parsed.data;
  };

  app.post(
    '/documents',
    bodyLimit({
      maxSize: config.service.maxDocumentBytes + MULTIPART_MARGIN,
      onError: () => {
        throw new GongkaiError('document-too-large', `the document is larger than the limit of ${Math.round(config.service.maxDocumentBytes / 1024 / 1024)} MB`, {
          limit: config.service.maxDocumentBytes,
        });
      },
    }),
    async (c) => {
      const principal = requireAccess(c, 'submit');
      const { bytes, name } = await readUpload(c.req.raw, c.req.query('name') ?? decodeHeader(c.req.header('x-file-name')));
      const { summary, created } = await service.submit({ bytes, name, submittedBy: actorOf(principal) });
      const location = `/api/documents/${summary.id}`;
      c.header('location', location);
      return c.json(
        {
          document: summary,
          created,
          duplicate: !created,
          location,
          reviewUrl: `/#/documents/${summary.id}`,
          message: created
            ? 'accepted: extraction runs in the background; poll the location for the record'
            : 'these bytes were already submitted: this is the existing document',
        },
        created ? 202 : 200,
      );
    },
  );

  app.get('/documents', async (c) => {
    requireAccess(c, 'read');
    const filter = parseInput(documentFilterSchema, { state: 'all', ...c.req.query() });
    return c.json(await service.listDocuments(filter));
  });

  app.get('/documents/:id', async (c) => {
    requireAccess(c, 'read');
    return c.json(await service.getDocument(documentId(c.req.param('id'))));
  });

  app.get('/documents/:id/raw', async (c) => {
    requireAccess(c, 'read');
    const { name, bytes } = await service.getRaw(documentId(c.req.param('id')));
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'",
        'cache-control': 'no-store',
      },
    });
  });

  app.get('/documents/:id/pdf', async (c) => {
    requireAccess(c, 'read');
    const id = documentId(c.req.param('id'));
    const { name, bytes } = await service.getRaw(id);
    // Bytes decide, as at upload: a document whose bytes are not a PDF has no PDF to show.
    if (sniffInputKind(bytes) !== 'pdf') throw new GongkaiError('not-found', `document ${id} is not a PDF`, { id });
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  });

  app.get('/documents/:id/history', async (c) => {
    requireAccess(c, 'review');
    const field = c.req.query('field');
    return c.json({ decisions: await service.history(documentId(c.req.param('id')), field === undefined || field === '' ? undefined : field) });
  });

  app.post('/documents/:id/decisions', async (c) => {
    const principal = requireSession(c, 'review');
    const request = await readJsonBody(c, decisionRequestSchema);
    return c.json(await service.decide(documentId(c.req.param('id')), request, principal.username));
  });

  app.post('/documents/:id/retry', async (c) => {
    requireSession(c, 'review');
    return c.json({ document: await service.retry(documentId(c.req.param('id'))) });
  });

  app.get('/queue', async (c) => {
    requireAccess(c, 'review');
    const filter = parseInput(documentFilterSchema, { state: 'review', ...c.req.query() });
    return c.json(await service.listDocuments(filter));
  });

  app.get('/stats', async (c) => {
    requireAccess(c, 'review');
    return c.json(await service.stats());
  });

  return app;
}

/** The submitted bytes and file name, from a multipart `file` part or the raw body. */
async function readUpload(request: Request, nameHint: string | undefined): Promise<{ bytes: Uint8Array; name: string }> {
  const contentType = request.headers.get('content-type') ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new GongkaiError('bad-request', 'the multipart body could not be read');
    }
    const files = form.getAll('file').filter((value): value is File => typeof value !== 'string');
    if (files.length !== 1) throw new GongkaiError('bad-request', `send exactly one file in the multipart field "file" (got ${files.length})`);
    const file = files[0]!;
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || nameHint || '' };
  }
  return { bytes: new Uint8Array(await request.arrayBuffer()), name: nameHint ?? '' };
}

/** X-File-Name is percent-encoded (headers are Latin-1); a value that is not stays as sent. */
function decodeHeader(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function asciiFileName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
}
