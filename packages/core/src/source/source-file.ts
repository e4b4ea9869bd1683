/** A register file as read from disk: its path relative to the register folder, and its bytes. */
export interface SourceFile {
  path: string;
  bytes: Uint8Array;
}

/** A register file as text, for callers that already hold strings (tests, editors, git blobs). */
export function sourceFromText(path: string, text: string): SourceFile {
  return { path, bytes: new TextEncoder().encode(text) };
}
