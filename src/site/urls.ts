import type { Category, Risk } from "../classify/verdict-schema.ts";

/** Every URL the site links to, in one place so pages, sitemap and llms.txt agree. */
export const serverPath = (id: string): string => `/servers/${id}/`;
export const toolPath = (serverId: string, slug: string): string => `/servers/${serverId}/tools/${slug}/`;
export const categoryPath = (category: Category): string => `/categories/${category.toLowerCase()}/`;
export const riskPath = (risk: Risk): string => `/risk/${risk.toLowerCase()}/`;
export const policyFileName = (serverId: string): string => `${serverId}.policy.yaml`;
export const policyFilePath = (serverId: string): string => `/servers/${serverId}/${policyFileName(serverId)}`;
/** The whole-server policy builder (another part of the project renders it). */
export const policyBuilderPath = (serverId: string): string => `/servers/${serverId}/policy/`;
/**
 * The playground reads a policy from the fragment: `#policy=<encodeURIComponent(yaml)>`,
 * and with a context `&server=<id>&tool=<name>`: that server is chosen and a call of
 * that tool is prefilled (its arguments filled from the tool's input schema).
 */
export const playgroundPath = (policyYaml: string, context?: { server: string; tool: string }): string =>
  `/playground/#policy=${encodeURIComponent(policyYaml)}${context ? `&server=${encodeURIComponent(context.server)}&tool=${encodeURIComponent(context.tool)}` : ""}`;

export const slugOf = (value: string): string => value.toLowerCase();
