import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Served by the gateway at /operator/; in dev, /graphql (HTTP and WebSocket) goes to the gateway. */
export default defineConfig({
  base: "/operator/",
  plugins: [react()],
  resolve: { dedupe: ["react", "react-dom", "@apollo/client", "graphql"] },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      "/graphql": { target: "http://localhost:4000", ws: true },
      "/uploads": "http://localhost:4000",
      "/files": "http://localhost:4000",
      "/tickets/export.csv": "http://localhost:4000",
    },
  },
  preview: { port: 5173 },
  // No source maps: they would publish the apps' sources (the gateway serves *.map only in development).
  build: { outDir: "dist", sourcemap: false },
});
