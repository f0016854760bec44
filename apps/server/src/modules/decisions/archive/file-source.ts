// An archive on disk as an ArchiveSource (Node only: the CLI and the benches; verify.html reads a File instead).
import { open } from 'node:fs/promises';
import type { ArchiveSource } from './zip-reader.js';

/** Opens the file for random reads; close it when done. */
export async function fileSource(file: string): Promise<ArchiveSource & { close(): Promise<void> }> {
  const fh = await open(file, 'r');
  return {
    size: (await fh.stat()).size,
    read: async (offset, length) => {
      const b = new Uint8Array(length);
      const { bytesRead } = await fh.read(b, 0, length, offset);
      return b.subarray(0, bytesRead);
    },
    close: () => fh.close(),
  };
}
