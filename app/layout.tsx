import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Leadgate", template: "%s · Leadgate" },
  description: "Lead qualification for B2B marketing and sales teams.",
  // In public/ (scripts/generate-icons.ts makes the PNGs); proxy.ts serves them without a session.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = { themeColor: "#4f46e5" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, even ones that could be static (the 404 page), so Next
  // can put the request's CSP nonce (proxy.ts) on its inline scripts; without it they'd be blocked.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
