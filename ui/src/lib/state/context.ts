import { createContext } from 'svelte';
import type { AppState } from './app.svelte';

/** The app state, provided once by App.svelte and read by the views and components. */
export const [useApp, provideApp] = createContext<AppState>();
