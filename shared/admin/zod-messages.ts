/**
 * Stands in for zod's English messages in the admin page's bundle (scripts/build-admin.ts maps
 * zod/v4/locales/en.js here): the page only asks whether an answer matches its schema and never
 * shows zod's wording, so the 3 KB of messages would be dead weight against its budget.
 */
export default function messages(): { localeError: () => string } {
  return { localeError: () => 'does not match the schema' };
}
