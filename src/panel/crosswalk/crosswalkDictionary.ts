import { crosswalk as projectCrosswalk } from './crosswalk.ts';
import type { Comparability, Crosswalk, CrosswalkForm } from './crosswalkSchema.ts';

/** One line of the panel's dataset dictionary: an indicator as one form gives it. */
export interface CrosswalkDictionaryRow {
  readonly indicatorId: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly unit: string;
  readonly form: CrosswalkForm;
  /** Source field ids, joined by " + " when summed. */
  readonly source: string;
  readonly comparability: Comparability;
  /** What the comparability level means (from the crosswalk file). */
  readonly comparabilityMeaning: string;
  readonly note: string;
  /** Indicators of other forms it must never be put on one line with. */
  readonly notComparableWith: string;
}

/** The dictionary of the panel export (the sheet or CSV beside shape=panel), in crosswalk order, one row per indicator and form. */
export function crosswalkDictionary(crosswalk: Crosswalk = projectCrosswalk): CrosswalkDictionaryRow[] {
  return crosswalk.indicators.flatMap((indicator) =>
    (Object.entries(indicator.forms) as [CrosswalkForm, NonNullable<(typeof indicator.forms)[CrosswalkForm]>][]).map(([form, source]) => ({
      indicatorId: indicator.id,
      labelZh: indicator.labelZh,
      labelEn: indicator.labelEn,
      unit: indicator.unit,
      form,
      source: source.fields.join(' + '),
      comparability: source.comparability,
      comparabilityMeaning: crosswalk.comparability[source.comparability],
      note: [source.note, indicator.note].filter((note) => note.length > 0).join(' '),
      notComparableWith: indicator.notComparableWith.join(', '),
    })));
}
