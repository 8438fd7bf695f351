import { editionFor, primaryLanguage, type EditionSettings } from "../model/editions.ts";

/** A language's name in English, as the import's lines are written ("French" for fr); undefined where none is known. */
function languageName(tag: string): string | undefined {
  try {
    return new Intl.DisplayNames(["en"], { type: "language", fallback: "none" }).of(tag);
  } catch {
    // Not a well-formed tag: it has no name.
    return undefined;
  }
}

/** "English", "English or Russian", "English, Russian or Arabic". */
function either(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/**
 * Why an item in `lang` cannot become a story here: no edition is in its language, and a story
 * of another edition would show readers of that edition a language they did not choose. Refused
 * rather than held, since an editor could publish a held story only in the wrong edition.
 * Undefined when an edition is in the item's language, or the item states none (the site's).
 */
export function noEditionFor(lang: string | undefined, editions: readonly Pick<EditionSettings, "lang">[]): string | undefined {
  if (lang === undefined || editionFor(lang, editions) !== undefined) return undefined;
  const known = languageName(primaryLanguage(lang));
  // A language Intl cannot name is called by the tag the agency wrote.
  const name = known ?? lang;
  const offered = either([...new Set(editions.map(({ lang: tag }) => languageName(primaryLanguage(tag)) ?? tag))]);
  return (
    `the item is in ${known ? `${known} (${lang})` : lang}, and the site has no ${name} edition ` +
    `(expected an item in ${offered}; to publish ${name} stories add an edition: see "Adding an edition" in the README)`
  );
}

/** An item's language as a language tag: feeds made with Java's tools write the locale's underscore ("en_US", "ru_RU"). */
export function languageTag<T extends { lang?: string }>(item: T): T {
  return item.lang?.includes("_") ? { ...item, lang: item.lang.replaceAll("_", "-") } : item;
}
