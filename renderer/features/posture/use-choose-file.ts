import { useChoosePath, type FileFilters } from '../../bridge/use-choose-path';

// .env has no extension to filter on, so everything is listed first.
const ENV_FILTERS: FileFilters = [
  { name: 'All files', extensions: ['*'] },
  { name: 'Environment files', extensions: ['env'] },
];

/** The native open dialog for the control plane's .env; elsewhere a plain word that the path is typed instead. */
export function useChooseFile(onPath: (path: string) => void) {
  return useChoosePath('Open the control plane .env', ENV_FILTERS, onPath);
}
