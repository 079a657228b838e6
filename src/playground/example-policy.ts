/** The policy the playground opens with: one rule of each kind, and a 5/hour limit to watch. */
export const examplePolicy = `version: "1"
description: "Example: guard rails for a GitHub-style server"
default: allow
hide:
  - delete_repository
tools:
  create_issue:
    rules:
      - name: "hourly issue limit"
        rate_limit: 5/hour
        on_deny: "Hourly limit of 5 new issues reached"
  merge_pull_request:
    rules:
      - name: "human approval"
        action: require_approval
        approval_timeout: 10m
  push_files:
    rules:
      - name: "protect main"
        conditions:
          - path: args.branch
            op: neq
            value: main
        on_deny: "Pushing to main is not allowed"
  "*":
    rules:
      - name: "all calls cap"
        rate_limit: 120/minute
`;

export const exampleCall = { tool: "create_issue", args: '{\n  "title": "Flaky test",\n  "body": ""\n}' };
