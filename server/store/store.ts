/** What route handlers need from the server's database; passed in, never imported as a singleton. */
export interface Store {
  /** Throws when the database cannot answer. */
  ping(): void;
  /** The schema version the database is at. */
  schemaVersion(): number;
  close(): void;
}
