import "server-only";
import type { LookupAddress, LookupOptions } from "node:dns";
import { lookup } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { webhooksMayGoPrivate } from "@/lib/env";

/*
 * Where webhooks may go (no SSRF): https only, to hosts whose every address is public. The check
 * runs when an endpoint is registered, to tell the admin, and again on every connection, through
 * the lookup that connection uses, so a name that later resolves to a private address (DNS
 * rebinding) is refused at send time. LEADGATE_WEBHOOK_ALLOW_PRIVATE=1 lifts both rules, for local
 * development and tests.
 */

/** An address outside the public internet: private, loopback, link-local, carrier-grade NAT, multicast, reserved. */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  // ipaddr.process turns an IPv4-mapped IPv6 address (::ffff:10.0.0.1) back into IPv4 first.
  return ipaddr.process(address).range() !== "unicast";
}

export class BlockedAddressError extends Error {
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a private address; webhooks go only to public addresses.`);
    this.name = "BlockedAddressError";
  }
}

/** Why the URL cannot take webhooks, or null when it can (before resolving its host). */
export function webhookUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "Enter a full URL, e.g. https://crm.example.com/leadgate-hooks.";
  }
  const allowPrivate = webhooksMayGoPrivate();
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) return "The URL must start with https://.";
  if (url.username || url.password) return "Leave the user name and password out of the URL; Leadgate signs each delivery instead.";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) return `${host} is a private address; webhooks go only to public addresses.`;
  return null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http(s).request that refuses hosts with any private address. */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const blocked = webhooksMayGoPrivate() ? undefined : addresses.find((entry) => isPrivateAddress(entry.address));
    if (blocked) return callback(new BlockedAddressError(hostname, blocked.address), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

/** Resolves the URL's host now and says why it cannot take webhooks, or null when it can. */
export async function resolvedUrlProblem(text: string): Promise<string | null> {
  const problem = webhookUrlProblem(text);
  if (problem) return problem;
  const host = new URL(text).hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return null;
  return new Promise((resolve) => {
    publicOnlyLookup(host, { all: true }, (error) => {
      if (!error) return resolve(null);
      resolve(error instanceof BlockedAddressError ? error.message : `${host} could not be found (${error.code ?? error.message}).`);
    });
  });
}
