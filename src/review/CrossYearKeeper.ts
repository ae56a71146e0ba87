import type { AgencyIdentity } from '../panel/agency/AgencyIdentity.ts';
import { resolveAgencyKey } from '../panel/agency/resolveAgencyKey.ts';
import { recordWithCrossYearWarnings, settleAcrossYears, type CrossYearStoreContext } from '../panel/crossYear/crossYearInStore.ts';
import type { ExtractionRecord } from '../record/ExtractionRecord.ts';
import type { Store } from '../store/Store.ts';
import type { DocumentSummary, StoredDocument } from '../store/storeSchemas.ts';
import { summariseDocument } from './summariseDocument.ts';

/** Thrown inside a store update to write nothing (a neighbouring year settled nothing after all). */
class NothingToSettle extends Error {}

/** What the cross-year rules need from the review service. */
export interface CrossYearKeeperOptions {
  readonly store: Store;
  readonly clock: () => Date;
  readonly log?: (line: string) => void;
  /** The reviewers' agency identities; absent, the cross-year rules are off. */
  readonly agencyIdentities?: () => Promise<readonly AgencyIdentity[]>;
}

/**
 * The review service's cross-year rules over neighbouring years of one agency key: broken chains shown as warnings when
 * a document is read (computed, not stored), glued runs a neighbouring year settles read after an extraction.
 */
export class CrossYearKeeper {
  constructor(private readonly options: CrossYearKeeperOptions) {}

  /** The document as shown: broken chains to the adjacent years of its agency as findings. */
  async withWarnings(summary: DocumentSummary, document: StoredDocument): Promise<StoredDocument> {
    const context = this.context();
    if (!context) return document;
    try {
      return { ...document, record: await recordWithCrossYearWarnings(context, summary, document) };
    } catch (error) {
      // A neighbour that cannot be read (quarantined, say) costs the warning, not the document.
      this.options.log?.(`cross-year check of ${summary.id.slice(0, 12)} skipped: ${error instanceof Error ? error.message : String(error)}`);
      return document;
    }
  }

  /**
   * After a reviewer's merge or confirmation of agency identities: documents now filed under `agencyKey` may have
   * new neighbouring years, so the settling runs again for each of them (undecided cells only).
   */
  async settleAgency(agencyKey: string): Promise<void> {
    const identities = await this.options.agencyIdentities?.();
    if (!identities) return;
    for (const summary of await this.options.store.listDocuments()) {
      if (resolveAgencyKey(summary.agency, identities).key === agencyKey) await this.settle(summary.id);
    }
  }

  /**
   * After an extraction: glued runs that a neighbouring year settles are read, on this document and its adjacent
   * years (settleAcrossYears: undecided cells only, method stays `table`, a new version with a processing message).
   */
  async settle(id: string): Promise<void> {
    const context = this.context();
    if (!context) return;
    const { store, clock, log } = this.options;
    const update = async (target: string, change: (record: ExtractionRecord) => { record: ExtractionRecord; settled: readonly string[] } | null) => {
      await store.updateDocument(target, ({ summary, document }) => {
        const result = document && !document.rejected ? change(document.record) : null;
        if (!document || !result) throw new NothingToSettle();
        const now = clock();
        const message = `cross-year: ${result.settled.length} field(s) read from a glued run that a neighbouring year settles (${result.settled.join(', ')})`;
        const next: StoredDocument = {
          ...document,
          version: document.version + 1,
          record: result.record,
          processing: { ...document.processing, messages: [...document.processing.messages, message] },
        };
        return { summary: summariseDocument(summary, next, now), document: next };
      }).catch((error: unknown) => {
        if (!(error instanceof NothingToSettle)) throw error;
      });
    };
    try {
      await settleAcrossYears(context, id, update);
    } catch (error) {
      log?.(`cross-year settling after ${id.slice(0, 12)} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private context(): CrossYearStoreContext | undefined {
    const identities = this.options.agencyIdentities;
    return identities ? { store: this.options.store, identities } : undefined;
  }
}
