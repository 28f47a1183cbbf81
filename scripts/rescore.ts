// Re-scores every lead with the active rules and today's decay: `npm run rescore`.
// Run it daily (cron, or a scheduler of your platform) so ageing activity fades on the board
// even for leads that do nothing new; the server also does it once a day on its own.
import { rescoreAllLeads } from "../lib/server/scoring/rescore-all";
import { closeStore } from "../lib/server/store/database";

async function main() {
  const started = Date.now();
  let lastReport = 0;
  // Pauses between slices stay on: a running server shares the database's write lock.
  const summary = await rescoreAllLeads({
    onStep: async (_tx, { summary: { leads: processed }, total }) => {
      if (Date.now() - lastReport < 1_000 && processed < total) return;
      lastReport = Date.now();
      console.log(`  ${processed.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} leads`);
    },
  });
  console.log(
    `Re-scored ${summary.leads.toLocaleString("en-US")} leads with rule set v${summary.ruleSetVersion} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${summary.movedToMql} became MQL, ${summary.disqualified} were disqualified.`,
  );
  await closeStore();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
