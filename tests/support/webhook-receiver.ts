import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Received = { id: string; status: number; verified: boolean; body: { type: string; data: Record<string, unknown> & { lead: Record<string, unknown> } } };

/**
 * A real HTTP endpoint for webhook tests: it verifies each delivery's Standard Webhooks signature
 * with the endpoint's secret, answers what `answer` says (500s on purpose, then 200s, or nothing
 * at all: "hang", until the sender gives up or dies), and keeps
 * every request it got, so a test counts deliveries per `webhook-id`.
 */
export async function startReceiver(answer: (id: string, nth: number) => number | "hang" = () => 200) {
  const received: Received[] = [];
  let secret = "";
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const id = String(request.headers["webhook-id"]);
      let verified = false;
      try {
        new Webhook(secret).verify(raw, request.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      const status = answer(id, received.filter((entry) => entry.id === id).length + 1);
      received.push({ id, status: status === "hang" ? 0 : status, verified, body: JSON.parse(raw) });
      if (status === "hang") return;
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : `failing on purpose (${status})`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** The secret deliveries must be signed with: the endpoint's, once registered. */
    useSecret(value: string) {
      secret = value;
    },
    /** Requests answered 2xx, by webhook-id. */
    deliveredIds: () => received.filter((entry) => entry.status >= 200 && entry.status < 300).map((entry) => entry.id),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
