const memory = new Map<string, string>();

/**
 * A value kept for this browser tab (sessionStorage, so it survives a reload), or null. Falls back to
 * memory where storage is unavailable.
 *
 * @example
 * readSessionValue('hopscope.lastListHash'); // '#/?model=gpt-4o' | null
 */
export function readSessionValue(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}

/**
 * Keeps a value for this browser tab (see readSessionValue).
 *
 * @example
 * writeSessionValue('hopscope.lastListHash', '#/?model=gpt-4o');
 */
export function writeSessionValue(key: string, value: string): void {
  memory.set(key, value);
  try {
    window.sessionStorage.setItem(key, value);
  } catch {
    // storage turned off or full: memory only
  }
}
