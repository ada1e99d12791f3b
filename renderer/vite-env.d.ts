// Vite's client types: CSS side-effect imports, import.meta.env and asset imports.
/// <reference types="vite/client" />
