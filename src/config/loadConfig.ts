import { z } from 'zod';

/**
 * All configuration, zod-parsed from the environment in this one place. Sections: server/store (review
 * service) and llm (the OpenAI-compatible endpoint). Every setting has an embedded default, so the product
 * runs with no environment at all (and then without an LLM).
 */
export const configSchema = z.object({
  dataDirectory: z.string().default('data'),
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  llm: z.object({
    apiKey: z.string().optional(),
    baseUrl: z.string().url().optional(),
    model: z.string().default('gpt-4o-mini'),
  }),
});

/** The parsed configuration. */
export type Config = z.infer<typeof configSchema>;

/** Parses the configuration from an environment (process.env in main; a plain object in tests). */
export function loadConfig(environment: Record<string, string | undefined>): Config {
  const blankToUndefined = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);
  return configSchema.parse({
    dataDirectory: blankToUndefined(environment.GONGKAI_DATA_DIR),
    host: blankToUndefined(environment.GONGKAI_HOST),
    port: blankToUndefined(environment.GONGKAI_PORT ?? environment.PORT),
    llm: {
      apiKey: blankToUndefined(environment.OPENAI_API_KEY),
      baseUrl: blankToUndefined(environment.OPENAI_BASE_URL),
      model: blankToUndefined(environment.GONGKAI_LLM_MODEL ?? environment.OPENAI_MODEL),
    },
  });
}
