/**
 * A process-wide slot on `globalThis` under a `Symbol.for` key, so that duplicate copies of this
 * package share what is installed. Installing replaces the value; it never stacks.
 */
export interface GlobalSlot<T> {
  /** Sets the value and returns a function that clears it (if it is still the one set). */
  install(value: T): () => void;
  get(): T | undefined;
}

/**
 * @example
 * const slot = createGlobalSlot<MyHooks>('my.package.hooks');
 * const uninstall = slot.install(hooks);
 */
export function createGlobalSlot<T>(key: string): GlobalSlot<T> {
  const symbol = Symbol.for(key);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  return {
    install(value: T) {
      holder[symbol] = value;
      return () => {
        if (holder[symbol] === value) delete holder[symbol];
      };
    },
    get: () => holder[symbol],
  };
}
