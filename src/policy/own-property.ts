/** An own property even for keys like `__proto__`, so any tool or argument name survives as plain data. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // `__proto__` is the one key whose assignment on a plain object calls a setter instead of creating a property.
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
