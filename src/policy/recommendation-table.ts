import type { Category, Risk, VerdictFlag } from "../classify/verdict-schema.ts";
import type { Window } from "./policy-schema.ts";

/** What a recommendation does with a tool. */
export type RecommendedAction = "allow" | "require_approval" | "deny" | "hide";

export interface RecommendationRow {
  /** The row applies when every given list contains the tool's value (flags: any of them). The first matching row wins. */
  when: { categories?: readonly Category[]; risks?: readonly Risk[]; flags?: readonly VerdictFlag[] };
  action: RecommendedAction;
  /** The cap on calls whenever the tool runs without a person deciding each call (also beside an approval). */
  limit: { count: number; window: Window };
  /** How long a held call waits for a person. */
  approvalTimeout: string;
  /**
   * For tools that move money and take a numeric amount argument: the most
   * the amounts may add up to per window, in the argument's own unit. Which
   * files carry it, and what they say of it, follows from their rules
   * (`describeRecommendation`), never from this row alone.
   */
  spendCap?: { amount: number; window: Window };
  /** One sentence for the methodology page and the policy comments. */
  why: string;
}

/**
 * The one table every recommendation, snippet and policy comment comes
 * from: the site's methodology page renders it as is. Rows are checked in
 * order; the last rows catch every category and risk, so each tool matches.
 */
export const recommendationTable: readonly RecommendationRow[] = [
  {
    when: { flags: ["hidden-instructions"] },
    action: "hide",
    limit: { count: 5, window: "hour" },
    approvalTimeout: "10m",
    why: "Its definition carries text aimed at the model, so it is hidden: the model never reads the description and cannot call the tool.",
  },
  {
    when: { categories: ["Financial"] },
    action: "require_approval",
    limit: { count: 10, window: "day" },
    approvalTimeout: "30m",
    spendCap: { amount: 10_000, window: "day" },
    why: "It moves money or creates an obligation to pay, so the recommendation is that a person approves every call.",
  },
  {
    when: { categories: ["Destructive"], risks: ["Critical"] },
    action: "deny",
    limit: { count: 5, window: "day" },
    approvalTimeout: "10m",
    why: "It deletes at scale or whole containers (repositories, databases, accounts), which no agent should do; people can still do it outside the agent.",
  },
  {
    when: { categories: ["Destructive"] },
    action: "require_approval",
    limit: { count: 10, window: "hour" },
    approvalTimeout: "10m",
    why: "It deletes or revokes things that cannot be brought back, so a person approves each call.",
  },
  {
    when: { categories: ["Execute"], risks: ["Critical"] },
    action: "require_approval",
    limit: { count: 10, window: "hour" },
    approvalTimeout: "10m",
    why: "It runs arbitrary code or shell commands on the host, so a person reads and approves each call.",
  },
  {
    when: { categories: ["Execute"] },
    action: "require_approval",
    limit: { count: 30, window: "hour" },
    approvalTimeout: "10m",
    why: "It runs code, queries, jobs or deployments whose effects are hard to predict from the call, so a person approves each call.",
  },
  {
    when: { risks: ["Critical"] },
    action: "require_approval",
    limit: { count: 10, window: "hour" },
    approvalTimeout: "10m",
    why: "Its risk is critical (credentials, admin rights or changes at scale), so a person approves each call.",
  },
  {
    when: { risks: ["High"] },
    action: "require_approval",
    limit: { count: 30, window: "hour" },
    approvalTimeout: "10m",
    why: "Its effects are visible to others or hard to undo (sending, publishing, overwriting, access changes), so a person approves each call.",
  },
  {
    when: { categories: ["Write"] },
    action: "allow",
    limit: { count: 30, window: "hour" },
    approvalTimeout: "10m",
    why: "It makes reversible changes inside your own systems, so it runs freely within an hourly cap that stops a runaway loop.",
  },
  {
    when: { categories: ["Read"], risks: ["Medium"] },
    action: "allow",
    limit: { count: 100, window: "hour" },
    approvalTimeout: "10m",
    why: "It reads sensitive material (secrets, personal data, private messages), so an hourly cap limits how much an agent can pull out.",
  },
  {
    when: {},
    action: "allow",
    limit: { count: 60, window: "minute" },
    approvalTimeout: "10m",
    why: "It only reads or computes, so it runs freely; a generous per-minute cap only stops a runaway loop.",
  },
];

/** The optional cap on every call to the server, under `"*"`. */
export const globalLimitRow = {
  limit: { count: 120, window: "minute" as Window },
  why: "A cap on all calls together stops an agent stuck in a loop, whatever tool it loops on.",
} as const;

/**
 * Argument names taken as an amount of money moved, for the spend cap
 * (numbers only). A price or a quantity is not one: adding up the prices
 * of orders or the quantities of a payment link caps nothing that is paid.
 */
export const amountParameterPattern = /^(?:amount|amount_?in_?cents|[a-z]+_amount)$/i;
