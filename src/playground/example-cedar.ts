/**
 * The Cedar the playground opens with in its Cedar mode: the YAML
 * example's decisions that Cedar can express, for ToolHive. What it
 * cannot express is said in the file, as the catalog's own files do.
 */
export const exampleCedar = `// Example: guard rails for a GitHub-style server, as ToolHive Cedar policies.
// Not expressed: the YAML example's rate limits (Cedar decides each call alone),
// and its approval step (ToolHive has none, so merge_pull_request is forbidden).

@id("allow create_issue")
permit (principal, action == Action::"call_tool", resource == Tool::"create_issue");

@id("allow tools the server marks read-only")
permit (principal, action == Action::"call_tool", resource)
when { resource has readOnlyHint && resource.readOnlyHint };

@id("no approval step for merge_pull_request")
forbid (principal, action == Action::"call_tool", resource == Tool::"merge_pull_request");

@id("hidden delete_repository")
forbid (principal, action == Action::"call_tool", resource == Tool::"delete_repository");
`;
