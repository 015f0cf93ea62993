// Running an import's requests: a bounded pool of lanes, and a progress bar on standard error.

/** Runs `worker` over `items`, at most `concurrency` at a time. */
export async function runPool<T>(
  items: T[],
  concurrency: number,
  worker: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next
      next += 1
      await worker(items[index]!, index)
    }
  })
  await Promise.all(lanes)
}

export function progressBar(enabled: boolean, total: number) {
  let last = 0
  return {
    update(done: number, failed: number, force = false) {
      if (!enabled || (!force && Date.now() - last < 100 && done < total)) {
        return
      }
      last = Date.now()
      const width = 30
      const filled = total === 0 ? width : Math.round((done / total) * width)
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  failed ${failed}`,
      )
    },
    end() {
      if (enabled) {
        process.stderr.write('\n')
      }
    },
  }
}
