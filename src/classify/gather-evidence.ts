/** Reads every source of evidence about a tool once, defensively. */
import { asText, capText } from "./bounded-text.ts";
import { detectHiddenInstructions, type HiddenInstructionFinding } from "./detect-hidden-instructions.ts";
import { explicitHints, type ExplicitHints } from "./read-annotations.ts";
import { readDescription, type DescriptionReading } from "./read-description.ts";
import { readDomain, type DomainReading } from "./read-domain.ts";
import { readNameWords, type NameReading } from "./read-name.ts";
import { readParameters, type ParameterReading } from "./read-parameters.ts";
import { isPlainObject, readSchema, type SchemaReading } from "./read-schema.ts";
import { sizeLimits } from "./rules.ts";
import { stems, verbAt } from "./read-words.ts";
import { meaningfulNameWords, splitName } from "./split-name.ts";

export interface Evidence {
  /** The name verbatim (empty when the server sent none). */
  name: string;
  nameReading: NameReading;
  /** Namespace words dropped from the front of the name. */
  droppedNamespace: string[];
  title?: string;
  titleReading?: NameReading;
  /** The description, when it has any text. */
  description?: string;
  descriptionReading?: DescriptionReading;
  schema: SchemaReading;
  parameters: ParameterReading;
  hints: ExplicitHints;
  domain: DomainReading;
  hidden: HiddenInstructionFinding[];
  /** Why the definition is oversized, outside the schema. */
  oversizedText: string[];
}

export function gatherEvidence(tool: unknown, serverName: unknown, tags: unknown): Evidence {
  const definition = isPlainObject(tool) ? tool : {};
  const name = asText(definition.name) ?? "";
  const { words, dropped } = meaningfulNameWords(name, typeof serverName === "string" ? serverName : undefined);
  const domain = readDomain(serverName, tags, words);
  const annotations = definition.annotations;
  const title = asText(definition.title) ?? (isPlainObject(annotations) ? asText(annotations.title) : undefined);
  const rawDescription = asText(definition.description);
  const description = rawDescription !== undefined && rawDescription.trim() !== "" ? rawDescription : undefined;
  const titleReading = title !== undefined && title.trim() !== "" ? readNameWords(splitName(capText(title, 200)), domain.domains) : undefined;
  const descriptionReading = description !== undefined ? readDescription(description, domain.domains) : undefined;
  // A title that leads with a verb settles which word of the name is its verb ("Create monitor" for
  // `monitor_create`); so does the description's leading verb when the name does not lead with one
  // (`bulk_publish_draft_notes`: "Publish all draft notes").
  const nameLeadsWithVerb = verbAt(words, 0, false) !== undefined;
  const leadingVerbs = [
    ...(titleReading?.verb?.index === 0 ? stems(titleReading.verb.word) : []),
    ...(descriptionReading?.verb && !nameLeadsWithVerb ? stems(descriptionReading.verb.word) : []),
  ];
  const nameReading = readNameWords(words, domain.domains, dropped.includes("api"), leadingVerbs);
  const schema = readSchema(definition.inputSchema);
  const nameObjects = nameReading.objects;

  const evidence: Evidence = {
    name,
    nameReading,
    droppedNamespace: dropped,
    schema,
    parameters: readParameters(schema.properties, nameObjects, domain.domains),
    hints: explicitHints(annotations),
    domain,
    hidden: [],
    oversizedText: [],
  };
  if (title !== undefined && titleReading !== undefined) {
    evidence.title = title;
    evidence.titleReading = titleReading;
  }
  if (description !== undefined && descriptionReading !== undefined) {
    evidence.description = description;
    evidence.descriptionReading = descriptionReading;
  }

  const texts = [
    // The name is scanned too: a bidi override in a name makes the page show a different tool than the model calls.
    ...(name !== "" ? [{ where: "name", text: name }] : []),
    ...(title !== undefined ? [{ where: "title", text: title }] : []),
    ...(rawDescription !== undefined ? [{ where: "description", text: rawDescription }] : []),
    ...schema.texts,
  ];
  evidence.hidden = detectHiddenInstructions(texts);

  // The crawler's record of what it cut (nesting, a huge description): the definition was read only in part.
  const cut = definition.cut;
  if (isPlainObject(cut) && Array.isArray(cut.notes)) {
    for (const note of cut.notes.slice(0, 3)) if (typeof note === "string") evidence.oversizedText.push(capText(note, 120));
  }
  if (name.length > sizeLimits.nameCharacters) evidence.oversizedText.push(`a name of ${name.length} characters`);
  if (title !== undefined && title.length > sizeLimits.titleCharacters) evidence.oversizedText.push(`a title of ${title.length} characters`);
  if (rawDescription !== undefined && rawDescription.length > sizeLimits.descriptionCharacters) {
    evidence.oversizedText.push(`a description of ${rawDescription.length} characters`);
  }
  return evidence;
}
