import { contextBridge, ipcRenderer } from 'electron';
import { createBridgeApi } from './bridge-api';

/** Sandboxed preload: exposes window.bridge and nothing else. */
contextBridge.exposeInMainWorld('bridge', createBridgeApi(ipcRenderer));
