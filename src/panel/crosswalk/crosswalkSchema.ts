import { z } from 'zod';

/** The forms a crosswalk maps (every template the parser reads; `unknown` has no fields to map). */
export const crosswalkFormSchema = z.enum(['gov-2014', 'gov-2019', 'gov-2021']);
/** A form the crosswalk maps. */
export type CrosswalkForm = z.infer<typeof crosswalkFormSchema>;

/**
 * How a form's figure relates to the indicator: `same` definition, `close` (same intent, differing at the edges,
 * the note says how), `none` (another form prints a similarly named but different figure: this indicator is this
 * form's alone), `only-form` (no other form reports anything like it).
 */
export const comparabilitySchema = z.enum(['same', 'close', 'none', 'only-form']);
/** How a form's figure relates to the indicator. */
export type Comparability = z.infer<typeof comparabilitySchema>;

/** Where one form gives an indicator: its field(s), added up when `sum` is true. */
export const formSourceSchema = z.object({
  fields: z.array(z.string().min(1)).min(1),
  sum: z.boolean(),
  comparability: comparabilitySchema,
  note: z.string(),
}).refine((source) => source.sum || source.fields.length === 1, { message: 'several fields must be summed (sum: true)' })
  .refine((source) => new Set(source.fields).size === source.fields.length, { message: 'a field is listed twice' });
/** Where one form gives an indicator. */
export type FormSource = z.infer<typeof formSourceSchema>;

/** One comparable indicator of the panel. */
export const indicatorSchema = z.object({
  id: z.string().regex(/^[a-z][A-Za-z0-9]*(?:\.[a-z][A-Za-z0-9]*)*$/u),
  labelZh: z.string().min(1),
  labelEn: z.string().min(1),
  unit: z.string().min(1),
  note: z.string(),
  forms: z.partialRecord(crosswalkFormSchema, formSourceSchema),
  /** Indicators of other forms with a similar name that must never share a line with this one. */
  notComparableWith: z.array(z.string()).default([]),
}).superRefine((indicator, context) => {
  const forms = Object.entries(indicator.forms);
  if (forms.length === 0) context.addIssue({ code: 'custom', message: `${indicator.id}: no form gives it` });
  // The panel's promise: figures that are not comparable never share a line, so such an indicator is one form's.
  const solitary = forms.filter(([, source]) => source && (source.comparability === 'none' || source.comparability === 'only-form'));
  if (solitary.length > 0 && forms.length > 1) {
    context.addIssue({ code: 'custom', message: `${indicator.id}: comparability "none"/"only-form" on a form, yet ${forms.length} forms share the indicator` });
  }
});
/** One comparable indicator of the panel. */
export type Indicator = z.infer<typeof indicatorSchema>;

/** The crosswalk file: the indicators, and what each comparability level means (for the dataset dictionary). */
export const crosswalkSchema = z.object({
  version: z.number().int().positive(),
  source: z.string(),
  comparability: z.record(comparabilitySchema, z.string().min(1)),
  indicators: z.array(indicatorSchema).min(1),
}).superRefine((crosswalk, context) => {
  const ids = new Set<string>();
  for (const indicator of crosswalk.indicators) {
    if (ids.has(indicator.id)) context.addIssue({ code: 'custom', message: `indicator ${indicator.id} is defined twice` });
    ids.add(indicator.id);
  }
  const byId = new Map(crosswalk.indicators.map((indicator) => [indicator.id, indicator]));
  for (const indicator of crosswalk.indicators) {
    for (const other of indicator.notComparableWith) {
      const partner = byId.get(other);
      if (!partner) context.addIssue({ code: 'custom', message: `${indicator.id}: notComparableWith names unknown indicator ${other}` });
      else if (!partner.notComparableWith.includes(indicator.id)) {
        context.addIssue({ code: 'custom', message: `${indicator.id} and ${other}: notComparableWith must be stated on both` });
      }
    }
  }
});
/** The crosswalk file. */
export type Crosswalk = z.infer<typeof crosswalkSchema>;
