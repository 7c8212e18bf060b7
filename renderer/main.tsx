import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { BridgeProvider } from './bridge/bridge-context';
import { createQueryClient } from './bridge/query-client';
import { resolveBridge } from './bridge/resolve-bridge';
import './styles/theme.css';
import './styles/app.css';
import './styles/panels.css';
import './styles/modal.css';
import './styles/diff.css';
import './styles/cert-controls.css';
import './styles/cert-results.css';
import './styles/cert-cards.css';
import './styles/cert-verify.css';
import './styles/nginx-layout.css';
import './styles/nginx-form.css';
import './styles/nginx-code.css';
import './styles/nginx-results.css';
import './styles/nginx-install.css';
import './styles/health-marks.css';
import './styles/health-dashboard.css';
import './styles/health-detail.css';
import './styles/health-editor.css';
import './styles/posture-layout.css';
import './styles/posture-checklist.css';
import './styles/posture-save.css';
import './styles/posture-report.css';
import './styles/ca-layout.css';
import './styles/ca-cards.css';
import './styles/ca-forms.css';
import './styles/ca-results.css';
import './styles/ca-tables.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <BridgeProvider bridge={resolveBridge()}>
          <App />
        </BridgeProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
