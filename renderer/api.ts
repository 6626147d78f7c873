// The only module that touches `window.api` (exposed by preload, typed by the one contract).
import type { DossierApi } from '../main/ipc/contract.js';

export const api: DossierApi = (window as unknown as { api: DossierApi }).api;
