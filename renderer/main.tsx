import '@fontsource-variable/inter';
import './styles.css';
import { createApiClient, installApiClient } from './api/client';
import { startFirstRead } from './api/read-sheet';

installApiClient(createApiClient());
// The back reads the open workbook's first sheet while the browser loads and parses the app's
// code (most of it AG Grid and React): the entry is small, and the app comes in after the ask.
startFirstRead();
import('./boot')
  .then(({ mountApp }) => mountApp())
  .catch((error: unknown) => {
    document.body.textContent = `Tandem could not start: ${error instanceof Error ? error.message : String(error)}. Reload the page.`;
  });
