import { createHash } from "node:crypto";
import { compareCodePoints } from "./canonical-json.ts";

const MAX_SLUG_LENGTH = 60;

/** Names Windows will not give a file or folder, whatever the extension: a page folder named `con` breaks a checkout there. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Names longer than this are read only this far; a server may send megabytes. */
const NAME_CHARACTERS_READ = 4 * MAX_SLUG_LENGTH;

/** `browser_take_screenshot` → `browser-take-screenshot`; anything else becomes hyphens. */
export function baseSlug(name: string): string {
  const slug = hyphenated(name).slice(0, MAX_SLUG_LENGTH).replace(/-+$/, "");
  if (WINDOWS_RESERVED.test(slug)) return `${slug}-tool`;
  return slug || "tool";
}

function hyphenated(name: string): string {
  return name
    .slice(0, NAME_CHARACTERS_READ)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A name whose slug had to be cut: another long name could share the cut, so it carries a hash. */
function isCut(name: string): boolean {
  return name.length > NAME_CHARACTERS_READ || hyphenated(name).length > MAX_SLUG_LENGTH;
}

function hashedSlug(name: string): string {
  const suffix = createHash("sha256").update(name).digest("hex").slice(0, 8);
  // Cut before the hash, the base can end in a hyphen ("a-b-" + "-hash" is not a valid slug).
  return `${baseSlug(name).slice(0, MAX_SLUG_LENGTH - 9).replace(/-+$/, "")}-${suffix}`;
}

/**
 * Gives every tool name a slug unique within its server. A name keeps the
 * slug it had in the previous catalog, so pages do not move when another
 * tool appears; new names get their plain slug when free, else one with a
 * hash of the name.
 */
export function assignSlugs(names: readonly string[], previous: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  const sorted = [...names].sort(compareCodePoints);
  for (const name of sorted) {
    const kept = previous.get(name);
    if (kept !== undefined && !taken.has(kept)) {
      slugs.set(name, kept);
      taken.add(kept);
    }
  }
  // Names whose plain slug no other name shares take it first; the rest are hashed.
  const wanted = new Map<string, number>();
  for (const name of sorted) if (!slugs.has(name)) wanted.set(baseSlug(name), (wanted.get(baseSlug(name)) ?? 0) + 1);
  for (const name of sorted) {
    if (slugs.has(name)) continue;
    const plain = baseSlug(name);
    let slug = wanted.get(plain) === 1 && !taken.has(plain) && !isCut(name) ? plain : hashedSlug(name);
    for (let n = 2; taken.has(slug); n++) slug = `${hashedSlug(name)}-${n}`;
    slugs.set(name, slug);
    taken.add(slug);
  }
  return slugs;
}
