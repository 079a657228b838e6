/**
 * One or more rows for each settled point and risk reason of the
 * classification standard (shared/reference/classification.md, v2). Every
 * row failed on the classifier as it was before v2 was implemented.
 */
import { describe, expect, it } from "vitest";
import type { ToolDefinition } from "../../src/catalog/tool-definition-schema.ts";
import { classifyTool, type Category, type Risk } from "../../src/classify/index.ts";

type Json = Record<string, unknown>;
const object = (properties: Json, required: string[] = []): Json => ({ type: "object", properties, required });
const text = (description?: string): Json => ({ type: "string", ...(description ? { description } : {}) });
const flag = (description?: string): Json => ({ type: "boolean", ...(description ? { description } : {}) });
const choice = (values: string[], description?: string): Json => ({ type: "string", enum: values, ...(description ? { description } : {}) });
const ids = (description: string): Json => ({ type: "array", items: { type: "string" }, description });

interface Row {
  point: string;
  /** The server's name, where the standard's point depends on its domain. */
  server?: string;
  tool: ToolDefinition;
  category: Category;
  risk: Risk;
}

const rows: Row[] = [
  // Financial documents, draft or not; bookkeeping of money that already moved is Write.
  { point: "creating an invoice is Financial even as a draft", category: "Financial", risk: "Critical", tool: { name: "create_invoice", description: "Creates a draft invoice for a customer.", inputSchema: object({ customer_id: text(), due_date: text() }, ["customer_id"]) } },
  { point: "creating a bill is Financial", category: "Financial", risk: "Critical", tool: { name: "create_bill", description: "Create a bill from a supplier.", inputSchema: object({ contact_id: text(), line_items: { type: "array", items: { type: "object" } } }) } },
  { point: "drafting an invoice is Financial", category: "Financial", risk: "Critical", tool: { name: "draft_invoice", description: "Drafts an invoice for the hours logged this month.", inputSchema: object({ client_id: text() }) } },
  // Read-only subsets: a command runner limited to read-only commands, and saying so, is Read Medium.
  { point: "an allowlisted read-only command runner is Read, Medium", category: "Read", risk: "Medium", tool: { name: "run_diagnostic_command", description: "Runs a diagnostic command on the host. Only read-only commands from an allowlist (ls, cat, df, ps) are accepted.", inputSchema: object({ command: text("The command to run") }, ["command"]) } },
  // A read that also saves its result to disk.
  { point: "a screenshot saved as a file is Write, Medium", category: "Write", risk: "Medium", tool: { name: "capture_screenshot", description: "Capture a screenshot of the current page.", inputSchema: object({ savePath: text("Path to save the PNG file to") }), annotations: { readOnlyHint: true } } },
  { point: "logs downloaded to a folder are Write, Medium", category: "Write", risk: "Medium", tool: { name: "get_job_logs", description: "Get the logs of a CI job.", inputSchema: object({ job_id: text(), output_dir: text("Directory the log files are written to") }) } },
  // Installing: an extension into a service is Write High; software that then runs is Execute.
  { point: "installing an extension is Write, High", category: "Write", risk: "High", tool: { name: "install_extension", description: "Install an extension into the workspace.", inputSchema: object({ extension_id: text() }) } },
  { point: "installing a package on the host is Execute", category: "Execute", risk: "High", tool: { name: "install_package", description: "Installs an npm package into the project.", inputSchema: object({ name: text(), version: text() }) } },
  // Stopping, terminating, cancelling.
  { point: "restarting an app is Write, High", category: "Write", risk: "High", tool: { name: "restart_app", description: "Restart an application and all of its dynos.", inputSchema: object({ app: text() }) } },
  { point: "stopping a VM is Write, High", category: "Write", risk: "High", tool: { name: "stop_instance", description: "Stops a running virtual machine instance.", inputSchema: object({ instance_id: text() }) } },
  { point: "cancelling a scheduled meeting that has not started is Write, Medium", category: "Write", risk: "Medium", tool: { name: "cancel_meeting", description: "Cancels a scheduled meeting and notifies nobody.", inputSchema: object({ meeting_id: text() }) } },
  // Credentials returned to the caller are Read, Medium.
  { point: "a read that returns a token is Read, Medium", category: "Read", risk: "Medium", tool: { name: "get_deploy_token", description: "Returns a deploy token for the project.", inputSchema: object({ project: text() }) } },
  // Personal data: records about people.
  { point: "reading employee records is Read, Medium", category: "Read", risk: "Medium", tool: { name: "list_employees", description: "Lists the employees of the company with their job titles.", inputSchema: object({ department: text() }) } },
  { point: "a sensitive read stated in a later sentence is Read, Medium", category: "Read", risk: "Medium", tool: { name: "get_call", description: "Get a call by id. The result includes the call's recording URL and its full transcript.", inputSchema: object({ call_id: text() }) } },
  { point: "an API key the call authenticates with is no sensitive read", category: "Read", risk: "Low", tool: { name: "search_places", description: "Uses the API key you provide to search for places near a point.", inputSchema: object({ query: text(), near: text(), api_key: text() }) } },
  // What removal is Destructive, and what is Write.
  { point: "unlinking two records is Write", category: "Write", risk: "Medium", tool: { name: "unlink_issues", description: "Removes the link between two issues; both issues remain.", inputSchema: object({ issue_id: text(), other_issue_id: text() }) } },
  { point: "a truncate switch before writing is Destructive", category: "Destructive", risk: "High", tool: { name: "import_csv", description: "Import rows from a CSV file into a sheet.", inputSchema: object({ sheet: text(), csv: text(), truncate: flag("Empty the sheet before importing") }) } },
  { point: "an update that can set the status 'deleted' is Destructive", category: "Destructive", risk: "High", tool: { name: "update_page", description: "Updates a page's properties.", inputSchema: object({ page_id: text(), status: choice(["draft", "published", "deleted"], "New status of the page") }) } },
  { point: "clearing the agent's own viewer is Write, Low", category: "Write", risk: "Low", tool: { name: "clear_console", description: "Clears the browser console of the current session.", inputSchema: object({}) } },
  // Dispatchers.
  { point: "a filter enum with 'cancel' is data, not the tool's action", category: "Read", risk: "Low", tool: { name: "list_orders", description: "List orders.", inputSchema: object({ action: choice(["created", "cancel", "refund"], "Only orders whose last action was this one"), limit: { type: "number" } }) } },
  { point: "a saved request's method DELETE is data", category: "Write", risk: "Medium", tool: { name: "create_saved_request", description: "Saves an HTTP request to a collection.", inputSchema: object({ collection_id: text(), method: choice(["GET", "POST", "PUT", "DELETE"]), url: text() }) } },
  // Name conventions.
  { point: "a PascalCase operation id acts by its first verb", category: "Read", risk: "Low", tool: { name: "Api2024--ListInvoiceItems", description: "Invoice items.", inputSchema: object({ invoice: text() }) } },
  { point: "a noun-like last word is no action", category: "Read", risk: "Low", tool: { name: "jobs_build", description: "Information about a job's last build.", inputSchema: object({ job: text() }) } },
  // Parameter roles.
  { point: "country_code is not code to run", category: "Read", risk: "Low", tool: { name: "search_businesses", description: "Search businesses by name.", inputSchema: object({ name: text(), country_code: text("ISO 3166 country code") }) } },
  { point: "a list of ids to delete stays High", category: "Destructive", risk: "High", tool: { name: "delete_labels", description: "Delete the labels with these ids.", inputSchema: object({ label_ids: ids("Ids of the labels to delete") }) } },
  { point: "a deletion by filter is Critical", category: "Destructive", risk: "Critical", tool: { name: "remove_records", description: "Remove records from the table.", inputSchema: object({ table: text(), filter: text("Records matching this filter are removed") }) } },
  // Usage guidance is not what the tool does.
  { point: "'IMPORTANT: call this tool before any other' is guidance, not an effect", category: "Read", risk: "Low", tool: { name: "workspace_context", description: "IMPORTANT: call this tool before any other tool. Returns the workspace's name and its settings.", inputSchema: object({}) } },
  // Explicit readOnlyHint: true is strong evidence.
  { point: "readOnlyHint wins over a content parameter and an action list", category: "Read", risk: "Low", tool: { name: "preview_message", description: "Shows how a message will look.", inputSchema: object({ body: text(), action: choice(["render", "send_preview"]) }), annotations: { readOnlyHint: true } } },
  // Write -> High reasons; Write -> Low reasons.
  { point: "admin rights over an organisation are Critical", category: "Write", risk: "Critical", tool: { name: "add_organization_admin", description: "Grants a user admin rights over the organization.", inputSchema: object({ org: text(), user: text() }) } },
  { point: "resizing the agent's own viewport is Write, Low", category: "Write", risk: "Low", tool: { name: "set_viewport", description: "Sets the browser viewport size.", inputSchema: object({ width: { type: "number" }, height: { type: "number" } }) } },
  { point: "opening a debug session is the agent's own session, Write, Low", category: "Write", risk: "Low", tool: { name: "create_debug_session", description: "Create a new debugging session", inputSchema: object({ language: text() }) } },
  { point: "setting a breakpoint stays in the agent's debug session, Write, Low", category: "Write", risk: "Low", tool: { name: "set_breakpoint", description: "Set a breakpoint at a line.", inputSchema: object({ file: text(), line: { type: "number" } }, ["file", "line"]) } },
  { point: "a bare connect whose URL says where to connect is Write, Low", category: "Write", risk: "Low", tool: { name: "connect", description: "Connect to a Redis instance.", inputSchema: object({ url: text("Redis URL (redis://host:6379)") }) } },
  { point: "connecting all of the agent's connections is a bare connect, Write, Low", category: "Write", risk: "Low", tool: { name: "connect_all", description: "Connect to both IMAP and SMTP servers.", inputSchema: object({}) } },
  // Service-affecting and running.
  { point: "activating a workflow makes it run on its own: Execute", category: "Execute", risk: "High", tool: { name: "activate_workflow", description: "Activate a workflow by ID so that it runs on its triggers.", inputSchema: object({ id: text() }, ["id"]) } },
  { point: "deactivating a workflow stops what relies on it: Write, High", category: "Write", risk: "High", tool: { name: "deactivate_workflow", description: "Deactivate a workflow by ID.", inputSchema: object({ id: text() }, ["id"]) } },
  // Sensitive reads.
  { point: "a mail tool on a general server reads private mail: Read, Medium", category: "Read", risk: "Medium", tool: { name: "readGmailDraft", description: "Read the full content of a draft by its ID.", inputSchema: object({ draftId: text() }, ["draftId"]) } },
  { point: "a read that returns any file on the host by an absolute or relative path is Read, Medium", category: "Read", risk: "Medium", tool: { name: "get_source_context", description: "Get source context around a line in a file", inputSchema: object({ file: text("Path to the source file. Use absolute paths or paths relative to your working directory"), line: { type: "number" } }, ["file", "line"]) } },
  { point: "a file read confined to allowed directories stays Read, Low", category: "Read", risk: "Low", tool: { name: "read_text_file", description: "Read the contents of a file. Only works within allowed directories.", inputSchema: object({ path: text("Absolute path of the file") }, ["path"]) } },
  { point: "a repository's working directory is no file to read: Read, Low", category: "Read", risk: "Low", tool: { name: "git_log", description: "Show the commit history.", inputSchema: object({ path: text("Path to the Git repository. Defaults to the session working directory.") }) } },
  // Write -> High: access, firewall rules, service-affecting upgrades, invitations.
  { point: "changing a firewall rule changes access: Write, High", category: "Write", risk: "High", tool: { name: "update_firewall_rule", description: "Update a firewall rule.", inputSchema: object({ id: text(), ports: text() }, ["id"]) } },
  { point: "suspending a user takes away their access: Write, High", category: "Write", risk: "High", tool: { name: "suspend_user", description: "Suspend a user.", inputSchema: object({ user_id: text() }, ["user_id"]) } },
  { point: "disabling a feature flag is an ordinary change: Write, Medium", category: "Write", risk: "Medium", tool: { name: "disable_feature_flag", description: "Disable a feature flag.", inputSchema: object({ key: text() }, ["key"]) } },
  { point: "upgrading a running database is service-affecting: Write, High", category: "Write", risk: "High", tool: { name: "upgrade_database", description: "Upgrade the database to a new major version.", inputSchema: object({ id: text(), version: text() }) } },
  { point: "an event with attendees invites people: Write, High", category: "Write", risk: "High", tool: { name: "create_calendar_event", description: "Create a calendar event.", inputSchema: object({ title: text(), attendees: { type: "array", items: { type: "string" }, description: "Email addresses of attendees" } }) } },
  { point: "a Notion block is a noun, not a verb: Read, Low", category: "Read", risk: "Low", tool: { name: "API-get-block-children", description: "Retrieve block children", inputSchema: object({ block_id: text() }, ["block_id"]) } },
  { point: "a draft with recipients is saved, not sent: Write, Medium", category: "Write", risk: "Medium", tool: { name: "create_draft", description: "Create an email draft.", inputSchema: object({ to: text(), body: text() }, ["to"]) } },
  { point: "code scanning alerts are security findings: Read, Medium", category: "Read", risk: "Medium", tool: { name: "list_code_scanning_alerts", description: "List code scanning alerts for a repository.", inputSchema: object({ repo: text() }, ["repo"]) } },
  { point: "a shop's orders are customers' records: Read, Medium", server: "shopify", category: "Read", risk: "Medium", tool: { name: "get_orders", description: "Get orders from the Shopify store.", inputSchema: object({ first: { type: "number" } }) } },
  { point: "a trading server's orders are no customer records: Read, Low", server: "interactive-brokers", category: "Read", risk: "Low", tool: { name: "get_live_orders", description: "Get the account's open orders.", inputSchema: object({}) } },
  { point: "resizing a volume changes what runs there: Write, High", category: "Write", risk: "High", tool: { name: "resize_volume", description: "Resize a block storage volume.", inputSchema: object({ id: text(), size_gb: { type: "number" } }) } },
  { point: "resizing the agent's own page stays in its session: Write, Low", category: "Write", risk: "Low", tool: { name: "resize_page", description: "Resizes the selected page's window.", inputSchema: object({ width: { type: "number" }, height: { type: "number" } }) } },
  { point: "a query tool whose description names SQL runs it: Execute, High", category: "Execute", risk: "High", tool: { name: "query_database", description: "Query the database with SQL.", inputSchema: object({ sql: text() }, ["sql"]) } },
  { point: "generating something the service keeps is Write", category: "Write", risk: "Medium", tool: { name: "generate_report", description: "Generate a report and save it in the workspace.", inputSchema: object({ name: text() }) } },
  { point: "generating something only returned stays Read", category: "Read", risk: "Low", tool: { name: "generate_image", description: "Generate an image and return it.", inputSchema: object({ prompt: text() }) } },
  { point: "enqueuing a job for workers runs it: Execute, High", category: "Execute", risk: "High", tool: { name: "enqueue_job", description: "Enqueue a job to be processed by workers.", inputSchema: object({ name: text(), data: text() }) } },
  { point: "admin rights named anywhere in the first sentence over an organisation are Critical", category: "Write", risk: "Critical", tool: { name: "grant_admin", description: "Grant admin access on the organization to a user.", inputSchema: object({ user: text() }) } },
  { point: "a count of messages returns no messages: Read, Low", category: "Read", risk: "Low", tool: { name: "get_message_count", description: "Get the total number of messages in INBOX.", inputSchema: object({}) } },
  { point: "a credential type's schema returns no credentials: Read, Low", category: "Read", risk: "Low", tool: { name: "get_credential_schema", description: "Show the data schema of a credential type. Find the type name in the UI when creating credentials.", inputSchema: object({ type: text() }, ["type"]) } },
  { point: "updating a phone number is no arithmetic: Write, Medium", category: "Write", risk: "Medium", tool: { name: "update_phone_number", description: "Updates a phone number", inputSchema: object({ phoneNumber: text(), nickname: text() }, ["phoneNumber"]) } },
  { point: "a reply to a document comment posts into a shared workspace: Write, Medium", category: "Write", risk: "Medium", tool: { name: "replyToComment", description: "Adds a reply to an existing comment.", inputSchema: object({ commentId: text(), replyText: text("The content of the reply") }, ["commentId", "replyText"]) } },
  { point: "a reply to an email reaches its people: Write, High", category: "Write", risk: "High", tool: { name: "reply_to_email", description: "Reply to an email.", inputSchema: object({ messageId: text(), body: text() }, ["messageId", "body"]) } },
  { point: "an export its description says is saved to a local directory is Write, Medium", category: "Write", risk: "Medium", tool: { name: "export_route_gpx", description: "Exports a route in GPX format and saves it to a pre-configured local directory.", inputSchema: object({ routeId: text() }, ["routeId"]) } },
  { point: "a spreadsheet's table is a range, not a container: Destructive, High", category: "Destructive", risk: "High", tool: { name: "sheets_delete_table", description: "Delete a native Google Sheets table by tableId", inputSchema: object({ spreadsheetId: text(), tableId: text() }, ["spreadsheetId", "tableId"]) } },
  { point: "a database's table is a container: Destructive, Critical", category: "Destructive", risk: "Critical", tool: { name: "delete_table", description: "Delete a table and all its rows.", inputSchema: object({ table: text() }, ["table"]) } },
  { point: "applying a manifest deploys workloads: Execute, High", category: "Execute", risk: "High", tool: { name: "apply_manifest", description: "Apply a Kubernetes manifest to the cluster.", inputSchema: object({ manifest: text() }, ["manifest"]) } },
  { point: "a command in a running container runs there, not on the host: Execute, High", category: "Execute", risk: "High", tool: { name: "docker_exec", description: "Execute a command in a running container.", inputSchema: object({ container: text(), command: text() }, ["container", "command"]) } },
  { point: "attaching an IAM policy to a role changes access: Write, High", category: "Write", risk: "High", tool: { name: "attach_role_policy", description: "Attach a managed policy to a role.", inputSchema: object({ role: text(), policy_arn: text() }) } },
  { point: "muting a monitor is a change, not a read: Write, Medium", category: "Write", risk: "Medium", tool: { name: "mute_monitor", description: "Mute a monitor.", inputSchema: object({ id: text() }, ["id"]) } },
  { point: "Python code the server runs itself is unrestricted code on the host: Execute, Critical", category: "Execute", risk: "Critical", tool: { name: "execute_python", description: "Execute Python code and return the output.", inputSchema: object({ code: text("Python code to run") }, ["code"]) } },
  { point: "Python code run in an isolated sandbox stays Execute, High", category: "Execute", risk: "High", tool: { name: "run_python", description: "Run Python code in an isolated sandbox.", inputSchema: object({ code: text("Python code to run") }, ["code"]) } },
  { point: "custom JavaScript for a site's pages is no code on the host: Execute, High", category: "Execute", risk: "High", tool: { name: "add_custom_js", description: "Add custom JavaScript code to a page.", inputSchema: object({ page: text(), code: text("JavaScript code") }) } },
  { point: "a webhook subscription moves no money; it sends data out: Write, High", category: "Write", risk: "High", tool: { name: "create_webhook_subscription", description: "Subscribe a URL to events.", inputSchema: object({ url: text() }, ["url"]) } },
  { point: "an announcement reaches people: Write, High", category: "Write", risk: "High", tool: { name: "post_announcement", description: "Post an announcement to all employees.", inputSchema: object({ text: text() }, ["text"]) } },
  { point: "making a file public changes who can see it: Write, High", category: "Write", risk: "High", tool: { name: "make_public", description: "Make a file public.", inputSchema: object({ id: text() }, ["id"]) } },
  // Bounded and unbounded removal in one multi-action tool.
  { point: "'list all' beside 'delete a tag' removes one tag: High", category: "Destructive", risk: "High", tool: { name: "git_tag", description: "Manage tags: list all tags, create a new tag, delete a tag, or verify a signed tag.", inputSchema: object({ mode: choice(["list", "create", "delete", "verify"]), tagName: text() }) } },
  { point: "a list mode's 'all' switch scales what is shown, not what is deleted: High", category: "Destructive", risk: "High", tool: { name: "git_branch", description: "Manage branches.", inputSchema: object({ mode: choice(["list", "create", "delete"]), all: flag("For list mode: show both local and remote branches."), branchName: text() }) } },
  { point: "'discard all changes' removes an unbounded set: Critical", category: "Destructive", risk: "Critical", tool: { name: "discard_changes", description: "Discard all uncommitted changes in the working tree.", inputSchema: object({ path: text() }) } },
  { point: "an action that clears the whole stash removes an unbounded set: Critical", category: "Destructive", risk: "Critical", tool: { name: "stash", description: "Manage stashes: list, save, restore or remove them.", inputSchema: object({ mode: choice(["list", "push", "pop", "drop", "clear"]), index: { type: "number" } }) } },
  { point: "an update mode that clears all tasks first removes an unbounded set: Critical", category: "Destructive", risk: "Critical", tool: { name: "split_tasks", description: "Break down complex tasks into independent subtasks.", inputSchema: object({ tasksRaw: text("The subtasks, as JSON"), updateMode: choice(["append", "overwrite", "selective", "clearAllTasks"]) }, ["tasksRaw"]) } },
  { point: "removing jobs by the status they are in removes an unbounded set: Critical", category: "Destructive", risk: "Critical", tool: { name: "clean_queue", description: "Clean jobs from queue", inputSchema: object({ queue: text("Queue name"), status: choice(["completed", "failed"], "Job status to clean") }, ["queue"]) } },
  { point: "a status filter on one deletion picks nothing to remove: High", category: "Destructive", risk: "High", tool: { name: "delete_run", description: "Delete one test run.", inputSchema: object({ runId: text(), status: choice(["passed", "failed"], "Status of the runs to list first") }, ["runId"]) } },
  // Trash can be restored: data is not gone afterwards.
  { point: "moving a comment to the trash by its status is a change, not a deletion: Write, Medium", category: "Write", risk: "Medium", tool: { name: "update_comment", description: "Updates an existing comment.", inputSchema: object({ id: text(), content: text(), status: choice(["hold", "approve", "spam", "trash"]) }, ["id"]) } },
  // A force switch only raises a write when forcing replaces something.
  { point: "a force switch that only re-authenticates replaces nothing: Write, Medium", category: "Write", risk: "Medium", tool: { name: "connect_account", description: "Connect your account; opens a browser window to sign in.", inputSchema: object({ force: flag("Force re-authentication even if already connected") }) } },
  { point: "a force switch that writes over an existing file overwrites: Write, High", category: "Write", risk: "High", tool: { name: "record_video", description: "Records a video of the simulator screen to a file.", inputSchema: object({ output: text("Output file path"), force: flag("Force the output file to be written to, even if the file already exists.") }) } },
  // Voice-call servers: a call is a conversation with a person.
  { point: "a voice server's call records hold transcripts and recordings: Read, Medium", server: "retell-ai", category: "Read", risk: "Medium", tool: { name: "list_calls", description: "Lists all calls", inputSchema: object({ limit: { type: "number" } }) } },
  { point: "placing a phone call rings a person: Write, High", category: "Write", risk: "High", tool: { name: "create_phone_call", description: "Creates a new phone call from an agent to a number.", inputSchema: object({ from_number: text(), to_number: text() }, ["from_number", "to_number"]) } },
  { point: "a browser web call rings nobody: Write, Medium", server: "retell-ai", category: "Write", risk: "Medium", tool: { name: "create_web_call", description: "Creates a new web call", inputSchema: object({ agent_id: text() }, ["agent_id"]) } },
  { point: "a security audit returns security findings: Read, Medium", category: "Read", risk: "Medium", tool: { name: "generate_audit", description: "Generate a security audit for your instance.", inputSchema: object({ categories: ids("Risk categories to include") }) } },
  { point: "an event update that can notify its attendees sends to people: Write, High", category: "Write", risk: "High", tool: { name: "updateCalendarEvent", description: "Update an existing calendar event.", inputSchema: object({ eventId: text(), summary: text(), sendUpdates: choice(["all", "externalOnly", "none"], "Send update notifications") }, ["eventId"]) } },
  { point: "a search built on ripgrep returns lines of any file on the host: Read, Medium", category: "Read", risk: "Medium", tool: { name: "search", description: "Search files for patterns using ripgrep (rg)", inputSchema: object({ pattern: text("The search pattern"), path: text("Directory or file(s) to search.") }, ["pattern", "path"]) } },
  { point: "on a mail server, messages containing a text are private mail: Read, Medium", server: "mail-server", category: "Read", risk: "Medium", tool: { name: "search_by_body", description: "Search messages containing specific text in the body.", inputSchema: object({ text: text("Text to search for in message body") }, ["text"]) } },
  { point: "a read whose switch marks the message as seen changes the mailbox: Write, Medium", server: "mail-server", category: "Write", risk: "Medium", tool: { name: "get_message", description: "Retrieve a specific email message by UID.", inputSchema: object({ uid: { type: "number" }, markSeen: flag("Mark the message as seen") }, ["uid"]) } },
  { point: "formatting citations with readOnlyHint returns them and changes nothing: Read, Low", category: "Read", risk: "Low", tool: { name: "format_citations", description: "Get formatted citations for articles in one or more styles (APA, MLA, BibTeX).", inputSchema: object({ ids: ids("Article ids"), style: choice(["apa", "mla", "bibtex"]) }, ["ids"]), annotations: { readOnlyHint: true, openWorldHint: true } } },
  { point: "installing an app on a device deploys software that then runs: Execute, High", category: "Execute", risk: "High", tool: { name: "install_app", description: "Installs an app bundle (.app or .ipa) on the simulator.", inputSchema: object({ app_path: text("Path to the app bundle to install") }, ["app_path"]) } },
  { point: "starting a deployment runs it: Execute, High", category: "Execute", risk: "High", tool: { name: "start_deployment", description: "Starts a deployment of the service.", inputSchema: object({ serviceId: text() }, ["serviceId"]) } },
  { point: "the 'OS' of iOS names no shell: an app install stays High", server: "iOS Simulator", category: "Execute", risk: "High", tool: { name: "install_app", description: "Installs an app bundle on the simulator.", inputSchema: object({ app_path: text("Path to the app bundle") }, ["app_path"]) } },
  { point: "a count of emails returns no emails: Read, Low", category: "Read", risk: "Low", tool: { name: "count_emails", description: "Count emails matching the filters without changing them.", inputSchema: object({ from: text(), before: text() }) } },
  { point: "a customer's credits account is financial data, no record about the person: Read, Low", category: "Read", risk: "Low", tool: { name: "customer-credits-get-account", description: "Retrieve a customer credits account by id.", inputSchema: object({ accountId: text() }, ["accountId"]) } },
  { point: "a customer looked up by an identifier is a record about a person: Read, Medium", category: "Read", risk: "Medium", tool: { name: "get-customer-by-identifier", inputSchema: object({ identifier: text() }, ["identifier"]) } },
  { point: "an Authorization header the request is sent with says how it authenticates, not what it returns: Read, Low", category: "Read", risk: "Low", tool: { name: "get_predictions", description: "Get a prediction's state. The request is sent with your Authorization header.", inputSchema: object({ id: text() }) } },
];

describe("the standard's settled points", () => {
  it.each(rows.map((r) => [r.point, r] as const))("%s", (_point, row) => {
    const verdict = classifyTool(row.tool, row.server !== undefined ? { serverName: row.server } : {});
    expect({ category: verdict.category, risk: verdict.risk }).toEqual({ category: row.category, risk: row.risk });
  });
});
