import { useState } from 'react';
import type { Download } from './rights-api';
import { saveFile } from '../../api/download';

export type DownloadState = { state: 'idle' } | { state: 'busy'; which: string } | { state: 'done'; fileName: string } | { state: 'failed'; error: unknown };

/** One download at a time per section: which button is busy, then the file's name or the refusal. */
export function useDownload(): [DownloadState, (which: string, fetchFile: () => Promise<Download>) => Promise<void>] {
  const [state, setState] = useState<DownloadState>({ state: 'idle' });
  const run = async (which: string, fetchFile: () => Promise<Download>) => {
    setState({ state: 'busy', which });
    try {
      const file = await fetchFile();
      saveFile(file);
      setState({ state: 'done', fileName: file.fileName });
    } catch (error) {
      setState({ state: 'failed', error });
    }
  };
  return [state, run];
}
