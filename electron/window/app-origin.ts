// The app's own origin. The renderer is served from app://afx/ (see app-protocol.ts).
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://afx`
