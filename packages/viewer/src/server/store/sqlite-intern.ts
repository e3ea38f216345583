import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { NormalizedResource, NormalizedScope } from '../otlp/normalized-types.js';

/**
 * Stores each distinct resource or scope once and hands out its row id; spans and logs refer to
 * it. Parsed values are cached both ways, so a batch sharing one resource costs one lookup.
 */
export class InternTable<T extends NormalizedResource | NormalizedScope> {
  private readonly idsByJson = new Map<string, number>();
  private readonly valuesById = new Map<number, T>();
  private readonly idsByObject = new WeakMap<T, number>();
  private readonly insert: StatementSync;
  private readonly selectId: StatementSync;
  private readonly selectJson: StatementSync;

  constructor(db: DatabaseSync, table: 'resources' | 'scopes') {
    this.insert = db.prepare(`INSERT OR IGNORE INTO ${table} (json) VALUES (?)`);
    this.selectId = db.prepare(`SELECT id FROM ${table} WHERE json = ?`);
    this.selectJson = db.prepare(`SELECT json FROM ${table} WHERE id = ?`);
  }

  /** The row id of `value`, inserting it when new. Call inside the ingest transaction. */
  idOf(value: T): number {
    const known = this.idsByObject.get(value);
    if (known !== undefined) return known;
    const id = this.idOfJson(JSON.stringify(value));
    this.idsByObject.set(value, id);
    return id;
  }

  /** The row id of a value given as its JSON (as JSON.stringify writes it), inserting it when new. Call inside the ingest transaction. */
  idOfJson(json: string): number {
    let id = this.idsByJson.get(json);
    if (id === undefined) {
      this.insert.run(json);
      id = (this.selectId.get(json) as { id: number }).id;
      if (this.idsByJson.size > 10_000) this.idsByJson.clear();
      this.idsByJson.set(json, id);
    }
    return id;
  }

  /** The value stored under `id`. */
  valueOf(id: number): T {
    let value = this.valuesById.get(id);
    if (value === undefined) {
      const row = this.selectJson.get(id) as { json: string } | undefined;
      value = (row ? JSON.parse(row.json) : { attributes: {}, droppedAttributesCount: 0, schemaUrl: '', name: '', version: '' }) as T;
      if (this.valuesById.size > 10_000) this.valuesById.clear();
      this.valuesById.set(id, value);
    }
    return value;
  }

  /** Forgets cached ids (after a rollback, ids handed out may not exist). */
  reset(): void {
    this.idsByJson.clear();
  }
}
