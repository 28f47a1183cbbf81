import "server-only";
import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import { mailSettings } from "@/lib/env";

/*
 * E-mail goes out through SMTP with nodemailer, the maintained standard for it in Node: TLS
 * upgrade, authentication and connection handling are its business. No SMTP settings, no e-mail:
 * the notices stay in the app.
 */

const transports = new Map<string, Transporter>();

/** Whether e-mail is set up (LEADGATE_SMTP_URL). */
export function mailEnabled(): boolean {
  return mailSettings().smtpUrl !== null;
}

// How long the server may take at each step before the attempt counts as failed and is retried.
const TIMEOUT_MS = 15_000;

/** Sends one message; throws with the server's reason when it is refused. */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<void> {
  const { smtpUrl, from } = mailSettings();
  if (!smtpUrl) throw new Error("E-mail is not set up (LEADGATE_SMTP_URL).");
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl, { connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS });
    transports.set(smtpUrl, transport);
  }
  await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
}
