import "server-only";

/*
 * Group commit: requests that arrive while earlier writes are in progress share the next
 * transaction instead of each paying for its own. A request that finds a free slot is written
 * within the same turn of the event loop, so grouping adds no wait of its own.
 */

export type GroupedWritesOptions<Input, Output> = {
  /** How many groups are written at once. */
  slots: () => number;
  /** The most items a group holds (a single larger input still forms a group of its own). */
  maxItems: number;
  itemsOf: (input: Input) => number;
  /** Whether two inputs may share a transaction. */
  compatible: (a: Input, b: Input) => boolean;
  /** Writes the inputs in one transaction; answers each, in order. */
  write: (inputs: Input[]) => Promise<Output[]>;
};

type Waiting<Input, Output> = { input: Input; resolve: (output: Output) => void; reject: (error: unknown) => void };

/** A function that writes its input in a shared transaction (see above) and answers what `write` answered for it. */
export function groupedWrites<Input, Output>(options: GroupedWritesOptions<Input, Output>): (input: Input) => Promise<Output> {
  const waiting: Array<Waiting<Input, Output>> = [];
  let running = 0;

  /** The oldest waiting input and the later ones that fit with it, taken out of the queue in arrival order. */
  function nextGroup(): Array<Waiting<Input, Output>> {
    const first = waiting.shift()!;
    const group = [first];
    let items = options.itemsOf(first.input);
    for (let index = 0; index < waiting.length; ) {
      const candidate = waiting[index];
      const more = options.itemsOf(candidate.input);
      if (options.compatible(first.input, candidate.input) && items + more <= options.maxItems) {
        group.push(candidate);
        items += more;
        waiting.splice(index, 1);
      } else {
        index += 1;
      }
    }
    return group;
  }

  async function writeGroup(group: Array<Waiting<Input, Output>>): Promise<void> {
    try {
      const outputs = await options.write(group.map((member) => member.input));
      group.forEach((member, index) => member.resolve(outputs[index]));
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      // What failed the shared transaction may be one input's doing: each is written on its own,
      // so the others still go through and the failing one gets its own error.
      for (const member of group) {
        try {
          const [output] = await options.write([member.input]);
          member.resolve(output);
        } catch (alone) {
          member.reject(alone);
        }
      }
    }
  }

  function startWrites(): void {
    while (running < options.slots() && waiting.length > 0) {
      running += 1;
      void writeGroup(nextGroup()).finally(() => {
        running -= 1;
        scheduleWrites();
      });
    }
  }

  // Writes start after the event loop's current turn: the requests that turn reads from their
  // sockets reach the queue first. A SQLite transaction runs without yielding to I/O, so
  // without this, no request could ever join a write already started, and groups stayed single.
  let scheduled = false;
  function scheduleWrites(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      startWrites();
    });
  }

  return (input) =>
    new Promise<Output>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      scheduleWrites();
    });
}
