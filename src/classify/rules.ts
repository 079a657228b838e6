/**
 * Every rule the classifier applies, as data with a plain explanation, so the
 * methodology page can render exactly what the code does. The standard these
 * rules implement is shared/reference/classification.md.
 */
import type { Category, Risk } from "./verdict-schema.ts";

/** Categories by consequence, least first: the tie-break order of the standard. */
export const categoryOrder: readonly Category[] = ["Read", "Write", "Execute", "Destructive", "Financial"];

/** Kinds of object a tool acts on, recognised in names, descriptions and action values. */
export type ObjectKind =
  | "ai-model"
  | "element"
  | "data-artifact"
  | "app-view"
  | "money"
  | "payments-money"
  | "container"
  | "sensitive"
  | "code"
  | "message"
  | "access"
  | "internal-report"
  | "web-page"
  | "file"
  | "runnable"
  | "read-job"
  | "tracked-item"
  | "session"
  | "connection"
  | "credential"
  | "outbound"
  | "relation"
  | "session-setting"
  | "state-setting"
  | "service"
  | "storage"
  | "commentable"
  | "draft"
  | "automation"
  | "account-holder"
  | "scheduled"
  | "extension"
  | "installable"
  | "running-work"
  | "verifiable"
  | "math";

/** Facts about a call that move its risk or settle its category. */
export type Trait =
  | "external-send"
  | "access-change"
  | "overwrite"
  | "inspects-input"
  | "host-execution"
  | "sandboxed"
  | "internal-report"
  | "bulk"
  | "container"
  | "sensitive"
  | "read-only-claim"
  | "query-language"
  | "read-only-language"
  | "money"
  | "unsent"
  | "router"
  | "session-only"
  | "service-affecting"
  | "third-party-install"
  | "not-started"
  | "kept"
  | "detach";

export interface ObjectRule {
  kind: ObjectKind;
  /** Lower-case words (or space-joined word pairs) that name such an object. */
  words: readonly string[];
  /** Word pairs that look like the kind but are not ("payment method" is a record, not money). */
  except?: readonly string[];
  /** Only on servers of this domain. */
  domain?: DomainName;
  /** Words that do not name this kind on servers (or in tools) of a domain (a spreadsheet's table is no container). */
  exceptInDomain?: { domain: DomainName; words: readonly string[] };
  /** Words of this kind that count in a name only as its head noun (`get_user` reads a user; `get_user_stars_count` a count). */
  headOnly?: readonly string[];
  /** A word of this kind followed by one of these names something else (`contact property` is a field's definition, not a contact). */
  notBefore?: readonly string[];
  explanation: string;
}

export const objectRules: readonly ObjectRule[] = [
  {
    kind: "money",
    words: ["refund", "refunds", "payment", "payments", "charge", "charges", "payout", "payouts", "invoice", "invoices", "invoice item", "invoice items", "bill", "bills", "credit note", "credit notes", "creditnote", "subscription", "subscriptions", "purchase", "purchases", "paymentlink", "checkout", "topup", "funds", "money", "donation", "credit", "credits", "paymentintent", "payment link", "payment intent", "checkout session", "top up", "trading order", "trading orders", "trade order", "trade orders", "buy order", "sell order", "market order", "limit order", "stop order"],
    except: ["payment method", "payment methods", "credit card", "credit cards", "payment status", "webhook subscription", "webhook subscriptions", "event subscription", "event subscriptions", "push subscription", "push subscriptions", "subscription filter", "subscription filters", "change subscription", "notification subscription", "notification subscriptions"],
    explanation: "Refunds, payments, charges, payouts, invoices, bills, credit notes, subscriptions, purchases and credit move money or create an obligation to pay (an invoice or bill, draft or not, asks someone to pay).",
  },
  {
    kind: "payments-money",
    words: ["transfer", "transfers", "order", "orders", "balance", "cart", "capture", "wallet", "fund"],
    domain: "payments",
    explanation: "On a payments server, transfers, orders, balances and wallets are money too.",
  },
  {
    kind: "sensitive",
    words: ["message", "messages", "draft", "drafts", "attachment", "attachments", "thread", "threads", "conversation", "conversations"],
    domain: "email",
    explanation: "On a mail server, messages, drafts, threads and attachments are someone's private mail: sensitive even to read.",
  },
  {
    kind: "sensitive",
    words: ["order", "orders", "draft order", "draft orders", "abandoned checkout", "abandoned checkouts", "fulfillment order", "fulfillment orders"],
    domain: "shop",
    except: ["order status", "order statuses", "sort order"],
    explanation: "On a shop server, orders carry customers' names, addresses and purchases: personal data, sensitive even to read.",
  },
  {
    kind: "sensitive",
    words: ["call", "calls", "call log", "call logs", "phone call", "phone calls"],
    domain: "telephony",
    except: ["web call", "web calls", "call status", "call statuses"],
    explanation: "On a voice-call server, a call's record holds the caller's number, the transcript and the recording: sensitive even to read.",
  },
  {
    kind: "message",
    words: ["call", "calls", "phone call", "phone calls", "outbound call", "outbound calls"],
    domain: "telephony",
    except: ["web call", "web calls"],
    explanation: "On a voice-call server, placing a call rings a person: it reaches someone outside as a message does.",
  },
  {
    kind: "running-work",
    words: ["pipeline", "pipelines", "pipeline run", "pipeline runs", "build", "builds", "job", "jobs", "workflow run", "workflow runs", "run", "runs", "execution", "executions", "campaign", "campaigns", "migration", "migrations"],
    explanation: "Pipelines, builds, jobs, runs and executions are work that is running: stopping one aborts it.",
  },
  {
    kind: "verifiable",
    words: ["domain", "domains", "sender", "senders", "sender identity", "sender identities", "email identity", "email identities", "ownership"],
    explanation: "A domain's or a sender's verification is a process the service runs and records: the domain's status changes.",
  },
  {
    kind: "container",
    words: ["repository", "repositories", "repo", "repos", "database", "databases", "db", "project", "projects", "cluster", "clusters", "account", "accounts", "organization", "organisation", "org", "workspace", "workspaces", "namespace", "namespaces", "collection", "collections", "table", "tables", "bucket", "buckets", "schema", "tenant", "keyspace", "site", "sites", "volume", "volumes", "content type", "content types"],
    exceptInDomain: { domain: "spreadsheet", words: ["table", "tables"] },
    explanation: "Repositories, databases, projects, clusters, accounts, workspaces, namespaces, collections, tables and buckets hold many other things: removing one removes them all.",
  },
  {
    kind: "sensitive",
    words: ["secret", "secrets", "env", "environment variable", "environment variables", "credential", "credentials", "password", "passwords", "apikey", "api key", "api keys", "access token", "access tokens", "private key", "private keys", "ssh", "cookie", "cookies", "vault", "pii", "personal data", "private message", "private messages", "direct message", "direct messages", "dm", "dms", "channel history", "conversation history", "message history", "chat history", "thread replies", "customer", "customers", "contact", "contacts", "crm objects", "user profile", "user profiles", "kubeconfig", "token", "tokens", "employee", "employees", "payroll", "payslip", "payslips", "salary", "salaries", "transcript", "transcripts", "recording", "recordings", "email address", "email addresses", "patient", "patients", "medical record", "medical records", "health record", "health records", "ssn", "vulnerability", "vulnerabilities", "security finding", "security findings", "security alert", "security alerts", "code scanning", "code scanning alert", "code scanning alerts", "secret scanning", "secret scanning alert", "secret scanning alerts", "dependabot alert", "dependabot alerts", "security issue", "security issues", "security event", "security events", "sms", "sms messages", "text messages", "inbox", "email", "emails", "mail", "mails", "messages", "message", "chat messages", "person", "persons", "people", "lead", "leads", "applicant", "applicants", "candidate", "candidates", "attendee", "attendees", "attendance", "participant", "participants", "member", "members", "direct reports", "calendar event", "calendar events", "guest", "guests", "subscriber", "subscribers", "follower", "followers", "recipient", "recipients", "user", "users", "current user", "user info", "whoami", "variable group", "variable groups", "pipeline variables", "ci variables", "env vars"],
    except: ["cluster member", "cluster members", "design token", "design tokens", "console message", "console messages", "log message", "log messages", "error message", "error messages", "commit message", "commit messages", "system message", "status message", "token usage", "token count", "tokens used", "lead time"],
    headOnly: ["customer", "customers", "user", "users", "member", "members", "person", "people", "guest", "guests", "follower", "followers", "subscriber", "subscribers", "recipient", "recipients", "participant", "participants", "lead", "leads", "message", "messages", "email", "emails", "mail"],
    notBefore: ["property", "properties", "field", "fields", "segment", "segments", "type", "types", "schema", "schemas", "template", "templates", "attribute", "attributes", "setting", "settings", "config", "configuration", "count", "counts", "definition", "definitions", "policy", "policies", "format", "formats", "folder", "folders", "tag", "tags", "label", "labels", "category", "categories", "group", "groups", "status"],
    explanation: "Secrets, environment variables, credentials, tokens, kubeconfigs, cookies, private messages and emails (a channel's history, a thread's replies, an inbox), recordings and transcripts, security findings and personal data (customers, contacts, people, leads, employees, payroll, patients, user profiles) are sensitive even to read.",
  },
  {
    kind: "code",
    words: ["code", "script", "scripts", "command", "commands", "cmd", "shell", "sql", "job", "jobs", "pipeline", "pipelines", "workflow", "workflows", "build", "builds", "process", "program", "migration", "migrations", "function", "functions", "test", "tests", "container", "task", "tasks"],
    explanation: "Code, scripts, commands, SQL, jobs, pipelines, workflows, builds and processes are things that run.",
  },
  {
    kind: "message",
    words: ["message", "messages", "email", "emails", "mail", "sms", "tweet", "tweets", "newsletter", "notification", "notifications", "dm", "chat", "announcement", "announcements", "phone call", "phone calls", "outbound call", "outbound calls"],
    explanation: "Messages, emails, SMS and notifications reach other people once created.",
  },
  {
    kind: "access",
    words: ["permission", "permissions", "role", "roles", "access", "collaborator", "collaborators", "member", "members", "visibility", "acl", "acls", "sharing", "invitation", "invite", "admin", "admins", "owner", "owners", "firewall", "firewalls", "firewall rule", "firewall rules", "firewall policy", "security group", "security groups", "security rule", "security rules", "ingress rule", "ingress rules", "egress rule", "egress rules", "ip allowlist", "ip whitelist", "allowlist", "whitelist", "iam policy", "iam policies", "access policy", "access policies", "bucket policy", "bucket policies", "role binding", "role bindings", "rolebinding", "rolebindings", "cluster role binding", "clusterrolebinding", "clusterrolebindings", "policy to a role", "policy to a user", "managed policy", "inline policy", "ip restriction", "ip restrictions", "network policy", "network policies", "trusted source", "trusted sources", "trusted ip", "trusted ips", "branch protection", "branch protections", "protection rule", "protection rules", "protected branch", "protected branches"],
    explanation: "Permissions, roles, collaborators, members, visibility, firewall rules and IP allowlists decide who can see, change or reach things.",
  },
  {
    kind: "internal-report",
    words: ["telemetry", "feedback", "analytics", "diagnostics", "diagnostic", "usage", "metrics", "crash", "bug report"],
    explanation: "Telemetry, feedback and diagnostics go to the tool's own maker, not to other people: not an outside send, and nothing is destroyed.",
  },
  {
    kind: "runnable",
    words: ["pipeline", "pipelines", "build", "builds", "deployment", "deployments", "helm chart", "helm charts", "helm", "manifest", "manifests", "kubernetes manifest", "yaml manifest", "workflow run", "job run", "migration", "migrations", "recurring", "automation", "automations", "cron", "cron job", "cron jobs", "scheduled job", "scheduled jobs", "scheduled task", "scheduled tasks"],
    explanation: "Creating or installing a pipeline, build, deployment or Helm chart, merging migrations into production, or creating an automation or recurring job that then runs on its own, runs or deploys it.",
  },
  {
    kind: "read-job",
    words: ["crawl job", "crawl jobs", "scrape job", "scrape jobs", "search job", "search jobs", "export job", "export jobs", "crawl", "scrape", "search", "searches", "inference", "inferences", "prediction", "predictions", "completion", "completions", "embedding", "embeddings"],
    explanation: "A crawl, scrape, search or export job only reads: starting one reads the web or the data, it runs nothing of the user's.",
  },
  {
    kind: "tracked-item",
    words: ["thread", "threads", "discussion", "discussions", "conversation", "conversations", "comment", "comments", "review", "reviews", "alert", "alerts", "incident", "incidents", "issue", "issues", "ticket", "tickets", "conflict", "conflicts", "dispute", "disputes"],
    explanation: "Threads, discussions, comments, issues, alerts, incidents and conflicts have a state: resolving one marks it done, a change others see in the same system.",
  },
  {
    kind: "math",
    words: ["number", "numbers", "integer", "integers", "sum", "numbers together", "thought", "thoughts", "thinking step", "reasoning step"],
    // A phone or account number is a record, not arithmetic.
    except: ["phone number", "phone numbers", "account number", "account numbers", "serial number", "serial numbers", "version number", "issue number", "order number", "tracking number", "tracking numbers", "port number", "build number", "line number", "line numbers", "page number", "page numbers", "invoice number", "fax number", "mobile number", "virtual number", "virtual numbers", "toll free number"],
    explanation: "Adding numbers, or processing a step of the model's own thinking, is computation, not a change.",
  },
  {
    kind: "relation",
    words: ["link", "links", "related", "relationship", "relationships", "tag", "tags", "label", "labels", "assignee", "assignees", "reviewer", "reviewers", "watcher", "watchers", "association", "associations", "dependency link", "relation", "reaction", "reactions", "attachment from", "from group", "from team", "from project", "from list", "from board", "from dashboard", "from dashboards", "from favorites", "from favourites", "from playlist", "from playlists", "from sprint", "from milestone", "from epic", "from cycle", "from trash", "from bin", "from spam", "from cart", "from basket", "from wishlist"],
    explanation: "Links, tags, labels, assignees and reactions join two things: removing one leaves both in place.",
  },
  {
    kind: "outbound",
    words: ["webhook", "webhooks", "webhook endpoint", "webhook event", "webhook events", "proxy", "proxy config", "forwarding address", "forwarding rule", "forwarding rules"],
    explanation: "Webhooks, proxies and forwarding addresses send data to an outside URL: creating, changing or replaying one sends data out.",
  },
  {
    kind: "credential",
    words: ["api key", "api keys", "apikey", "apikeys", "token", "tokens", "access token", "access tokens", "personal access token", "deploy key", "deploy keys", "ssh key", "ssh keys", "secret", "secrets", "signing secret", "credential", "credentials", "password", "passwords", "app password", "client secret", "service account key"],
    explanation: "Keys, tokens, secrets and passwords grant access: creating one is an access change.",
  },
  {
    kind: "session",
    words: ["session", "sessions", "browser", "browsers", "viewer", "recording session", "tab", "tabs", "window", "windows", "browser context", "console", "devtools", "debug session", "debugging session", "breakpoint", "breakpoints"],
    except: ["upload session", "upload sessions", "terminal session", "terminal sessions", "shell session", "shell sessions", "ssh session", "ssh sessions", "process session", "running session", "sheet tab", "sheet tabs", "spreadsheet tab", "spreadsheet tabs"],
    explanation: "The agent's own browser, tab, viewer or session: opening, closing or clearing it ends with the session.",
  },
  {
    kind: "connection",
    words: ["connection", "connections", "imap", "smtp", "redis", "mailbox", "mailboxes", "instance", "server", "servers", "database", "databases", "db", "socket", "websocket"],
    explanation: "The agent's own connection to a server, database or mailbox: opening, switching or closing it ends with the session.",
  },
  {
    kind: "state-setting",
    words: ["status", "presence", "flag", "flags", "selection", "filter", "filters", "highlight", "highlights", "formatting", "format", "cache", "caches"],
    explanation: "A status, flag, selection, filter, format or cache: clearing one resets a setting, nothing of value is gone (Write).",
  },
  {
    kind: "data-artifact",
    words: ["map", "maps", "graph", "graphs", "chart", "charts", "diagram", "diagrams", "query", "queries", "filter", "filters", "style", "styles", "json", "url", "urls", "payload", "payloads", "prompt", "prompts"],
    explanation: "A map, chart, query or style that a call computes and hands back: building one runs no software.",
  },
  {
    kind: "element",
    words: ["node", "nodes", "layer", "layers", "shape", "shapes", "element", "elements", "frame", "frames", "task", "tasks", "subtask", "subtasks", "todo", "todos", "cell", "cells", "row", "rows", "slide", "slides", "block", "blocks", "email", "emails"],
    except: ["node pool", "node pools", "node group", "node groups"],
    explanation: "A part of the user's own document, board or list (a node of a design, a task, a cell, an email): moving, renaming, resizing or rotating it is an ordinary edit, not a change to a shared thing.",
  },
  {
    kind: "ai-model",
    words: ["model", "models", "llm", "llms", "assistant", "assistants", "ai", "chatbot", "language model", "ai model", "gpt"],
    explanation: "A language model or an AI assistant: what it says is generated for the caller.",
  },
  {
    kind: "app-view",
    words: ["editor", "editors", "viewer", "viewers", "preview window", "preview pane"],
    explanation: "An editor or viewer the call opens or closes for the agent (\"Opens the draw.io editor with a diagram\"): it ends with the session. Only opening and closing read it so: adding an editor to a document is an access change.",
  },
  {
    kind: "session-setting",
    words: ["viewport", "user agent", "useragent", "emulation", "geolocation", "window size", "zoom"],
    explanation: "Settings of the agent's own browser session (viewport, user agent, geolocation): changing one ends with the session.",
  },
  {
    kind: "storage",
    words: ["volume", "volumes", "disk", "disks", "drive", "drives", "partition", "partitions", "pvc", "persistent volume", "persistent volumes", "storage pool", "node pool", "node pools"],
    explanation: "Volumes, disks and node pools that running machines use: resizing one changes what runs there.",
  },
  {
    kind: "commentable",
    words: ["comment", "comments", "review comment", "review comments", "doc comment", "document comment", "suggestion", "suggestions", "annotation", "annotations", "note", "notes"],
    explanation: "Comments and notes on a document or an issue: a reply is a record in a shared workspace.",
  },
  {
    kind: "draft",
    words: ["draft", "drafts", "email draft", "email drafts", "draft email", "draft emails", "draft message", "draft messages", "draft reply", "reply draft", "forward draft"],
    explanation: "A draft is saved, not sent: its recipients receive nothing until someone sends it.",
  },
  {
    kind: "account-holder",
    words: ["user", "users", "member", "members", "account", "accounts", "login", "logins", "seat", "seats", "collaborator", "collaborators", "contributor", "contributors", "employee", "employees", "guest", "guests"],
    explanation: "People's accounts: suspending, blocking or disabling one takes away someone's access.",
  },
  {
    kind: "automation",
    words: ["workflow", "workflows", "automation", "automations", "flow", "flows", "zap", "zaps", "trigger", "triggers", "scenario", "scenarios", "cron job", "cron jobs", "scheduled job", "scheduled jobs"],
    explanation: "Workflows, automations and triggers run on their own once active: activating one runs it, deactivating one stops what relies on it.",
  },
  {
    kind: "service",
    words: ["service", "services", "app", "apps", "application", "applications", "vm", "vms", "instance", "instances", "server", "servers", "machine", "machines", "droplet", "droplets", "container", "containers", "node", "nodes", "worker", "workers", "dyno", "dynos", "queue", "queues", "database", "databases", "cluster", "clusters", "deployment", "deployments", "project", "projects", "rollout", "rollouts", "site", "sites", "function", "functions"],
    explanation: "Apps, VMs, services, servers and containers that others rely on: stopping or restarting one affects them.",
  },
  {
    kind: "scheduled",
    words: ["scheduled", "schedule", "schedules", "reminder", "reminders", "meeting", "meetings", "event", "events", "appointment", "appointments", "booking", "bookings", "reservation", "reservations", "invitation", "invite"],
    explanation: "Something scheduled that has not started: cancelling it is a change (Write), not the end of running work.",
  },
  {
    kind: "extension",
    words: ["extension", "extensions", "plugin", "plugins", "integration", "integrations", "addon", "addons", "add on", "add ons", "marketplace app"],
    explanation: "Extensions, plugins and integrations installed into a service run third-party code there.",
  },
  {
    kind: "installable",
    words: ["package", "packages", "dependency", "dependencies", "module", "modules", "library", "libraries", "software", "chart", "charts", "helm", "tool", "tools", "binary", "runtime", "sdk", "app", "apps", "application", "applications", "apk", "ipa"],
    explanation: "Packages, dependencies and software installed on a host or a cluster then run there.",
  },
  {
    kind: "web-page",
    words: ["url", "page", "pages", "link", "website", "site", "webpage", "form", "forms"],
    explanation: "Pages, tabs and URLs: opening one navigates a browser.",
  },
  {
    kind: "file",
    words: ["file", "files", "directory", "directories", "folder", "folders", "path", "paths"],
    explanation: "Files and directories on disk.",
  },
];

export interface ObjectEffect {
  kind: ObjectKind;
  /** The category the verb takes with this object. */
  category?: Category;
  /** A fact the verb gains with this object. */
  trait?: Trait;
  /** This object settles what the verb means: later objects add nothing (a reply to a comment is no reply to a thread). */
  settles?: true;
  /** With this object the verb's own traits do not hold: moving a node of a design overwrites nothing shared. */
  dropsRuleTraits?: true;
}

export interface VerbRule {
  /** Verb forms as they appear in names (lower case; a space joins two-word verbs such as "top up"). */
  verbs: readonly string[];
  category: Category;
  explanation: string;
  /** Objects that change the category or add a fact, checked in order. */
  objects?: readonly ObjectEffect[];
  /** Facts the verb brings whatever its object. */
  traits?: readonly Trait[];
  /** On a server of this domain the verb means something else (a browser's "drop" is a gesture). */
  inDomain?: { domain: DomainName; category: Category };
}

/** What a changing verb becomes with a money, message, access or report object. */
const changingVerbObjects: readonly ObjectEffect[] = [
  { kind: "math", category: "Read" },
  { kind: "draft", trait: "unsent" },
  { kind: "credential", trait: "access-change" },
  { kind: "outbound", trait: "external-send" },
  { kind: "session-setting", trait: "session-only" },
  { kind: "money", category: "Financial" },
  { kind: "payments-money", category: "Financial" },
  { kind: "message", trait: "external-send" },
  { kind: "access", trait: "access-change" },
  { kind: "internal-report", trait: "internal-report" },
];

export const verbRules: readonly VerbRule[] = [
  {
    verbs: ["get", "list", "search", "find", "read", "fetch", "head", "describe", "show", "view", "inspect", "query", "lookup", "count", "retrieve", "return", "returns", "browse", "scan", "download", "export", "scrape", "crawl", "map", "extract", "monitor", "watch", "poll", "status", "ping", "echo", "wait", "print", "load", "take", "snapshot", "screenshot", "research", "think", "summarize", "summarise", "whoami", "discover", "provide", "expand", "diagnose", "troubleshoot", "detect", "identify", "recommend", "history", "logs", "diff", "compare", "sum", "compute", "calculate", "convert", "geocode", "directions", "autocomplete", "info", "information", "details", "overview", "metadata", "statistics", "stats", "insights", "obtain", "rerank", "rank", "measure", "audit", "translate", "transcribe", "classify", "score", "predict", "suggest", "explore", "investigate", "reverse geocode", "forecast", "weather", "tail", "grep", "learn", "docs", "documentation", "guide", "instructions", "tutorial", "readme"],
    category: "Read",
    explanation: "Retrieving, listing, searching, inspecting and computing change nothing, even when what they read is about money (list_charges is Read).",
    objects: [{ kind: "money", category: "Read" }],
  },
  {
    verbs: ["verify"],
    category: "Read",
    explanation: "Verifying code or a signature inspects it (Read); verifying a domain or a sender starts the service's verification and changes its status (Write).",
    traits: ["inspects-input"],
    objects: [{ kind: "verifiable", category: "Write" }],
  },
  {
    verbs: ["explain", "validate", "check", "lint", "parse", "preview", "analyze", "analyse", "test", "dry run", "plan", "simulate", "estimate"],
    category: "Read",
    explanation: "Explaining, validating, checking, linting, parsing, previewing or simulating inspects what it is given without running or changing it.",
    traits: ["inspects-input"],
  },
  {
    verbs: ["format", "prettify", "beautify"],
    category: "Write",
    explanation: "Formatting cells, text or a document changes how it looks (Write); formatting code, SQL or JSON given to the call returns it formatted (Read).",
    objects: [{ kind: "code", category: "Read", trait: "inspects-input" }, { kind: "session-setting", trait: "session-only" }],
  },
  {
    verbs: ["resolve"],
    category: "Read",
    explanation: "Resolving a name or an id looks it up (Read); resolving a thread, discussion, issue or alert marks it done (Write).",
    objects: [{ kind: "tracked-item", category: "Write" }],
  },
  {
    verbs: ["open"],
    category: "Read",
    explanation: "Opening a record reads it; opening a page or URL navigates a browser (Write); opening the agent's own browser, tab or session is Write, Low.",
    objects: [{ kind: "web-page", category: "Write" }, { kind: "session", category: "Write", trait: "session-only" }, { kind: "app-view", category: "Write", trait: "session-only" }],
  },
  {
    verbs: ["capture"],
    category: "Read",
    explanation: "Capturing a screenshot reads; capturing a payment moves money.",
    objects: [{ kind: "money", category: "Financial" }, { kind: "payments-money", category: "Financial" }],
  },
  {
    verbs: ["activate"],
    category: "Write",
    explanation: "Activating a workflow or automation makes it run on its own (Execute); activating anything else is an ordinary change.",
    objects: [{ kind: "automation", category: "Execute" }, ...changingVerbObjects],
  },
  {
    verbs: ["deactivate"],
    category: "Write",
    explanation: "Deactivating a workflow, automation or service stops it for whoever relies on it, and deactivating a user takes away their access (Write, High); deactivating anything else is an ordinary change.",
    objects: [{ kind: "account-holder", trait: "access-change" }, { kind: "automation", trait: "service-affecting" }, { kind: "service", trait: "service-affecting" }, ...changingVerbObjects],
  },
  {
    verbs: ["suspend", "ban", "unban", "disable", "lock out", "reinstate"],
    category: "Write",
    explanation: "Suspending, blocking, banning or disabling a user or member changes who has access (Write, High); disabling a feature or setting is an ordinary change.",
    objects: [{ kind: "account-holder", trait: "access-change" }, { kind: "session", trait: "session-only" }, { kind: "service", trait: "service-affecting" }, ...changingVerbObjects],
  },
  {
    // "block" alone is too often a noun (a Notion block): only "block user" and the like are verbs.
    verbs: ["block user", "block users", "unblock user", "unblock users", "block member", "block members", "unblock member", "block contact", "unblock contact"],
    category: "Write",
    explanation: "Blocking or unblocking a user changes who can reach the account: Write, High.",
    traits: ["access-change"],
  },
  {
    verbs: ["make public", "make private", "publicize"],
    category: "Write",
    explanation: "Making something public or private changes who can see it: Write, High.",
    traits: ["access-change"],
  },
  {
    verbs: ["upgrade", "downgrade"],
    category: "Write",
    explanation: "Upgrading a running database, cluster, service or app changes what others rely on (Write, High); upgrading a Helm chart or a deployment deploys software (Execute).",
    objects: [{ kind: "runnable", category: "Execute" }, { kind: "service", trait: "service-affecting" }, ...changingVerbObjects],
  },
  {
    verbs: ["add", "insert", "put", "save", "rebase", "finalize", "finalise", "upload", "comment", "copy", "push", "commit", "fork", "click", "type", "fill", "press", "drag", "enable", "unassign", "schedule", "store", "record", "remember", "link", "attach", "register", "submit", "approve", "restore", "import", "sync", "transition", "configure", "append", "init", "initialize", "rollout", "upsert", "post", "request", "unapprove", "accept", "decline", "reject", "dismiss", "handle", "manage", "process", "subscribe", "unsubscribe", "rate", "react", "follow", "unfollow", "like", "bookmark", "observe", "note", "login", "logout", "authenticate", "cache", "index", "compress", "gzip", "zip", "unzip", "extract to", "clone", "duplicate", "convert to", "port forward", "forward port", "mute", "unmute", "snooze", "unsnooze", "silence"],
    category: "Write",
    explanation: "Creating, adding, updating, saving, uploading, commenting and browser interaction change state; reversible or additive.",
    objects: changingVerbObjects,
  },
  {
    verbs: ["update", "edit", "modify", "set", "patch", "change", "mark", "toggle", "label", "tag", "pin", "unpin", "star", "unstar", "archive", "unarchive", "lock", "unlock", "reopen", "assign"],
    category: "Write",
    explanation: "Updating, editing, marking or archiving changes an existing thing: an edited message or email is not sent again (Write, Medium).",
    objects: [{ kind: "session", trait: "session-only" }, ...changingVerbObjects.filter((e) => e.kind !== "message")],
  },
  {
    verbs: ["rotate", "regenerate", "reissue", "roll"],
    category: "Write",
    explanation: "Rotating or regenerating a key, token or secret creates a credential and retires the old one: an access change (Write, High).",
    traits: ["access-change"],
    objects: [{ kind: "element", dropsRuleTraits: true, settles: true }],
  },
  {
    verbs: ["hover", "scroll", "focus", "emulate", "zoom", "blur"],
    category: "Write",
    explanation: "Hovering, scrolling and emulating act on the agent's own browser session and end with it: Write, Low.",
    traits: ["session-only"],
  },
  {
    verbs: ["resize"],
    category: "Write",
    explanation: "Resizing the agent's own window or viewport ends with the session (Write, Low); resizing a volume, disk, cluster or machine changes what runs there (Write, High).",
    objects: [{ kind: "element", settles: true }, { kind: "service", trait: "service-affecting" }, { kind: "storage", trait: "service-affecting" }, { kind: "session", trait: "session-only" }, { kind: "session-setting", trait: "session-only" }, { kind: "web-page", trait: "session-only" }],
  },
  {
    verbs: ["select", "switch", "activate tab"],
    category: "Write",
    explanation: "Selecting or switching the page or tab of the agent's own browser, or its connection, changes only its session (Write, Low); selecting anything else is an ordinary change.",
    objects: [{ kind: "session", trait: "session-only" }, { kind: "web-page", trait: "session-only" }, { kind: "connection", trait: "session-only" }, ...changingVerbObjects],
  },
  {
    // Only as a phrase: "place" alone is as often a noun (`place_details`, "nearby places").
    verbs: ["place order", "place orders", "place an order", "place trade", "place trades", "place a trade"],
    category: "Financial",
    explanation: "Placing an order or a trade buys or sells with the account's money: Financial.",
  },
  {
    verbs: ["think", "reflect", "ponder", "brainstorm"],
    category: "Read",
    explanation: "Thinking tools structure the model's own reasoning and hand it back: computation (Read).",
  },
  {
    verbs: ["chat", "chat with", "converse with"],
    category: "Write",
    explanation: "Chatting with a model or an assistant returns its reply, generated for the caller (Read); chatting with anyone else sends them a message (Write).",
    objects: [{ kind: "ai-model", category: "Read" }],
  },
  {
    verbs: ["step", "step into", "step over", "step out"],
    category: "Execute",
    explanation: "Stepping through a program in a debugger runs its code, line by line: Execute.",
  },
  {
    verbs: ["connect", "reconnect", "disconnect"],
    category: "Write",
    explanation: "Connecting to or disconnecting from a server, database or mailbox opens or closes the agent's own connection (Write, Low); connecting an account or an app stores access (an ordinary change).",
    objects: [{ kind: "connection", trait: "session-only" }, { kind: "session", trait: "session-only" }, ...changingVerbObjects],
  },
  {
    verbs: ["close", "quit", "exit", "end"],
    category: "Write",
    explanation: "Closing the agent's own browser, tab, viewer or session ends it: Write, Low; closing an issue or a pull request is an ordinary change (Medium).",
    objects: [{ kind: "session", trait: "session-only" }, { kind: "app-view", trait: "session-only" }, ...changingVerbObjects],
  },
  {
    verbs: ["stop"],
    category: "Write",
    explanation: "Stopping an app, VM, queue or service affects whoever relies on it: Write, High; stopping the agent's own browser or recording session is Low; stopping a pipeline, build or job that is running aborts that work (Destructive).",
    objects: [{ kind: "session", trait: "session-only" }, { kind: "service", trait: "service-affecting" }, { kind: "running-work", category: "Destructive", settles: true }],
  },
  {
    verbs: ["pause", "resume", "unpause"],
    category: "Write",
    explanation: "Pausing, resuming or restarting an app, VM, queue or service affects whoever relies on it: Write, High; pausing the agent's own browser, recording or debug session is Low.",
    objects: [{ kind: "session", trait: "session-only" }, { kind: "service", trait: "service-affecting" }],
  },
  {
    verbs: ["complete", "uncomplete", "reopen", "flag", "unflag", "unpublish", "favorite", "unfavorite", "favourite", "unfavourite", "acknowledge", "ack", "unack"],
    category: "Write",
    explanation: "Completing, reopening, flagging, favouriting, acknowledging or unpublishing changes an item's status (Write): nothing is sent, and nothing is gone afterwards.",
    objects: changingVerbObjects.filter((e) => e.kind !== "message" && e.kind !== "outbound"),
  },
  {
    verbs: ["restart", "reboot", "shutdown", "shut down", "power off", "power on", "power cycle", "halt", "scale"],
    category: "Write",
    explanation: "Restarting, rebooting, powering off or scaling affects whatever runs there: Write, High; restarting the agent's own browser session is Low.",
    traits: ["service-affecting"],
    objects: [{ kind: "session", trait: "session-only" }],
  },
  {
    verbs: ["install"],
    category: "Write",
    explanation: "Installing an extension or integration into a service runs third-party code there (Write, High); installing a package, chart or software on a host or cluster deploys what then runs (Execute).",
    objects: [{ kind: "extension", trait: "third-party-install" }, { kind: "installable", category: "Execute" }, { kind: "runnable", category: "Execute" }, ...changingVerbObjects],
  },
  {
    verbs: ["remove"],
    category: "Destructive",
    explanation: "Removing an item deletes it (Destructive); removing a link, a tag, a label, an assignee or a member from something leaves both in place (Write, and a change of access for a member).",
    objects: [{ kind: "internal-report", trait: "internal-report" }, { kind: "session", category: "Write", trait: "session-only" }, { kind: "relation", category: "Write" }, { kind: "access", category: "Write", trait: "access-change" }],
  },
  {
    verbs: ["unlink", "detach", "disassociate", "unassign", "unlabel", "untag", "unwatch", "unfollow", "unshare"],
    category: "Write",
    explanation: "Detaching or unlinking leaves both things in place: a change (Write), not a removal.",
    objects: changingVerbObjects,
  },
  {
    verbs: ["merge"],
    category: "Write",
    explanation: "Merging a branch or a pull request is an update (Write); merging migrations into production runs them there (Execute).",
    objects: [{ kind: "runnable", category: "Execute" }, { kind: "session", trait: "session-only" }, ...changingVerbObjects],
  },
  {
    verbs: ["write"],
    category: "Write",
    explanation: "Writing a file replaces whatever the file held: Write with a raised risk (the standard's own example, write_file).",
    objects: [{ kind: "file", trait: "overwrite" }, ...changingVerbObjects],
  },
  {
    verbs: ["drop"],
    category: "Destructive",
    explanation: "Dropping a table, collection or database removes it; on a browser server, a drop ends a drag-and-drop gesture on the page (Write).",
    inDomain: { domain: "browser", category: "Write" },
  },
  {
    // The standard: posting a record into a shared workspace (a comment, a review) stays Medium.
    verbs: ["reply", "respond"],
    category: "Write",
    explanation: "Replying to a message, email, thread or review sends it to the people in it (Write, High); replying to a comment on a document or an issue posts a record in a shared workspace (Write, Medium).",
    objects: [{ kind: "draft", trait: "unsent", settles: true }, { kind: "commentable", category: "Write", settles: true }, { kind: "message", trait: "external-send" }, { kind: "sensitive", trait: "external-send" }, { kind: "tracked-item", trait: "external-send" }],
  },
  {
    verbs: ["draft", "prepare", "compose"],
    category: "Write",
    explanation: "Drafting saves something without sending it: Write, not an outside send, even with recipients.",
    traits: ["unsent"],
    objects: [{ kind: "money", category: "Financial" }],
  },
  {
    verbs: ["generate"],
    category: "Read",
    explanation: "Generating text, types or images computes and returns output; generating a key or token creates a credential (Write, access change).",
    objects: [{ kind: "sensitive", category: "Write", trait: "access-change" }],
  },
  {
    verbs: ["create", "new", "apply", "provision"],
    category: "Write",
    explanation: "Creating and upgrading add or change state (Write); creating a pipeline, build or deployment, or upgrading a Helm chart, runs or deploys software (Execute); creating an invoice, bill or credit note asks someone to pay (Financial).",
    objects: [{ kind: "runnable", category: "Execute" }, { kind: "session", trait: "session-only" }, ...changingVerbObjects],
  },
  {
    verbs: ["navigate", "go", "goto", "back", "forward", "reload", "refresh"],
    category: "Write",
    explanation: "Navigating a browser changes its state (Write, Medium); forwarding a message or an email sends it to people (High).",
    objects: [{ kind: "message", trait: "external-send" }],
  },
  {
    verbs: ["send", "email", "publish", "broadcast", "notify", "tweet", "announce", "share", "replay", "redeliver", "resend"],
    category: "Write",
    explanation: "Sending, publishing, posting and replying reach other people: Write with a raised risk.",
    traits: ["external-send"],
    objects: [{ kind: "money", category: "Financial" }, { kind: "payments-money", category: "Financial" }, { kind: "internal-report", trait: "internal-report" }],
  },
  {
    verbs: ["report", "log event", "track", "feedback"],
    category: "Write",
    explanation: "Reporting telemetry, feedback or events records data with the tool's maker; nothing is destroyed.",
    objects: [{ kind: "internal-report", trait: "internal-report" }],
  },
  {
    verbs: ["grant", "invite", "share with", "authorize", "promote", "demote", "add member", "add collaborator", "protect", "unprotect"],
    category: "Write",
    explanation: "Granting, inviting, sharing and protecting (a branch, a resource) change who has access: Write with a raised risk.",
    traits: ["access-change"],
  },
  {
    verbs: ["overwrite", "replace"],
    category: "Write",
    explanation: "Overwriting or replacing writes over existing data: Write with a raised risk, not Destructive, because its purpose is to write.",
    traits: ["overwrite"],
  },
  {
    verbs: ["move", "rename", "mv", "relocate"],
    category: "Write",
    explanation: "Moving or renaming is an update of a shared thing, hard to undo for whoever relies on where it was: Write with a raised risk. Moving messages between folders of a mailbox sends nothing; moving or renaming a part of one's own document or list (a node, a task) is an ordinary edit.",
    traits: ["overwrite"],
    objects: [{ kind: "element", dropsRuleTraits: true, settles: true }, ...changingVerbObjects.filter((e) => e.kind !== "message")],
  },
  {
    verbs: ["start", "launch", "spawn"],
    category: "Write",
    explanation: "Starting a session or a browser is Write; starting a process, job, pipeline, build or deployment runs it (Execute); starting a crawl or search job only reads (Read).",
    objects: [{ kind: "read-job", category: "Read" }, { kind: "code", category: "Execute" }, { kind: "runnable", category: "Execute" }],
  },
  {
    verbs: ["transfer"],
    category: "Write",
    explanation: "Transferring ownership changes access; transferring money (or anything on a payments server) is Financial.",
    traits: ["access-change"],
    objects: [{ kind: "money", category: "Financial" }, { kind: "payments-money", category: "Financial" }],
  },
  {
    verbs: ["run", "execute", "exec", "eval", "evaluate", "invoke", "deploy", "compile", "dispatch", "interpret", "rerun", "retry", "call", "redeploy", "interact", "rollback", "roll back", "enqueue"],
    category: "Execute",
    explanation: "Running, executing, evaluating, invoking, triggering, building and deploying run code, commands, queries, jobs or pipelines.",
    objects: [{ kind: "read-job", category: "Read" }],
  },
  {
    verbs: ["trigger"],
    category: "Execute",
    explanation: "Triggering a build, a pipeline or a workflow runs it (Execute); triggering a search, an analysis or a refresh starts work in the background whose result the service keeps, and returns none of it (Write).",
    objects: [{ kind: "read-job", category: "Write" }],
  },
  {
    verbs: ["build"],
    category: "Execute",
    explanation: "Building software runs its build (Execute); building a map, a chart, a query or a style computes it and hands it back (Read).",
    objects: [{ kind: "read-job", category: "Read" }, { kind: "data-artifact", category: "Read" }],
  },
  {
    verbs: ["delete", "rm", "del", "purge", "destroy", "erase", "wipe", "truncate", "terminate", "kill", "revoke", "uninstall", "discard", "evict", "deprovision", "expire", "shred", "prune", "cleanup", "clean"],
    category: "Destructive",
    explanation: "Deleting, dropping, purging, terminating, killing and revoking remove existing things; ending the agent's own browser or viewer session is Write, Low.",
    objects: [{ kind: "internal-report", trait: "internal-report" }, { kind: "session", category: "Write", trait: "session-only" }],
  },
  {
    verbs: ["clear", "reset", "empty", "flush"],
    category: "Destructive",
    explanation: "Clearing, resetting or emptying removes what was there (Destructive); clearing a status, a flag, a filter or a cache resets a setting (Write), and clearing the agent's own browser or viewer session is Write, Low.",
    objects: [{ kind: "internal-report", trait: "internal-report" }, { kind: "session", category: "Write", trait: "session-only" }, { kind: "state-setting", category: "Write" }],
  },
  {
    verbs: ["checkout", "check out"],
    category: "Write",
    explanation: "Checking out a branch or a file switches what the working copy holds (Write); checking out a cart pays for it (Financial).",
    objects: [{ kind: "money", category: "Financial" }, { kind: "payments-money", category: "Financial" }],
    inDomain: { domain: "payments", category: "Financial" },
  },
  {
    verbs: ["cancel", "void", "abort"],
    category: "Destructive",
    explanation: "Cancelling, aborting or voiding ends work that is running (Destructive); cancelling something scheduled that has not started is a change (Write); cancelling a subscription or voiding an invoice is Financial.",
    objects: [{ kind: "money", category: "Financial" }, { kind: "payments-money", category: "Financial" }, { kind: "scheduled", category: "Write" }],
  },
  {
    verbs: ["pay", "charge", "refund", "purchase", "buy", "payout", "top up", "topup", "recharge", "withdraw", "deposit", "donate", "tip", "invoice", "bill", "reimburse", "settle"],
    category: "Financial",
    explanation: "Paying, charging, refunding, purchasing, paying out and topping up move money.",
  },
];

/** HTTP methods, as names of tools and as values of a `method` parameter. */
export const httpMethodRules: readonly { method: string; category: Category; explanation: string }[] = [
  { method: "get", category: "Read", explanation: "An HTTP GET retrieves." },
  { method: "head", category: "Read", explanation: "An HTTP HEAD retrieves headers only: Read, not Write." },
  { method: "options", category: "Read", explanation: "An HTTP OPTIONS asks what is allowed." },
  { method: "post", category: "Write", explanation: "An HTTP POST creates or submits." },
  { method: "put", category: "Write", explanation: "An HTTP PUT creates or replaces." },
  { method: "patch", category: "Write", explanation: "An HTTP PATCH updates." },
  { method: "delete", category: "Destructive", explanation: "An HTTP DELETE removes." },
];

/**
 * Word pairs that are nouns, though their second word can be a verb: in
 * `browser_network_request` nothing is requested, and in `search_feedback`
 * nothing is searched.
 */
export const nounCompounds: readonly { words: string; explanation: string }[] = [
  { words: "network request", explanation: "A request the page made, recorded by the browser." },
  { words: "chat message", explanation: "A message in a chat, as a thing to change or read." },
  { words: "chat messages", explanation: "Messages in a chat." },
  { words: "chat history", explanation: "The messages of a chat so far." },
  { words: "http request", explanation: "An HTTP request as a thing to inspect." },
  { words: "pull request", explanation: "A code review item on a forge." },
  { words: "merge request", explanation: "GitLab's pull request." },
  { words: "search feedback", explanation: "Feedback about a search result." },
  { words: "search result", explanation: "A result of an earlier search." },
  { words: "search results", explanation: "Results of an earlier search." },
];

/**
 * Verbs that are as often nouns in tool names: a plain verb after one of
 * them is the action (`monitor_create`), and at the end of a name one of
 * them is a noun (`jobs_build`, `report-list`, `workflow_run`).
 */
export const nounLikeVerbs: ReadonlySet<string> = new Set([
  "list", "build", "builds", "run", "runs", "report", "reports", "test", "tests", "log", "logs", "status", "history", "diff", "snapshot",
  "screenshot", "map", "scan", "export", "import", "search", "query", "record", "note", "label", "tag", "comment", "post", "link", "index",
  "cache", "process", "plan", "format", "echo", "count", "estimate", "request", "schedule", "store", "monitor", "watch", "order", "return",
  "transfer", "release", "backup", "upload", "download", "view", "lookup", "feedback", "deploy", "deployment", "preview", "summary", "archive",
  "invoice", "bill", "charge", "refund", "payout", "deposit", "tip", "draft", "reply", "share", "merge", "commit", "fork", "lock", "star",
  "check", "review", "sync", "trigger", "call", "drop", "reset", "clear", "type", "press", "hover", "click", "map", "rate", "like", "pin",
  "bookmark", "follow", "subscribe", "template", "batch", "help", "dispatch", "alert", "event", "file", "message", "email", "notify", "mark",
  "publish", "print", "wait", "ping", "compare", "research", "expand", "history", "broadcast", "forward", "export", "stream", "step", "chat",
]);

/** Result nouns that, after a noun-like verb, make the whole name a noun phrase (`report-list`, `deploy_logs`). */
export const nominalEnds: ReadonlySet<string> = new Set(["list", "status", "history", "logs", "log", "summary", "report", "reports", "diff", "preview", "snapshot", "count", "details", "info", "results", "result", "stats"]);

/** Words dropped from the front of a name: namespaces, not meaning. */
export const namespacePrefixes: readonly string[] = ["mcp", "tool", "tools", "api"];

/** Words skipped when looking for a description's leading verb. */
export const descriptionFillerWords: ReadonlySet<string> = new Set(["this", "tool", "will", "can", "use", "used", "to", "you", "lets", "let", "allows", "allow", "the", "a", "an", "it", "please", "simply", "we", "helps", "help", "function", "endpoint", "mcp", "that", "is", "be", "just", "also", "quickly", "easily", "permanently", "completely", "directly", "safely", "immediately", "automatically", "programmatically", "perform", "performs", "make", "makes", "recursively", "based"]);

/** A sentence opening with one of these is usage guidance for the model ("IMPORTANT: call this first"). */
export const guidanceOpeners: ReadonlySet<string> = new Set(["important", "note", "notes", "warning", "tip", "hint", "always", "never", "must", "prefer", "remember", "caution", "usage", "example", "examples", "e", "eg", "required", "requires", "optional"]);
/** "call this tool", "use the function": guidance about when to call, not what the call does. */
export const guidanceVerbs: ReadonlySet<string> = new Set(["call", "use", "invoke", "run", "choose", "prefer", "select", "pick"]);
export const guidanceObjects: ReadonlySet<string> = new Set(["tool", "tools", "function", "endpoint", "command", "method"]);

/** Words that end an object phrase in a description ("delete a comment | on a repository"). */
export const objectPhraseStops: ReadonlySet<string> = new Set(["between", "against", "on", "in", "from", "of", "for", "to", "with", "by", "and", "or", "that", "which", "using", "at", "into", "via", "within", "across", "under", "as", "if", "when", "based", "including", "along", "without", "containing", "matching", "whose", "where", "having", "about", "since", "until"]);

/** Words that never name an object ("a", "new", "specific"). */
export const objectFillerWords: ReadonlySet<string> = new Set(["a", "an", "the", "new", "existing", "specific", "given", "single", "one", "your", "their", "its", "my", "our", "this", "that", "these", "those", "some", "entire", "whole", "specified", "provided", "selected", "current", "by", "id", "ids"]);

export type DescriptionTrait = Extract<Trait, "kept" | "not-started" | "detach" | "read-only-claim" | "overwrite" | "host-execution" | "sandboxed" | "external-send" | "access-change" | "sensitive" | "bulk" | "internal-report" | "query-language" | "read-only-language" | "router">;

export interface PhraseRule {
  trait: DescriptionTrait;
  /** Word sequences, lower case, punctuation dropped ("read-only" is "read only"). */
  phrases: readonly string[];
  /** Where in the description the phrase counts. */
  scope: "first-sentence" | "anywhere";
  /** A sentence holding one of these words does not count for this rule (how the call authenticates is not what it returns). */
  unlessSentenceHas?: readonly string[];
  /** One of these words in the three before the phrase cancels it ("accessible with current credentials": how, not what). */
  unlessPrecededBy?: readonly string[];
  /** A "not", "never" or "without" in the three words before cancels the phrase. */
  negatable: boolean;
  explanation: string;
}

export const phraseRules: readonly PhraseRule[] = [
  {
    trait: "not-started",
    phrases: ["scheduled", "not yet been sent", "not yet sent", "not yet started", "has not started", "hasnt started", "upcoming", "pending", "queued", "future"],
    scope: "first-sentence",
    negatable: false,
    explanation: "What is cancelled is scheduled and has not started: cancelling it is Write (Medium), not the end of running work.",
  },
  {
    trait: "detach",
    phrases: ["from the cache", "from cache", "from the list", "from a list", "from the group", "from a group", "from the team", "from a team", "from the board", "from the project", "from a project", "from the channel", "from the chat", "from the playlist", "from the segment", "from a segment", "from the collection", "from favorites", "from the queue", "from the workspace", "from the conversation", "from the folder", "from a folder", "from the label"],
    scope: "first-sentence",
    negatable: false,
    explanation: "Removing something from a list, a group, a folder or a cache leaves it in place elsewhere: Write (and an access change for a member), not a removal.",
  },
  {
    trait: "read-only-claim",
    phrases: ["read only", "readonly", "does not modify", "doesnt modify", "will not modify", "wont modify", "never modifies", "no side effects", "does not change", "doesnt change", "does not write", "only select", "select only", "only reads", "only allows select", "only select statements", "only select queries"],
    scope: "anywhere",
    negatable: false,
    explanation: "The description says the tool only reads (a negation such as \"does not modify\" counts as a claim; \"to inspect state without changing it\" describes another tool's purpose, not this one).",
  },
  {
    trait: "overwrite",
    phrases: ["overwrite", "overwrites", "overwriting", "overwritten", "rewrite", "rewrites", "completely replace", "completely replaces", "replaces the entire", "replace the entire", "replaces the whole", "replace the whole", "replaces existing", "replace existing", "replacing existing"],
    scope: "anywhere",
    negatable: true,
    explanation: "The description says existing data is written over.",
  },
  {
    trait: "host-execution",
    phrases: ["shell", "terminal process", "terminal processes", "terminal command", "terminal commands", "terminal session", "terminal sessions", "in a terminal", "in the terminal", "bash", "zsh", "powershell", "command line", "arbitrary code", "arbitrary command", "arbitrary commands", "arbitrary javascript", "arbitrary python", "system command", "system commands", "on the host", "host machine", "host system", "subprocess", "any command", "unrestricted", "os command", "os commands", "server process", "rce", "remote code execution"],
    scope: "anywhere",
    negatable: true,
    explanation: "The description says the tool runs shell commands or unrestricted code on the machine it runs on (a terminal process, the server's own process); a negation earlier in the sentence (\"Never … run OS commands\") cancels it.",
  },
  {
    trait: "kept",
    phrases: ["creates a copy", "creates a new copy", "and saves it", "and save it", "saves it to", "saves it in", "and stores it", "stores it in", "and store it", "saved to your", "saved in your", "stored in your", "saves the result", "stores the result", "and saves the", "and stores the", "persists it"],
    scope: "anywhere",
    negatable: true,
    explanation: "The description says what the call generates is kept by the service or saved (Write), not only returned.",
  },
  {
    trait: "sandboxed",
    phrases: ["in the browser", "on the page", "on page", "page context", "in the page", "sandbox", "sandboxed", "in a pod", "in the pod", "in pod", "pod container", "kubernetes pod", "in container", "in a container", "in the container", "in the containers", "inside the container", "in a running container", "inside a running container", "new container", "in containers", "isolated", "browser context"],
    scope: "anywhere",
    negatable: true,
    explanation: "The description confines execution to a page, a sandbox or a container, not the host.",
  },
  {
    trait: "external-send",
    phrases: ["send an email", "sends an email", "send email", "sends email", "send a message", "sends a message", "post a message", "posts a message", "publish", "publishes", "publicly", "send an sms", "sends an sms", "text message", "send a notification", "sends a notification"],
    scope: "first-sentence",
    negatable: true,
    explanation: "The description says the call sends or publishes to other people.",
  },
  {
    trait: "access-change",
    phrases: ["permission", "permissions", "access level", "access levels", "grant access", "grants access", "collaborator", "collaborators", "visibility", "admin rights", "admin access"],
    scope: "first-sentence",
    negatable: true,
    explanation: "The description says the call changes who has access.",
  },
  {
    trait: "access-change",
    phrases: ["full access", "allows full access", "changes who may", "changes who can", "access control", "security controls"],
    scope: "anywhere",
    negatable: true,
    explanation: "The description warns that a setting opens or closes access (\"allows full access to the entire file system\").",
  },
  {
    trait: "sensitive",
    phrases: ["secret", "secrets", "environment variable", "environment variables", "env var", "env vars", "password", "passwords", "private key", "private keys", "ssh key", "ssh keys", "personal data", "pii", "private message", "private messages", "direct message", "direct messages", "cookies", "kubeconfig", "employee", "employees", "payroll", "salary", "salaries", "transcript", "transcripts", "recording", "recordings", "email address", "email addresses", "home address", "contact details", "contact information", "personal information", "customer data", "customer records", "patients", "patient records", "patient data", "medical records", "vulnerabilities", "security findings", "email messages", "emails", "inbox", "chat history", "message history", "messages in", "messages from", "attendees", "emailaddress", "direct reports", "participants", "security audit", "security audits", "location history", "biometric", "biometrics"],
    scope: "anywhere",
    negatable: true,
    unlessSentenceHas: ["authenticate", "authenticates", "authentication", "auth", "authorize", "authorized", "requires", "required", "require", "configured", "configure", "login", "oauth", "bearer", "provided", "provide", "pass", "supply", "set", "header", "headers", "session", "categories", "category"],
    explanation: "The description says what is read is sensitive, in any sentence; a sentence about how the call authenticates (an API key it requires, a token you pass in) says nothing about what it returns.",
  },
  {
    trait: "sensitive",
    phrases: ["credential", "credentials", "api key", "api keys", "access token", "access tokens"],
    scope: "anywhere",
    negatable: true,
    unlessSentenceHas: ["authenticate", "authenticates", "authentication", "auth", "authorize", "authorized", "requires", "required", "require", "configured", "configure", "login", "oauth", "bearer", "provided", "provide", "pass", "supply", "set", "header", "headers", "session", "categories", "category"],
    // Said only of credentials: "contacts with email addresses" still returns addresses.
    unlessPrecededBy: ["with", "using", "via", "current", "scoped", "validate", "validates", "verify", "verifies", "valid"],
    explanation: "The description says what is read is credentials, API keys or access tokens; credentials the call is made with (\"accessible with current credentials\", \"validate the API credentials\") are how it authenticates, not what it returns.",
  },
  {
    trait: "sensitive",
    phrases: ["cookie", "set cookie", "authorization header", "authorization headers"],
    scope: "anywhere",
    negatable: true,
    // "The request carries your Authorization header": how the call authenticates, not what it returns.
    unlessSentenceHas: ["authenticate", "authenticates", "authentication", "requires", "required", "require", "configured", "provided", "provide", "pass", "passed", "send", "sent", "sends", "include", "includes", "using", "uses", "bearer", "with"],
    explanation: "The description says what is read includes cookies or authorization headers, which are credentials.",
  },
  {
    trait: "bulk",
    phrases: ["all", "every", "everything", "recursively", "wildcard", "that match", "matching any", "matching filters", "matching the filters", "matching a filter", "matching the criteria", "by filter", "by filters", "any combination of filters", "matching the filter", "matching the query", "all matching", "matching documents", "matching records"],
    scope: "first-sentence",
    negatable: true,
    explanation: "The description says one call acts on an unbounded set (all, every, whatever matches a filter); a list of ids the caller names is bounded and does not count.",
  },
  {
    trait: "internal-report",
    phrases: ["telemetry", "feedback", "usage data", "diagnostics", "crash report", "bug report", "analytics"],
    scope: "first-sentence",
    negatable: false,
    explanation: "The description says the call reports telemetry or feedback to the tool's maker.",
  },
  {
    trait: "query-language",
    phrases: ["sql", "select statement", "select statements", "select query", "select queries", "cypher", "query language", "sql query", "postgresql", "mysql", "sqlite", "t sql", "plpgsql", "ddl", "dml"],
    scope: "anywhere",
    negatable: false,
    explanation: "The description says the tool takes a query in a query language such as SQL.",
  },
  {
    trait: "read-only-language",
    phrases: ["jql", "wiql", "promql", "logql", "traceql", "metricsql", "kql", "soql", "sosl", "gaql", "nrql", "lucene", "query dsl", "search dsl", "confluence query language", "keyword query language", "kusto query language", "cosmos db sql", "cosmosdb sql"],
    scope: "anywhere",
    negatable: false,
    explanation: "The description names a query language that cannot change data by its design (JQL, WIQL, PromQL, LogQL, a search DSL, a vendor's SELECT-only language): a query in it reads, whatever verb runs it.",
  },
  {
    trait: "router",
    phrases: ["command router", "hierarchical mcp command"],
    scope: "anywhere",
    negatable: false,
    explanation: "The description says the tool routes sub commands: its `command` parameter names one of them, it is no shell command; what the tool does is what its description says the sub commands do.",
  },
];

/** Verbs that produce a result; with readOnlyHint and idempotentHint the result is only returned (Read). */
export const producingVerbs: ReadonlySet<string> = new Set(["create", "creates", "generate", "generates", "make", "makes", "render", "renders", "build", "builds", "draw", "draws", "compute", "computes", "merge", "merges", "combine", "combines", "convert", "converts", "transform", "transforms"]);

/**
 * Verbs that transform what they are given into a result (format, convert,
 * render): with an explicit readOnlyHint they state no change, the result is
 * returned. "Create" or "build" need idempotentHint too (producingVerbs).
 */
export const computingVerbs: ReadonlySet<string> = new Set(["format", "formats", "convert", "converts", "render", "renders", "transform", "transforms", "compute", "computes", "calculate", "calculates", "summarize", "summarizes", "summarise", "translate", "translates", "parse", "parses", "encode", "encodes", "decode", "decodes", "draw", "draws"]);

/** Verbs of a name that leave the action to a parameter (`manage_issue`, `execute_operation`, `http_request`). */
export const dispatcherVerbs: ReadonlySet<string> = new Set(["manage", "handle", "execute", "exec", "run", "perform", "invoke", "call", "process", "do", "operate", "control", "send", "make", "request", "fetch", "use", "access", "administer", "interact", "dispatch", "trigger", "apply", "configure"]);

/** Words that make a `code`-like parameter data, not something to run (`country_code`, "the OAuth authorization code"). */
export const dataCodeWords: ReadonlySet<string> = new Set([
  "country", "iso", "currency", "language", "lang", "locale", "postal", "zip", "area", "region", "verification", "verify", "authorization",
  "auth", "oauth", "otp", "mfa", "2fa", "totp", "promo", "coupon", "discount", "voucher", "referral", "status", "error", "exit", "http",
  "response", "exchange", "confirmation", "invite", "invitation", "pairing", "device", "tracking", "airport", "iata", "icao", "station",
  "product", "sku", "hs", "tax", "color", "colour", "hex", "short", "qr", "barcode", "pin", "access", "reset", "recovery", "redemption",
  "naics", "sic", "unit", "department", "cost", "account", "gift", "security", "sms", "phone", "dial", "mcc", "ticker", "symbol",
]);

/** Words that, in a parameter's description, say it holds something to run. */
export const runWords: ReadonlySet<string> = new Set(["run", "runs", "execute", "executed", "executes", "execution", "evaluate", "evaluated", "eval", "script", "javascript", "typescript", "python", "shell", "bash", "sql", "statement", "command", "commands", "code"]);

/** Words that, in a parameter's description, make a choice parameter a filter on what is read ("Filter by to-do action"). */
export const filterWords: ReadonlySet<string> = new Set(["filter", "filters", "filtered", "filtering"]);

/** Words that, earlier in the same sentence (up to eight words before), cancel a phrase. */
export const negationWords: ReadonlySet<string> = new Set(["not", "never", "without", "no", "doesnt", "dont", "wont", "cannot", "cant", "isnt", "arent", "nor"]);

/** A sentence holding one of these and a removal word says data goes for good. */
export const irreversibleMarkers: readonly string[] = ["permanently", "permanent", "irreversible", "irreversibly", "cannot be undone", "cant be undone", "can not be undone", "not be recovered", "unrecoverable", "no undo", "not reversible", "forever"];
export const removalWords: ReadonlySet<string> = new Set(["delete", "deletes", "deleted", "deleting", "remove", "removes", "removed", "erase", "erases", "destroy", "destroys", "purge", "purges", "wipe", "wipes", "drop", "drops", "truncate", "truncates", "lost", "replaces", "replace", "overwrites"]);

export type ParameterKind =
  | "code"
  | "command"
  | "sql"
  | "query"
  | "url"
  | "recipient"
  | "attendee-notice"
  | "channel"
  | "money"
  | "path"
  | "scale-switch"
  | "filter"
  | "api-path"
  | "resource-kind"
  | "deleting-switch"
  | "overwrite-switch"
  | "save-path"
  | "marking-switch"
  | "id-list"
  | "action"
  | "pagination"
  | "content"
  | "cost-confirmation";

export interface ParameterRule {
  kind: ParameterKind;
  /** Parameter names, split into words and joined by spaces ("filePath" is "file path"); the last word also matches (a deleting switch matches on any word). */
  names: readonly string[];
  explanation: string;
}

export const parameterRules: readonly ParameterRule[] = [
  { kind: "sql", names: ["sql", "sql query", "query sql", "sql statement", "statement", "statements", "sql text", "cypher"], explanation: "Takes a query in a query language such as SQL: running it is Execute unless the tool says it accepts only a read-only subset." },
  { kind: "command", names: ["command", "cmd", "shell command", "commandline", "command line", "bash command", "shell"], explanation: "Takes a command to run: Execute, and on the host it is a shell (Critical)." },
  { kind: "code", names: ["code", "script", "javascript", "js", "python", "function", "expression", "snippet", "source code", "program"], explanation: "Takes code to run: Execute, unless the tool only explains or validates it." },
  { kind: "query", names: ["query", "queries", "q"], explanation: "Takes a query: a search query reads; SQL or another query language runs." },
  { kind: "resource-kind", names: ["resource type", "kind", "resource kind", "api version"], explanation: "Takes any kind of cluster resource (a free `kind` or `resourceType`): the call reaches Secrets and whole namespaces too." },
  { kind: "api-path", names: ["api path", "api endpoint", "resource path", "url path"], explanation: "Takes any path of a service's API (\"The API endpoint path\"): the tool reaches every operation of that API with its method." },
  { kind: "url", names: ["url", "uri", "href", "link", "endpoint", "website", "webpage", "urls"], explanation: "Takes a web address: the call reaches out to it." },
  { kind: "marking-switch", names: ["mark seen", "mark read", "mark as read", "mark as seen", "mark viewed", "mark as viewed", "mark opened", "set seen", "mark messages read", "mark messages seen"], explanation: "A switch that marks what is read as seen or read (`markSeen`): turned on, the call leaves a lasting change in the mailbox, so the read is a write." },
  { kind: "attendee-notice", names: ["send updates", "send notifications", "send invites", "send invitations", "notify attendees", "notify guests", "notify participants", "send notification to attendees"], explanation: "Chooses whether an event's attendees or guests are notified of the change (`sendUpdates`): they may be people outside the organisation, so the call can send to people." },
  { kind: "recipient", names: ["to", "recipient", "recipients", "cc", "bcc", "receiver", "destination email", "to email", "to emails", "to address", "attendees", "attendee emails", "invitees", "guests", "guest emails"], explanation: "Takes a recipient (to, cc, bcc, an event's attendees or invitees): whatever the call creates reaches other people, an invitation included. A plain `email` field is contact data, not a recipient." },
  { kind: "channel", names: ["channel", "channel id", "chat id", "conversation id", "thread ts"], explanation: "Takes a chat channel: corroborates a message that others read." },
  { kind: "money", names: ["amount", "currency", "unit amount", "price", "total amount", "amount cents", "amount in cents", "value cents"], explanation: "Takes an amount or a currency: corroborates moving money." },
  { kind: "path", names: ["path", "file", "file path", "filepath", "filename", "file name", "directory", "dir", "folder", "target path", "destination", "source path", "paths"], explanation: "Takes a file path." },
  { kind: "scale-switch", names: ["force", "recursive", "all", "cascade", "delete all", "purge", "everything", "all namespaces", "include all", "remove all", "drop all"], explanation: "A force, recursive or all switch: an all, recursive or purge switch lets one call remove an unbounded set; force skips the safeguards (a write forced past them replaces what is there: High); cascade on one object that is no container stays bounded." },
  { kind: "filter", names: ["filter", "filters", "where", "selector", "label selector", "field selector", "criteria", "conditions", "condition", "pattern", "glob", "query filter"], explanation: "Picks items by a filter or pattern rather than by id: a deletion by filter removes an unbounded set." },
  { kind: "overwrite-switch", names: ["overwrite", "overwriting", "replace", "replace existing", "clobber"], explanation: "A boolean switch that writes over what exists (overwrite, replace): the write is High, and still a write." },
  { kind: "deleting-switch", names: ["drop", "delete", "deleting", "purge", "wipe", "erase", "destroy", "truncate", "replace all", "clear existing"], explanation: "A boolean switch with one of these words anywhere in its name (dropTarget, deleteLocalData, allow_deleting_content): a write that turns it on deletes or replaces existing data, so the write is High. A \"remove source branch\" preference is not one: it acts later, on a merge." },
  { kind: "save-path", names: ["save path", "save to", "output path", "output file", "output dir", "output directory", "download path", "download dir", "destination path", "file path", "filepath", "filename", "file name", "path", "output", "save as", "save"], explanation: "A path the result is saved to (its description says so): a read that also writes a file that outlives the call is Write, Medium." },
  { kind: "action", names: ["action", "operation", "op", "method", "mode", "subcommand", "sub command"], explanation: "Chooses one of several actions: the tool takes its most consequential one (unless its description says it filters what is read)." },
  { kind: "cost-confirmation", names: ["confirm cost id", "cost confirmation id", "cost confirmation", "confirm cost"], explanation: "Requires the user to have confirmed a cost first: the call takes on a charge, a financial obligation." },
  { kind: "pagination", names: ["limit", "cursor", "page", "per page", "offset", "page size", "page token", "max results", "first", "after", "before", "sort", "order by"], explanation: "Pages through results: corroborates reading." },
  { kind: "content", names: ["content", "body", "text", "contents", "data", "message", "new text", "markdown", "html"], explanation: "Takes content to store or send: corroborates writing." },
];

export type DomainName = "payments" | "shell" | "browser" | "database" | "email" | "shop" | "spreadsheet" | "telephony";

export interface DomainRule {
  domain: DomainName;
  /** Words in the server's tags or name that mark the domain. */
  words: readonly string[];
  /** The tool's own name marks the domain too, for that tool (`readGmailDraft` on a Google Workspace server). */
  fromToolName?: boolean;
  explanation: string;
}

export const domainRules: readonly DomainRule[] = [
  { domain: "payments", words: ["payments", "payment", "billing", "stripe", "paypal", "finance", "fintech", "banking", "bank", "crypto", "wallet", "commerce", "ecommerce", "square", "adyen", "checkout", "invoicing", "ccxt", "binance", "coinbase", "kraken", "bybit", "okx", "bitget", "alpaca", "brokerage", "trading"], explanation: "On a payments server, money verbs weigh more: transfers, orders, balances and wallets count as money." },
  { domain: "shell", words: ["shell", "terminal", "desktop", "commander", "os", "system", "ssh"], explanation: "On a shell or desktop server, commands run on the host." },
  { domain: "browser", words: ["browser", "playwright", "puppeteer", "chrome", "devtools", "selenium"], explanation: "On a browser server, evaluated code runs in the page, not on the host." },
  { domain: "email", words: ["email", "mail", "gmail", "outlook", "imap", "smtp", "mailbox", "inbox", "fastmail", "protonmail"], fromToolName: true, explanation: "On a mail server, or in a mail tool of any server (`readGmailDraft`), messages, drafts and attachments are private mail." },
  { domain: "spreadsheet", words: ["sheets", "gsheets", "spreadsheet", "spreadsheets", "excel", "xlsx", "workbook", "workbooks"], fromToolName: true, explanation: "In a spreadsheet, a table is a range of cells, not a database's table: removing one removes one thing." },
  { domain: "shop", words: ["shopify", "shop", "shops", "ecommerce", "woocommerce", "bigcommerce", "magento", "commercetools", "storefront", "prestashop", "saleor", "medusa"], explanation: "On a shop server, orders are records of customers who are persons: sensitive even to read." },
  { domain: "telephony", words: ["telephony", "retell", "twilio", "telnyx", "plivo", "vonage", "sinch", "voip", "dialer", "callcenter"], explanation: "On a voice-call server, a call is a conversation with a person: its record holds their number, transcript and recording, and placing one rings them." },
  { domain: "database", words: ["database", "databases", "postgres", "postgresql", "mysql", "sqlite", "sql", "supabase", "mongodb", "db", "bigquery", "snowflake", "clickhouse", "neon", "redis"], explanation: "On a database server, a query parameter is a query language." },
];

export interface UsualRisk {
  category: Category;
  risk: Risk;
  /** The risk sentence when nothing moves it. */
  explanation: string;
}

export const usualRisks: readonly UsualRisk[] = [
  { category: "Read", risk: "Low", explanation: "It changes nothing and reads nothing sensitive: Low." },
  { category: "Write", risk: "Medium", explanation: "Changes like this are reversible or additive and stay inside the user's own systems: Medium." },
  { category: "Execute", risk: "High", explanation: "Running code, commands or queries is High." },
  { category: "Destructive", risk: "High", explanation: "Removing one item, or items the caller names one by one, is High." },
  { category: "Financial", risk: "Critical", explanation: "Moving money is Critical." },
];

export type AdjustmentId =
  | "sensitive-read"
  | "host-file-read"
  | "external-send"
  | "access-change"
  | "overwrite"
  | "host-execution"
  | "bulk-deletion"
  | "container-deletion"
  | "service-affecting"
  | "third-party-install"
  | "admin-grant"
  | "open-api-read"
  | "open-kind-read"
  | "open-kind-delete"
  | "open-api-write"
  | "open-api-delete"
  | "allowlisted-commands"
  | "saved-to-disk"
  | "session-only";

export interface RiskAdjustment {
  id: AdjustmentId;
  /** The category whose usual risk this moves, one level. */
  category: Category;
  to: Risk;
  explanation: string;
}

/** The one-level moves of the standard; each needs its stated reason in the rationale. */
export const riskAdjustments: readonly RiskAdjustment[] = [
  { id: "sensitive-read", category: "Read", to: "Medium", explanation: "Reading sensitive material (secrets, environment variables, credentials, private messages, personal data) is Medium." },
  { id: "host-file-read", category: "Read", to: "Medium", explanation: "A read that returns the contents of any file on the host (a path that may be absolute, relative or local, confined to no allowed directories) can return secrets and keys: Medium." },
  { id: "external-send", category: "Write", to: "High", explanation: "Sending or publishing outside the user's own systems is High." },
  { id: "access-change", category: "Write", to: "High", explanation: "Changing permissions or access is High." },
  { id: "overwrite", category: "Write", to: "High", explanation: "Overwriting or moving existing files or data is High." },
  { id: "host-execution", category: "Execute", to: "Critical", explanation: "Shell commands or unrestricted code on the host are Critical." },
  { id: "bulk-deletion", category: "Destructive", to: "Critical", explanation: "Deleting an unbounded set in one call (all, a filter or pattern, a wildcard, an all, purge or recursive switch) is Critical; a list of ids the caller names stays High." },
  { id: "container-deletion", category: "Destructive", to: "Critical", explanation: "Deleting a whole container (repository, database, project, cluster, account) is Critical." },
  { id: "admin-grant", category: "Write", to: "Critical", explanation: "Granting admin or owner rights over an organisation, account, workspace or system is one of the Critical row's own triggers." },
  { id: "allowlisted-commands", category: "Read", to: "Medium", explanation: "A command runner limited to an allowlist of read-only commands, and saying so, is Read, but it can read any file the account can: Medium." },
  { id: "saved-to-disk", category: "Write", to: "Medium", explanation: "A read that also saves its result to a file: the file outlives the call (Write, Medium)." },
  { id: "open-kind-read", category: "Read", to: "Medium", explanation: "A read of any kind of cluster resource reaches Secrets too: Medium." },
  { id: "open-kind-delete", category: "Destructive", to: "Critical", explanation: "A deletion of any kind of cluster resource reaches whole namespaces: Critical." },
  { id: "open-api-read", category: "Read", to: "Medium", explanation: "A read of any path of a service's API reaches its sensitive records too (members, secrets, settings): Medium." },
  { id: "open-api-write", category: "Write", to: "High", explanation: "A write to any path of a service's API reaches its access and settings too: High." },
  { id: "open-api-delete", category: "Destructive", to: "Critical", explanation: "A deletion at any path of a service's API reaches whole containers (repositories, projects): Critical." },
  { id: "service-affecting", category: "Write", to: "High", explanation: "Stopping, pausing or restarting an app, VM or service, and other operations that affect a running service, are hard on whoever relies on it: High." },
  { id: "third-party-install", category: "Write", to: "High", explanation: "Installing an extension, plugin or integration puts third-party code into a service: High." },
  { id: "session-only", category: "Write", to: "Low", explanation: "A change that stays in the agent's own browser, viewer or session and ends with it (hover, resize, open or close its own browser): Low. Annotations alone never lower a risk." },
];

export interface FlagRule {
  flag: "no-description" | "annotation-conflict" | "hidden-instructions" | "broken-schema" | "oversized";
  explanation: string;
}

export const flagRules: readonly FlagRule[] = [
  { flag: "no-description", explanation: "The server gave no description; the verdict rests on the name." },
  { flag: "annotation-conflict", explanation: "An explicit annotation contradicts what the name and description say; the category follows what the tool does and the risk moves one level toward the annotation, never down. Absent hints never conflict." },
  { flag: "hidden-instructions", explanation: "Text aimed at the model rather than the user; raises risk to at least High." },
  { flag: "broken-schema", explanation: "The input schema is missing, not an object, or requires parameters it does not define." },
  { flag: "oversized", explanation: "A description or schema beyond sane bounds; scanned and shown only in part." },
];

/** Bounds beyond which a definition is `oversized`. */
export const sizeLimits = {
  descriptionCharacters: 10_000,
  titleCharacters: 300,
  nameCharacters: 256,
  topLevelParameters: 100,
  schemaNodes: 2_000,
  schemaDepth: 24,
} as const;

/**
 * Nouns that end a description written as a title of what comes back
 * ("Funding rate history.", "Hyperliquid tickers."): with no verb before
 * them, the tool returns that data.
 */
export const returnedDataNouns: ReadonlySet<string> = new Set([
  "data", "history", "info", "information", "details", "statistics", "stats", "metrics", "summary", "overview", "forecast", "forecasts",
  "snapshot", "feed", "ticker", "tickers", "prices", "quotes", "rates", "candles", "klines", "listing", "listings", "lookup", "insights",
]);

/**
 * Verbs of descriptions written in Chinese, each with the English verb of the
 * verb table that means the same. Chinese has no spaces, so these are found
 * as substrings, the earliest first. "发布" is left out: it is as often the
 * noun "release" ("发布流程", release workflow) as the verb "publish".
 */
export const chineseVerbs: readonly { chinese: string; english: string }[] = [
  { chinese: "搜索", english: "search" }, { chinese: "检索", english: "search" }, { chinese: "查询", english: "query" }, { chinese: "查找", english: "find" },
  { chinese: "查看", english: "view" }, { chinese: "获取", english: "get" }, { chinese: "读取", english: "read" }, { chinese: "列出", english: "list" },
  { chinese: "计算", english: "calculate" }, { chinese: "测量", english: "calculate" }, { chinese: "转换", english: "convert" }, { chinese: "规划", english: "plan" },
  { chinese: "定位", english: "find" }, { chinese: "解析", english: "parse" }, { chinese: "分析", english: "analyze" }, { chinese: "返回", english: "return" },
  { chinese: "翻译", english: "convert" }, { chinese: "创建", english: "create" }, { chinese: "新建", english: "create" }, { chinese: "添加", english: "add" },
  { chinese: "更新", english: "update" }, { chinese: "修改", english: "modify" }, { chinese: "编辑", english: "edit" }, { chinese: "设置", english: "set" },
  { chinese: "保存", english: "save" }, { chinese: "上传", english: "upload" }, { chinese: "写入", english: "write" }, { chinese: "提交", english: "commit" },
  { chinese: "发送", english: "send" }, { chinese: "删除", english: "delete" }, { chinese: "移除", english: "remove" },
  { chinese: "清空", english: "empty" }, { chinese: "执行", english: "execute" }, { chinese: "运行", english: "run" }, { chinese: "部署", english: "deploy" },
  { chinese: "支付", english: "pay" }, { chinese: "付款", english: "pay" }, { chinese: "退款", english: "refund" }, { chinese: "转账", english: "transfer" },
  { chinese: "购买", english: "purchase" },
];

/** A Chinese verb right before one of these describes a noun ("创建时间", creation time; "创建来源", creation source): it is not done. */
export const chineseAttributiveEnds: readonly string[] = ["的", "时间", "日期", "者", "人", "来源", "方式"];

/** Chinese negations: a verb right after one is not done ("不会删除", "勿修改"). */
export const chineseNegations: readonly string[] = ["不", "勿", "无需", "禁止", "没有"];
