import type { Category, Risk } from "../classify/verdict-schema.ts";
import type { CedarTarget } from "../policy/index.ts";

/** Every URL the site links to, in one place so pages, sitemap and llms.txt agree. */
export const serverPath = (id: string): string => `/servers/${id}/`;
export const toolPath = (serverId: string, slug: string): string => `/servers/${serverId}/tools/${slug}/`;
export const categoryPath = (category: Category): string => `/categories/${category.toLowerCase()}/`;
export const riskPath = (risk: Risk): string => `/risk/${risk.toLowerCase()}/`;
export const policyFileName = (serverId: string): string => `${serverId}.policy.yaml`;
export const policyFilePath = (serverId: string): string => `/servers/${serverId}/${policyFileName(serverId)}`;
/**
 * The Cedar gateways' files beside it. ToolHive reads its authorizer config
 * as JSON or YAML; YAML, because JSON has no comments and the file must say
 * what it cannot enforce.
 */
export const cedarFileName = (serverId: string, target: CedarTarget): string => `${serverId}.${target}.${target === "toolhive" ? "yaml" : "cedar"}`;
export const cedarFilePath = (serverId: string, target: CedarTarget): string => `/servers/${serverId}/${cedarFileName(serverId, target)}`;
/** The whole-server policy builder (another part of the project renders it). */
export const policyBuilderPath = (serverId: string): string => `/servers/${serverId}/policy/`;
/** The playground reads a policy from the fragment: `#policy=<encodeURIComponent(yaml)>` (also `&server=<id>&tool=<name>`, see url-state.ts). */
export const playgroundPath = (policyYaml: string): string => `/playground/#policy=${encodeURIComponent(policyYaml)}`;

export const slugOf = (value: string): string => value.toLowerCase();
